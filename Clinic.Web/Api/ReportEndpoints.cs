using System.Security.Claims;
using Clinic.Data.Booking;
using Clinic.Data.Payments;
using Clinic.Domain.Payments;

namespace Clinic.Web.Api;

/// <summary>The owner's reports for accounting software: the takings over clinic days, as the takings page shows them.</summary>
public static class ReportEndpoints
{
    public static void MapReports(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");

        reports.MapGet("/takings", async (DateOnly from, DateOnly to, ClaimsPrincipal user, AppointmentActors actors, TakingsQueries takings,
            CancellationToken cancellationToken) =>
        {
            var report = await takings.ReportAsync(await ApiCaller.AppointmentActorAsync(user, actors, cancellationToken), new TakingsPeriod(from, to), cancellationToken);
            return report.Succeeded ? Results.Ok(report.Value) : ApiProblems.From(report);
        })
        .WithSummary("The money received from one clinic day to another (both included): totals by method, doctor, desk and day, voids, the finished visits still owing, and every payment; the owner only")
        .Produces<TakingsReport>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
