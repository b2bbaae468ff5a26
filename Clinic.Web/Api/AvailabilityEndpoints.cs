using Clinic.Data.Scheduling;

namespace Clinic.Web.Api;

/// <summary>Availability, computed on demand by the same calculator the pages use.</summary>
public static class AvailabilityEndpoints
{
    public static void MapAvailability(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Availability").AllowAnonymous();

        group.MapGet("/doctors/{doctorId:guid}/availability", async (Guid doctorId, DateOnly? from, int? days, Guid? type, AvailabilityQueries availability,
            Clinic.Data.Types.AppointmentTypes types, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var (problem, result) = await ReadAsync(doctorId, from, days, type, availability, types, clock, cancellationToken);
            return problem ?? AnswerJson.For(result!);
        })
        .WithSummary("Every slot of one doctor over a range of clinic-local dates (from today, 7 days by default), with state, seats left and the reason")
        .WithDescription("With `type` (an appointment type the doctor offers), a start is open only where that type fits: a type longer than the slot needs the following slots of the same hours free, and its buffer the time after it; the other starts are `DoesNotFit` with the reason.")
        .Produces<DoctorAvailabilityDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();

        group.MapGet("/doctors/{doctorId:guid}/calendar", async (Guid doctorId, DateOnly? from, int? days, Guid? type, AvailabilityQueries availability,
            Clinic.Data.Types.AppointmentTypes types, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var (problem, result) = await ReadAsync(doctorId, from, days, type, availability, types, clock, cancellationToken);
            return problem ?? TypedResults.Ok(result!.Days.Select(DayDto.From).ToList());
        })
        .WithSummary("A day-by-day summary (slots, free slots, seats left, days off) for N days, 7 by default; with `type`, free slots count the starts where that type fits")
        .Produces<List<DayDto>>().ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();

        group.MapPost("/availability/bulk", async (BulkAvailabilityRequest request, AvailabilityQueries availability, CancellationToken cancellationToken) =>
        {
            var doctorIds = request.DoctorIds?.Distinct().ToList() ?? [];
            var dates = request.Dates?.Distinct().ToList() ?? [];
            var errors = new Dictionary<string, string[]>();
            if (doctorIds.Count is 0 or > AvailabilityQueries.MaxBulkDoctors)
                errors["doctorIds"] = [$"Give between 1 and {AvailabilityQueries.MaxBulkDoctors} doctors."];
            if (dates.Count is 0 or > AvailabilityQueries.MaxBulkDays)
                errors["dates"] = [$"Give between 1 and {AvailabilityQueries.MaxBulkDays} dates."];
            else if (dates.Max().DayNumber - dates.Min().DayNumber >= AvailabilityQueries.MaxBulkDays)
                errors["dates"] = [$"Give dates within {AvailabilityQueries.MaxBulkDays} days of each other."];
            if (errors.Count > 0)
                return ApiProblems.Fields(errors);
            var rows = await availability.BulkAsync(doctorIds, dates, cancellationToken);
            return TypedResults.Ok(rows.Select(r => new DoctorDaysDto(r.DoctorId, r.DoctorName, r.Specialization, [.. r.Days.Select(DayDto.From)])).ToList());
        })
        .WithSummary("Day summaries for several doctors over several dates in one request")
        .Produces<List<DoctorDaysDto>>().ProducesValidationProblem();

        group.MapGet("/availability/next", async (AvailabilityQueries availability, CancellationToken cancellationToken) =>
            TypedResults.Ok((await availability.NextAvailableAsync(cancellationToken)).Select(p => new NextFreeDto(p.Key, SlotDto.From(p.Value))).ToList()))
        .WithSummary("Every doctor's next free slot");
    }

    /// <summary>One doctor over a range (from today and 7 days unless asked otherwise), or the problem to answer instead.</summary>
    private static async Task<(IResult? Problem, DoctorAvailability? Result)> ReadAsync(Guid doctorId, DateOnly? from, int? days, Guid? type,
        AvailabilityQueries availability, Clinic.Data.Types.AppointmentTypes types, TimeProvider clock, CancellationToken cancellationToken)
    {
        var count = days ?? 7;
        if (Invalid(from, count, clock) is { } bad)
            return (bad, null);
        Clinic.Domain.Scheduling.VisitLength? length = null;
        if (type is { } typeId)
        {
            if ((await types.ForDoctorAsync(doctorId, cancellationToken)).FirstOrDefault(t => t.Id == typeId) is not { } offered)
                return (ApiProblems.Field("type", Clinic.Data.Types.AppointmentTypes.NotOffered), null);
            length = offered.Length;
        }
        var first = from ?? (await availability.CalendarAsync(cancellationToken))!.Today;
        var result = await availability.ForDoctorAsync(doctorId, first, count, cancellationToken, length: length);
        return (result is null ? ApiProblems.NotFound("No such doctor.") : null, result);
    }

    /// <summary>A range the calculator should not be asked for: checked without touching the database (a day either side covers every zone).</summary>
    private static IResult? Invalid(DateOnly? from, int days, TimeProvider clock)
    {
        if (days is < 1 or > AvailabilityQueries.MaxBulkDays)
            return ApiProblems.Field("days", $"Ask for between 1 and {AvailabilityQueries.MaxBulkDays} days.");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (from is { } first && (first < today.AddYears(-1) || first > today.AddYears(2)))
            return ApiProblems.Field("from", "Ask for dates from a year ago to two years ahead.");
        return null;
    }
}
