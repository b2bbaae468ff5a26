using Clinic.Data.Doctors;
using Clinic.Data.Overview;
using Clinic.Data.Scheduling;

namespace Clinic.Web.Api;

/// <summary>What anyone may read: the clinic with its zone and booking rules, and the doctors.</summary>
public static class DirectoryEndpoints
{
    public sealed record ClinicDto(Guid Id, string Name, string Address, string TimeZoneId, string Currency, int BookingWindowDays, int MinimumNoticeHours,
        int CancellationCutoffHours, DateOnly Today, DateOnly LastBookableDate, string? Phone = null, string? Email = null, string? OpeningHours = null, string? LogoUrl = null,
        string Language = "en");

    public static void MapDirectory(this RouteGroupBuilder api)
    {
        api.MapGet("/clinic", async (ClinicOverview overview, ClinicSettingsEditor settings, AvailabilityQueries availability, CancellationToken cancellationToken) =>
        {
            if (await overview.GetAsync(cancellationToken) is not { } clinic || await settings.GetAsync(cancellationToken) is not { } rules
                || await availability.CalendarAsync(cancellationToken) is not { } calendar)
                return ApiProblems.NotFound("The clinic has not been set up yet.");
            return TypedResults.Ok(new ClinicDto(clinic.ClinicId, clinic.Name, clinic.Address, clinic.TimeZoneId, clinic.Currency, rules.BookingWindowDays,
                rules.MinimumNoticeHours, rules.CancellationCutoffHours, calendar.Today, calendar.LastBookableDate, clinic.Phone, clinic.Email, clinic.OpeningHours, clinic.LogoUrl, clinic.Language));
        })
        .WithTags("Clinic").WithSummary("The clinic, its time zone and booking policy, and its profile (phone, email, opening hours, logo, the language it opens in)").AllowAnonymous()
        .Produces<ClinicDto>();

        var doctors = api.MapGroup("/doctors").WithTags("Doctors").AllowAnonymous();

        doctors.MapGet("/", async (string? specialization, string? q, DoctorDirectory directory, CancellationToken cancellationToken) =>
        {
            var all = await directory.ListAsync(cancellationToken);
            return TypedResults.Ok(all
                .Where(d => string.IsNullOrWhiteSpace(specialization) || d.Specialization.Equals(specialization.Trim(), StringComparison.OrdinalIgnoreCase))
                .Where(d => string.IsNullOrWhiteSpace(q) || d.FullName.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase)
                    || d.Specialization.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase))
                .ToList());
        })
        .WithSummary("Active doctors, filtered by specialization (exact) or text in the name or specialization");

        doctors.MapGet("/{doctorId:guid}", async (Guid doctorId, DoctorDirectory directory, CancellationToken cancellationToken) =>
            await directory.FindAsync(doctorId, cancellationToken) is { } doctor ? Results.Ok(doctor) : ApiProblems.NotFound("No such doctor."))
        .WithSummary("One doctor's profile")
        .Produces<DoctorCard>().ProducesProblem(StatusCodes.Status404NotFound);
    }
}
