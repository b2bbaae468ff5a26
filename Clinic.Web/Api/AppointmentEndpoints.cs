using System.Security.Claims;
using Clinic.Data.Booking;
using Clinic.Domain.Appointments;
using Clinic.Domain.Common;
using Clinic.Domain.Payments;

namespace Clinic.Web.Api;

/// <summary>
/// Appointments over the booking use cases: the permission matrix, the seat index and the
/// history are theirs, so a change made here is the same as one made on a page (and pushed
/// live to open pages the same way).
/// </summary>
public static class AppointmentEndpoints
{
    private delegate Task<Result> Change(BookingService booking, AppointmentActor by, Guid id, CancellationToken cancellationToken);

    public static void MapAppointments(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/appointments").WithTags("Appointments");

        group.MapPost("/", async (BookRequest request, ClaimsPrincipal user, AppointmentActors actors, BookingService booking, CancellationToken cancellationToken) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (request.DoctorId is null)
                errors["doctorId"] = ["Choose a doctor."];
            if (request.StartUtc is null)
                errors["startUtc"] = ["Give the slot's start as a UTC instant, e.g. 2026-11-25T03:00:00Z."];
            if (errors.Count > 0)
                return ApiProblems.Fields(errors);
            var by = await ApiCaller.AppointmentActorAsync(user, actors, cancellationToken);
            var start = request.StartUtc!.Value.Kind == DateTimeKind.Local ? request.StartUtc.Value.ToUniversalTime() : DateTime.SpecifyKind(request.StartUtc.Value, DateTimeKind.Utc);
            var booked = await booking.BookAsync(by, new BookingRequest(request.DoctorId!.Value, start, request.ServiceId, request.Note, request.PatientUserId), cancellationToken);
            return booked.Succeeded
                ? TypedResults.Created($"/api/v1/appointments/{booked.Value!.AppointmentId}", booked.Value)
                : ApiProblems.From(booked);
        })
        .WithSummary("Book a slot: a patient's own request (Pending), or staff and owner booking a patient (Confirmed)")
        .Produces<Booked>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesValidationProblem();

        group.MapGet("/", async ([AsParameters] AppointmentListQuery query, ClaimsPrincipal user, AppointmentActors actors, AppointmentQueries queries, CancellationToken cancellationToken) =>
        {
            var by = await ApiCaller.AppointmentActorAsync(user, actors, cancellationToken);
            var pageSize = Math.Clamp(query.PageSize, 1, 100);
            var page = Math.Max(0, query.Page);
            if (by.IsPatient)
            {
                // A patient's own list is short: filtered and paged here, from the same query as the page.
                var mine = (await queries.MineAsync(by, cancellationToken))
                    .Where(a => a.Status != AppointmentStatus.Offered || query.Status == AppointmentStatus.Offered)
                    .Where(a => query.Status is null || a.Status == query.Status)
                    .Where(a => query.DoctorId is null || a.DoctorId == query.DoctorId)
                    .Where(a => query.From is null || DateOnly.FromDateTime(a.LocalStart) >= query.From)
                    .Where(a => query.To is null || DateOnly.FromDateTime(a.LocalStart) <= query.To)
                    .ToList();
                return TypedResults.Ok(new PageDto<AppointmentView>([.. mine.Skip(page * pageSize).Take(pageSize)], mine.Count, page, pageSize));
            }
            var found = await queries.SearchAsync(by, new AppointmentFilter(query.Q, query.Status, query.DoctorId, query.From, query.To), page, pageSize, cancellationToken);
            return TypedResults.Ok(new PageDto<AppointmentView>(found.Items, found.Total, page, pageSize));
        })
        .WithSummary("Appointments by role: a patient's own; a doctor's own; every appointment for owner and staff. Filtered and paged.")
        .Produces<PageDto<AppointmentView>>();

