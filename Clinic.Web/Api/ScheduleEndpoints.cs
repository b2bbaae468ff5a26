using System.Security.Claims;
using Clinic.Data.Scheduling;
using Clinic.Domain.Common;
using Clinic.Domain.Scheduling;

namespace Clinic.Web.Api;

/// <summary>A doctor's own time (owner and staff may edit any doctor's): weekly hours, time off, extra hours, single slots, and one slot's switch.</summary>
public static class ScheduleEndpoints
{
    public sealed record RuleRequest(DayOfWeek? Day, TimeOnly? From, TimeOnly? To, int? SlotMinutes, int? Capacity);
    public sealed record TimeOffRequest(DateOnly? FirstDate, DateOnly? LastDate, string? Reason);
    public sealed record HoursRequest(DateOnly? Date, TimeOnly? From, TimeOnly? To, int? SlotMinutes, int? Capacity);
    public sealed record RuleDto(Guid Id, DayOfWeek Day, TimeOnly From, TimeOnly To, int SlotMinutes, int Capacity);
    public sealed record ExceptionDto(Guid Id, ExceptionKind Kind, DateOnly FirstDate, DateOnly LastDate, TimeOnly? From, TimeOnly? To, int? SlotMinutes, int? Capacity, string? Reason);
    public sealed record ScheduleDto(Guid DoctorId, string DoctorName, IReadOnlyList<RuleDto> WeeklyHours, IReadOnlyList<ExceptionDto> TimeOff, IReadOnlyList<ExceptionDto> ExtraHoursAndSlots);

    public static void MapSchedule(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/doctors/{doctorId:guid}").WithTags("Doctor's schedule");

        group.MapGet("/schedule", async (Guid doctorId, ClaimsPrincipal user, ScheduleEditor editor, CancellationToken cancellationToken) =>
        {
            var view = await editor.GetAsync(ApiCaller.Actor(user), doctorId, cancellationToken);
            return view.Succeeded ? TypedResults.Ok(ToDto(view.Value!)) : ApiProblems.From(view);
        })
        .WithSummary("The editable schedule: weekly hours, time off, extra hours and single slots")
        .Produces<ScheduleDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/schedule/weekly-hours", (Guid doctorId, RuleRequest body, ClaimsPrincipal user, ScheduleEditor editor, CancellationToken cancellationToken) =>
            Rule(body) is not { } details ? Task.FromResult(Missing("day, from, to, slotMinutes and capacity"))
                : Run(editor.AddRuleAsync(ApiCaller.Actor(user), doctorId, details, cancellationToken)))
        .WithSummary("Add weekly hours (day, from–to, slot length, seats per slot)");

        group.MapPut("/schedule/weekly-hours/{ruleId:guid}", (Guid doctorId, Guid ruleId, RuleRequest body, ClaimsPrincipal user, ScheduleEditor editor, CancellationToken cancellationToken) =>
            Rule(body) is not { } details ? Task.FromResult(Missing("day, from, to, slotMinutes and capacity"))
                : Run(editor.UpdateRuleAsync(ApiCaller.Actor(user), doctorId, ruleId, details, cancellationToken)))
        .WithSummary("Change weekly hours; bookings are never deleted (ones that no longer fit need attention)");

        group.MapDelete("/schedule/weekly-hours/{ruleId:guid}", (Guid doctorId, Guid ruleId, ClaimsPrincipal user, ScheduleEditor editor, CancellationToken cancellationToken) =>
            Run(editor.RemoveRuleAsync(ApiCaller.Actor(user), doctorId, ruleId, cancellationToken)))
        .WithSummary("Remove weekly hours");

        group.MapPost("/schedule/time-off", (Guid doctorId, TimeOffRequest body, ClaimsPrincipal user, ScheduleEditor editor, CancellationToken cancellationToken) =>
            body is { FirstDate: { } first, LastDate: { } last }
                ? Run(editor.AddTimeOffAsync(ApiCaller.Actor(user), doctorId, first, last, body.Reason ?? string.Empty, cancellationToken))
                : Task.FromResult(Missing("firstDate and lastDate")))
        .WithSummary("Take a day or a range off, with the reason patients see");

