using System.Runtime.CompilerServices;
using System.Text.Json;
using Clinic.Data.Scheduling;

namespace Clinic.Web.Api;

/// <summary>
/// The JSON of a doctor's availability, written once per answer. An answer kept by
/// <see cref="AvailabilityAnswers"/> is the same object for as long as the seats, hours, clinic
/// rules and the clock leave it unchanged, so its bytes are too; a new answer gets new bytes, and
/// the old ones go with the old answer.
/// </summary>
internal static class AnswerJson
{
    private static readonly ConditionalWeakTable<DoctorAvailability, byte[]> Written = [];

    public static IResult For(DoctorAvailability answer) =>
        TypedResults.Bytes(Written.GetValue(answer, Write), "application/json; charset=utf-8");

    private static byte[] Write(DoctorAvailability answer) =>
        JsonSerializer.SerializeToUtf8Bytes(new DoctorAvailabilityDto(answer.DoctorId, answer.Calendar.TimeZoneId, answer.Days[0].Date, answer.Days[^1].Date,
            [.. answer.Days.Select(DayDto.From)], [.. answer.Slots.Select(SlotDto.From)]), AvailabilityJson.Default.DoctorAvailabilityDto);
}
