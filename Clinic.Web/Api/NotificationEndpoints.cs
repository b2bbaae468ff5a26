using System.Security.Claims;
using Clinic.Data.Booking;
using Clinic.Data.Notifications;

namespace Clinic.Web.Api;

/// <summary>The caller's own notifications; nobody reaches another person's.</summary>
public static class NotificationEndpoints
{
    public static void MapNotifications(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications");

        group.MapGet("/", async (int? page, int? pageSize, bool? unreadOnly, ClaimsPrincipal user, NotificationCenter center, CancellationToken cancellationToken) =>
        {
            var (index, size) = (Math.Max(0, page ?? 0), Math.Clamp(pageSize ?? 20, 1, 100));
            var found = await center.PageAsync(ApiCaller.Actor(user), index, size, unreadOnly ?? false, cancellationToken);
            return TypedResults.Ok(new PageDto<NotificationView>(found.Items, found.Total, index, size));
        })
        .WithSummary("My notifications, newest first");

        group.MapGet("/unread-count", async (ClaimsPrincipal user, NotificationCenter center, CancellationToken cancellationToken) =>
            TypedResults.Ok(new UnreadCountDto((await center.SummaryAsync(ApiCaller.Actor(user), 1, cancellationToken)).Unread)))
        .WithSummary("How many of mine are unread");

        group.MapPost("/{id:guid}/read", async (Guid id, ClaimsPrincipal user, NotificationCenter center, CancellationToken cancellationToken) =>
        {
            var result = await center.MarkReadAsync(ApiCaller.Actor(user), id, cancellationToken);
            return result.Succeeded ? TypedResults.NoContent() : ApiProblems.NotFound(result.Error);
        })
        .WithSummary("Mark one of mine read")
        .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/read-all", async (ClaimsPrincipal user, NotificationCenter center, CancellationToken cancellationToken) =>
            TypedResults.Ok(new { marked = await center.MarkAllReadAsync(ApiCaller.Actor(user), cancellationToken) }))
        .WithSummary("Mark all of mine read");
    }
}
