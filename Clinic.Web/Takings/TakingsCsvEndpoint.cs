using System.Globalization;
using System.Security.Claims;
using Clinic.Data.Booking;
using Clinic.Data.Payments;
using Clinic.Domain.Identity;
using Clinic.Domain.Payments;
using Clinic.Web.Api;

namespace Clinic.Web.Takings;

/// <summary>
/// <c>GET /owner/takings.csv?from=2026-11-01&amp;to=2026-11-30</c>: the owner's takings page's download,
/// signed in as on the pages (the cookie); the days are the clinic's, both included.
/// </summary>
public static class TakingsCsvEndpoint
{
    public const string Path = "/owner/takings.csv";

    public static string For(TakingsPeriod period) => $"{Path}?from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}";

    public static void MapTakingsCsv(this WebApplication app) =>
        app.MapGet(Path, async (string? from, string? to, ClaimsPrincipal user, AppointmentActors actors, TakingsQueries takings, CancellationToken cancellationToken) =>
        {
            if (Day(from) is not { } first || Day(to) is not { } last)
                return TypedResults.Problem(title: "Invalid dates", detail: "Give the first and the last day as from=YYYY-MM-DD and to=YYYY-MM-DD.",
                    statusCode: StatusCodes.Status400BadRequest);
            var report = await takings.ReportAsync(await ApiCaller.AppointmentActorAsync(user, actors, cancellationToken), new TakingsPeriod(first, last), cancellationToken);
            return report.Succeeded
                ? Results.File(TakingsCsvWriter.Write(report.Value!), "text/csv; charset=utf-8", TakingsCsvWriter.FileName(report.Value!))
                : ApiProblems.From(report);
        })
        .RequireAuthorization(policy => policy.RequireRole(ClinicRoles.Owner))
        .ExcludeFromDescription();

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