        group.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, AppointmentActors actors, AppointmentQueries queries, CancellationToken cancellationToken) =>
        {
            var detail = await queries.DetailAsync(await ApiCaller.AppointmentActorAsync(user, actors, cancellationToken), id, cancellationToken);
            return detail.Succeeded ? TypedResults.Ok(AppointmentDetailDto.From(detail.Value!)) : ApiProblems.From(detail.Code is null ? detail with { Code = RefusalCodes.NotFound } : detail);
        })
        .WithSummary("One appointment with its history")
        .Produces<AppointmentDetailDto>().ProducesProblem(StatusCodes.Status404NotFound);

        MapChange(group, "/{id:guid}/confirm", "Confirm a pending request (owner, staff)",
            (VersionRequest? body) => (b, by, id, ct) => b.ConfirmAsync(by, id, body?.Version, ct));
        MapChange(group, "/{id:guid}/complete", "Mark a started visit completed (owner, staff, its doctor)",
            (VersionRequest? body) => (b, by, id, ct) => b.CompleteAsync(by, id, body?.Version, ct));
        MapChange(group, "/{id:guid}/no-show", "Mark that the patient did not come (owner, staff)",
            (VersionRequest? body) => (b, by, id, ct) => b.MarkNoShowAsync(by, id, body?.Version, ct));
        MapChange(group, "/{id:guid}/next-stage", "Move a confirmed visit on, on its day: check in, call in, finish (owner, staff, its doctor)",
            (VersionRequest? body) => (b, by, id, ct) => b.AdvanceStageAsync(by, id, body?.Version, ct));

        group.MapPost("/{id:guid}/cancel", (Guid id, CancelRequest? body, ClaimsPrincipal user, AppointmentActors actors, BookingService booking, CancellationToken cancellationToken) =>
            RunAsync(id, user, actors, booking, (b, by, i, ct) => b.CancelAsync(by, i, body?.Version, body?.Reason, ct), cancellationToken))
        .WithSummary("Cancel (the clinic gives a reason; a patient only until the cut-off)")
        .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/reschedule", (Guid id, RescheduleRequest body, ClaimsPrincipal user, AppointmentActors actors, BookingService booking, CancellationToken cancellationToken) =>
            body.StartUtc is not { } start
                ? Task.FromResult(ApiProblems.Field("startUtc", "Give the new slot's start as a UTC instant."))
                : RunAsync(id, user, actors, booking, (b, by, i, ct) => b.RescheduleAsync(by, i, body.Version, DateTime.SpecifyKind(start.ToUniversalTime(), DateTimeKind.Utc), ct, body.DoctorId), cancellationToken))
        .WithSummary("Move to another slot in one step (the clinic may name another doctor): the new seat is taken and the old one freed together, or nothing changes")
        .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem();

        group.MapPost("/{id:guid}/payments", (Guid id, PaymentRequest body, ClaimsPrincipal user, AppointmentActors actors, BookingService booking, CancellationToken cancellationToken) =>
            body.Amount is not { } amount ? Task.FromResult(ApiProblems.Field("amount", "Give the amount received."))
            : body.Method is not { } method ? Task.FromResult(ApiProblems.Field("method", "Say how it was paid: Cash, Card, MobileWallet or BankTransfer."))
            : RunAsync(id, user, actors, booking, (b, by, i, ct) => b.TakePaymentAsync(by, i, body.Version, new PaymentDetails(amount, method, body.Reference), ct), cancellationToken))
        .WithSummary("Record money received for a confirmed or completed visit (owner, staff), at most what is still due")
        .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem();

        group.MapPost("/{id:guid}/discount", (Guid id, DiscountRequest body, ClaimsPrincipal user, AppointmentActors actors, BookingService booking, CancellationToken cancellationToken) =>
            body.Fee is not { } fee ? Task.FromResult(ApiProblems.Field("fee", "Give the visit's new, lower fee."))
            : RunAsync(id, user, actors, booking, (b, by, i, ct) => b.DiscountAsync(by, i, body.Version, new FeeDiscount(fee, body.Reason), ct), cancellationToken))
        .WithSummary("Lower a confirmed or completed visit's fee, with the reason (owner, staff): never below what was paid; what is left unpaid no longer counts as owed")
        .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem();

        group.MapPost("/{id:guid}/payments/{paymentId:guid}/void", (Guid id, Guid paymentId, VoidPaymentRequest? body, ClaimsPrincipal user, AppointmentActors actors,
            BookingService booking, CancellationToken cancellationToken) =>
            RunAsync(id, user, actors, booking, (b, by, i, ct) => b.VoidPaymentAsync(by, i, body?.Version, paymentId, body?.Reason, ct), cancellationToken))
        .WithSummary("Void a payment, with the reason (the owner any; staff their own, on the day): it stays on record and stops counting as paid")
        .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapDelete("/{id:guid}", (Guid id, int? version, ClaimsPrincipal user, AppointmentActors actors, BookingService booking, CancellationToken cancellationToken) =>
            RunAsync(id, user, actors, booking, (b, by, i, ct) => b.DeleteAsync(by, i, version, ct), cancellationToken))
        .WithSummary("Delete (owner, staff): gone from every list, seat freed, history kept")
        .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static void MapChange(RouteGroupBuilder group, string pattern, string summary, Func<VersionRequest?, Change> change) =>
        group.MapPost(pattern, (Guid id, VersionRequest? body, ClaimsPrincipal user, AppointmentActors actors, BookingService booking, CancellationToken cancellationToken) =>
            RunAsync(id, user, actors, booking, change(body), cancellationToken))
        .WithSummary(summary)
        .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> RunAsync(Guid id, ClaimsPrincipal user, AppointmentActors actors, BookingService booking, Change change, CancellationToken cancellationToken)
    {
        var by = await ApiCaller.AppointmentActorAsync(user, actors, cancellationToken);
        var result = await change(booking, by, id, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : ApiProblems.From(result);
    }
}
