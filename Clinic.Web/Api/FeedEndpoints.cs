using System.Security.Claims;
using Clinic.Data.Feeds;
using Clinic.Domain.Feeds;
using Clinic.Web.Email;
using Clinic.Web.Feeds;
using Microsoft.Extensions.Options;

namespace Clinic.Web.Api;

/// <summary>
/// Calendar subscriptions: <c>GET /api/v1/feeds/{secret}.ics</c> serves a doctor's or a patient's
/// appointments to any calendar app; the person or the owner issues (again) and revokes the address.
/// </summary>
public static class FeedEndpoints
{
    public sealed record FeedAddressDto(string Url, string Note);

    public static void MapFeeds(this RouteGroupBuilder api)
    {
        var feeds = api.MapGroup("/feeds").WithTags("Calendar feeds");

        feeds.MapGet("/{token}.ics", async (string token, CalendarFeeds calendars, TimeProvider clock, CancellationToken cancellationToken) =>
            await calendars.ReadAsync(token, cancellationToken) is { } feed
                ? Results.Text(CalendarFeedWriter.Write(feed, clock.GetUtcNow()), "text/calendar; charset=utf-8")
                : ApiProblems.NotFound("No such calendar, or its address was revoked."))
        .AllowAnonymous()
        .WithSummary("A calendar (.ics) of a doctor's or a patient's appointments; the secret in the address is the key")
        .Produces<string>(contentType: "text/calendar").ProducesProblem(StatusCodes.Status404NotFound);

        foreach (var (segment, kind) in new[] { ("doctors", FeedSubjectKind.Doctor), ("patients", FeedSubjectKind.Patient) })
        {
            feeds.MapPost($"/{segment}/{{subjectId}}", async (string subjectId, ClaimsPrincipal user, CalendarFeeds calendars, IOptions<EmailOptions> email,
                CancellationToken cancellationToken) =>
            {
                var issued = await calendars.IssueAsync(ApiCaller.Actor(user), new FeedSubject(kind, subjectId), cancellationToken);
                return issued.Succeeded
                    ? TypedResults.Ok(new FeedAddressDto(Url(email.Value, issued.Value!), "Shown once: keep it private. Issuing again replaces it."))
                    : ApiProblems.From(issued);
            })
            .WithSummary($"Issue (or reissue) the calendar address of a {kind.ToString().ToLowerInvariant()}: the person or the owner")
            .Produces<FeedAddressDto>().ProducesProblem(StatusCodes.Status404NotFound);

            feeds.MapDelete($"/{segment}/{{subjectId}}", async (string subjectId, ClaimsPrincipal user, CalendarFeeds calendars, CancellationToken cancellationToken) =>
            {
                var revoked = await calendars.RevokeAsync(ApiCaller.Actor(user), new FeedSubject(kind, subjectId), cancellationToken);
                return revoked.Succeeded ? TypedResults.NoContent() : ApiProblems.From(revoked);
            })
            .WithSummary($"Revoke the calendar address of a {kind.ToString().ToLowerInvariant()}")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        }
    }

    public static string Url(EmailOptions email, string token) => $"{email.PublicBaseUrl.TrimEnd('/')}/api/v1/feeds/{token}.ics";
}
