using System.Security.Claims;
using Clinic.Data.Booking;
using Clinic.Data.Series;
using Clinic.Domain.Series;

namespace Clinic.Web.Api;

/// <summary>Recurring visits for a patient (owner and staff): check every visit first, then save the accepted ones together.</summary>
public static class SeriesEndpoints
{
    /// <param name="Frequency">weekly or monthlyByWeekday.</param>
    /// <param name="Interval">Every how many weeks or months.</param>
    /// <param name="Count">How many visits; or give <paramref name="Until"/>.</param>
    /// <param name="StartsUtc">Booking only: the visits accepted from the preview (free times and chosen alternatives).</param>
    public sealed record SeriesBody(Guid? DoctorId, string? PatientUserId, DateTime? FirstStartUtc, SeriesFrequency? Frequency, int? Interval, int? Count, DateOnly? Until,
        Guid? ServiceId, string? Note, IReadOnlyList<DateTime>? StartsUtc);

    public static void MapSeries(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/series").WithTags("Recurring series");

        group.MapPost("/preview", async (SeriesBody body, ClaimsPrincipal user, AppointmentActors actors, SeriesBooking series, CancellationToken cancellationToken) =>
        {
            if (Request(body) is not { } request)
                return Missing();
            var preview = await series.PreviewAsync(await ApiCaller.AppointmentActorAsync(user, actors, cancellationToken), request, cancellationToken);
            return preview.Succeeded ? Results.Ok(preview.Value) : ApiProblems.From(preview);
        })
        .WithSummary("Check every visit of a series before anything is saved: each is free, or says why not with the nearest free time")
        .Produces<SeriesPreview>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesValidationProblem();

        group.MapPost("/", async (SeriesBody body, ClaimsPrincipal user, AppointmentActors actors, SeriesBooking series, CancellationToken cancellationToken) =>
        {
            if (Request(body) is not { } request || body.StartsUtc is not { Count: > 0 } starts)
                return Missing();
            var booked = await series.BookAsync(await ApiCaller.AppointmentActorAsync(user, actors, cancellationToken), request,
                [.. starts.Select(s => DateTime.SpecifyKind(s.ToUniversalTime(), DateTimeKind.Utc))], cancellationToken);
            return booked.Succeeded ? Results.Created($"/api/v1/appointments/{booked.Value!.AppointmentIds[0]}", booked.Value) : ApiProblems.From(booked);
        })
        .WithSummary("Book the accepted visits of a series as confirmed appointments, in one transaction: all of them, or none with the refusal naming the visit")
        .Produces<SeriesBooked>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden).ProducesValidationProblem();
    }

    private static SeriesRequest? Request(SeriesBody body) =>
        body is { DoctorId: { } doctor, PatientUserId: { Length: > 0 } patient, FirstStartUtc: { } first, Frequency: { } frequency }
            ? new SeriesRequest(doctor, patient, DateTime.SpecifyKind(first.ToUniversalTime(), DateTimeKind.Utc), new SeriesRule(frequency, body.Interval ?? 1, body.Count, body.Until), body.ServiceId, body.Note)
            : null;

    private static IResult Missing() =>
        ApiProblems.Field("series", "Give doctorId, patientUserId, firstStartUtc and frequency (and startsUtc to book).");
}