        group.MapPost("/schedule/extra-hours", (Guid doctorId, HoursRequest body, ClaimsPrincipal user, ScheduleEditor editor, CancellationToken cancellationToken) =>
            body is { Date: { } date, From: { } from, To: { } to, SlotMinutes: { } minutes, Capacity: { } capacity }
                ? Run(editor.AddExtraHoursAsync(ApiCaller.Actor(user), doctorId, date, from, to, minutes, capacity, cancellationToken))
                : Task.FromResult(Missing("date, from, to, slotMinutes and capacity")))
        .WithSummary("Add hours on one date");

        group.MapPost("/schedule/single-slots", (Guid doctorId, HoursRequest body, ClaimsPrincipal user, ScheduleEditor editor, CancellationToken cancellationToken) =>
            body is { Date: { } date, From: { } from, To: { } to, Capacity: { } capacity }
                ? Run(editor.AddSingleSlotAsync(ApiCaller.Actor(user), doctorId, date, from, to, capacity, cancellationToken))
                : Task.FromResult(Missing("date, from, to and capacity")))
        .WithSummary("Add one slot on one date");

        group.MapDelete("/schedule/exceptions/{exceptionId:guid}", (Guid doctorId, Guid exceptionId, ClaimsPrincipal user, ScheduleEditor editor, CancellationToken cancellationToken) =>
            Run(editor.RemoveExceptionAsync(ApiCaller.Actor(user), doctorId, exceptionId, cancellationToken)))
        .WithSummary("Remove time off, extra hours or a single slot (never a booked slot)");

        foreach (var (verb, action) in new[] { ("enable", SlotAction.Enable), ("disable", SlotAction.Disable) })
        {
            group.MapPost($"/slots/{{startUtc}}/{verb}", (Guid doctorId, DateTime startUtc, ClaimsPrincipal user, ScheduleEditor editor, CancellationToken cancellationToken) =>
                Run(editor.SetSlotAsync(ApiCaller.Actor(user), doctorId, Utc(startUtc), action, cancellationToken)))
            .WithSummary($"{char.ToUpperInvariant(verb[0])}{verb[1..]} one slot (a booked slot cannot be disabled)");
        }

        group.MapDelete("/slots/{startUtc}", (Guid doctorId, DateTime startUtc, ClaimsPrincipal user, ScheduleEditor editor, CancellationToken cancellationToken) =>
            Run(editor.SetSlotAsync(ApiCaller.Actor(user), doctorId, Utc(startUtc), SlotAction.Remove, cancellationToken)))
        .WithSummary("Remove one slot (never a booked one)");
    }

    private static WeeklyRuleDetails? Rule(RuleRequest body) =>
        body is { Day: { } day, From: { } from, To: { } to, SlotMinutes: { } minutes, Capacity: { } capacity } ? new WeeklyRuleDetails(day, from, to, minutes, capacity) : null;

    private static IResult Missing(string fields) => ApiProblems.Field("body", $"Give {fields}.");

    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static async Task<IResult> Run(Task<Result> change)
    {
        var result = await change;
        return result.Succeeded ? TypedResults.NoContent() : ApiProblems.From(result);
    }

    private static ScheduleDto ToDto(DoctorScheduleView view) => new(view.DoctorId, view.DoctorName,
        [.. view.Rules.Select(r => new RuleDto(r.Id, r.Day, r.From, r.To, r.SlotMinutes, r.Capacity))],
        [.. view.TimeOff.Select(ToDto)], [.. view.Extras.Select(ToDto)]);

    private static ExceptionDto ToDto(ScheduleException e) => new(e.Id, e.Kind, e.FirstDate, e.LastDate, e.From, e.To, e.SlotMinutes, e.Capacity, e.Reason);
}
