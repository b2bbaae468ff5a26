using Clinic.Data.Persistence;
using Clinic.Domain.Clinics;
using Clinic.Domain.Common;
using Clinic.Domain.Doctors;
using Clinic.Domain.Events;
using Clinic.Domain.Identity;
using Clinic.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Scheduling;

/// <summary>
/// A doctor manages their own time; owner and staff manage any doctor's. Every change is checked
/// against the rules, saved in one transaction, then announced.
/// </summary>
public sealed class ScheduleEditor(IDbContextFactory<ClinicDbContext> contexts, AvailabilityQueries availability, TimeProvider clock)
{
    private const string NotYours = "You can only change your own schedule.";
    private const string NoDoctor = "That doctor no longer exists.";

    /// <summary>The doctor profile of a signed-in doctor, if any.</summary>
    public async Task<Guid?> DoctorIdOfAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Doctors.Where(d => d.UserId == actor.UserId).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Result<DoctorScheduleView>> GetAsync(Actor actor, Guid doctorId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (doctor, refusal) = await AccessAsync(db, actor, doctorId, cancellationToken);
        if (doctor is null)
            return Result<DoctorScheduleView>.From(Refused(refusal!));
        var today = await TodayAsync(db, cancellationToken);
        var rules = await db.WeeklyRules.AsNoTracking().Where(r => r.DoctorId == doctorId).ToListAsync(cancellationToken);
        var exceptions = await db.ScheduleExceptions.AsNoTracking().Where(e => e.DoctorId == doctorId && e.LastDate >= today).ToListAsync(cancellationToken);
        return Result<DoctorScheduleView>.Ok(new DoctorScheduleView(doctorId, doctor.FullName,
            [.. rules.OrderBy(r => (((int)r.Day + 6) % 7, r.From))],
            [.. exceptions.Where(e => e.Kind == ExceptionKind.Closed).OrderBy(e => e.FirstDate)],
            [.. exceptions.Where(e => e.Kind != ExceptionKind.Closed).OrderBy(e => (e.FirstDate, e.From))]));
    }

    public Task<Result> AddRuleAsync(Actor actor, Guid doctorId, WeeklyRuleDetails details, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, doctorId, cancellationToken, async (db, schedule, today) =>
        {
            var rule = WeeklyRule.Create(doctorId, details);
            if (!rule.Succeeded)
                return rule;
            if (ScheduleConflicts.ForRule(schedule, details, null, today) is { } clash)
                return Result.Failure(clash);
            db.WeeklyRules.Add(rule.Value!);
            return Result.Success;
        });

    public Task<Result> UpdateRuleAsync(Actor actor, Guid doctorId, Guid ruleId, WeeklyRuleDetails details, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, doctorId, cancellationToken, async (db, schedule, today) =>
        {
            var rule = await db.WeeklyRules.FirstOrDefaultAsync(r => r.Id == ruleId && r.DoctorId == doctorId, cancellationToken);
            if (rule is null)
                return Result.Failure("Those hours no longer exist.");
            if (ScheduleConflicts.ForRule(schedule, details, ruleId, today) is { } clash)
                return Result.Failure(clash);
            return rule.Update(details);
        });

    /// <summary>Removing hours keeps their bookings; they show up under "needs attention".</summary>
    public Task<Result> RemoveRuleAsync(Actor actor, Guid doctorId, Guid ruleId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, doctorId, cancellationToken, async (db, _, _) =>
        {
            var rule = await db.WeeklyRules.FirstOrDefaultAsync(r => r.Id == ruleId && r.DoctorId == doctorId, cancellationToken);
            if (rule is null)
                return Result.Failure("Those hours no longer exist.");
            db.WeeklyRules.Remove(rule);
            return Result.Success;
        });

    public Task<Result> AddTimeOffAsync(Actor actor, Guid doctorId, DateOnly first, DateOnly last, string reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, doctorId, cancellationToken, async (db, _, today) =>
        {
            if (last < today)
                return Result.Failure("That time off is already over.");
            var closed = ScheduleException.Closed(doctorId, first, last, reason);
            if (!closed.Succeeded)
                return closed;
            db.ScheduleExceptions.Add(closed.Value!);
            return Result.Success;
        });

    public Task<Result> AddExtraHoursAsync(Actor actor, Guid doctorId, DateOnly date, TimeOnly from, TimeOnly to, int slotMinutes, int capacity,
        CancellationToken cancellationToken = default) =>
        AddOnDateAsync(actor, doctorId, date, from, to, cancellationToken,
            () => ScheduleException.ExtraHours(doctorId, date, from, to, slotMinutes, capacity));

    public Task<Result> AddSingleSlotAsync(Actor actor, Guid doctorId, DateOnly date, TimeOnly from, TimeOnly to, int capacity,
        CancellationToken cancellationToken = default) =>
        AddOnDateAsync(actor, doctorId, date, from, to, cancellationToken,
            () => ScheduleException.AdHocSlot(doctorId, date, from, to, capacity));

    public Task<Result> RemoveExceptionAsync(Actor actor, Guid doctorId, Guid exceptionId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, doctorId, cancellationToken, async (db, _, _) =>
        {
            var exception = await db.ScheduleExceptions.FirstOrDefaultAsync(e => e.Id == exceptionId && e.DoctorId == doctorId, cancellationToken);
            if (exception is null)
                return Result.Refused(RefusalCodes.NotFound, "That entry no longer exists.");
            if (exception.Kind == ExceptionKind.AdHocSlot && await BookedAtAsync(db, doctorId, exception, cancellationToken) is > 0 and var seats)
                return Result.Refused(RefusalCodes.SlotBooked, BookedRefusal(seats, "removed"));
            db.ScheduleExceptions.Remove(exception);
            return Result.Success;
        });

    /// <summary>Enable, disable or remove one generated slot. A slot with bookings can be neither disabled nor removed.</summary>
    public async Task<Result> SetSlotAsync(Actor actor, Guid doctorId, DateTime startUtc, SlotAction action, CancellationToken cancellationToken = default)
    {
        startUtc = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        var result = await ChangeAsync(actor, doctorId, cancellationToken, async (db, _, _) =>
        {
            var clinic = (await ScheduleData.ClinicAsync(db, cancellationToken))!;
            var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(startUtc, clinic.TimeZone));
            var computed = await availability.ComputeAsync(db, clinic, [doctorId], date, date, cancellationToken);
            var slot = computed[doctorId].Slots.FirstOrDefault(s => s.StartUtc == startUtc);
            if (slot is null)
                return Result.Refused(RefusalCodes.NoSuchSlot, "That slot is no longer in the schedule.");
            if (slot.State == SlotState.Past)
                return Result.Refused(RefusalCodes.InPast, "That slot has already started.");
            if (action != SlotAction.Enable && slot.HasBookings)
                return Result.Refused(RefusalCodes.SlotBooked, BookedRefusal(slot.SeatsBooked, action == SlotAction.Disable ? "disabled" : "removed"));

            var existing = await db.SlotSwitches.FirstOrDefaultAsync(s => s.DoctorId == doctorId && s.StartUtc == startUtc, cancellationToken);
            switch (action)
            {
                case SlotAction.Enable when existing is not null:
                    db.SlotSwitches.Remove(existing);
                    break;
                case SlotAction.Remove when slot.Source == SlotSource.AdHoc:
                    db.ScheduleExceptions.Remove(await db.ScheduleExceptions.FirstAsync(e => e.Id == slot.ExceptionId, cancellationToken));
                    break;
                case SlotAction.Disable or SlotAction.Remove:
                    var state = action == SlotAction.Disable ? SlotSwitchState.Disabled : SlotSwitchState.Removed;
                    if (existing is null)
                        db.SlotSwitches.Add(SlotSwitch.For(doctorId, startUtc, state));
                    else
                        existing.Set(state);
                    break;
            }
            return Result.Success;
        });
        return result;
    }

    /// <summary>Coming bookings that the current schedule no longer offers.</summary>
    public async Task<Result<IReadOnlyList<AttentionItem>>> NeedsAttentionAsync(Actor actor, Guid doctorId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (doctor, refusal) = await AccessAsync(db, actor, doctorId, cancellationToken);
        if (doctor is null)
            return Result<IReadOnlyList<AttentionItem>>.From(Refused(refusal!));
        var clinic = (await ScheduleData.ClinicAsync(db, cancellationToken))!;
        var now = clock.GetUtcNow();
        var booked = await ScheduleData.BookedSeatsAsync(db, [doctorId], now.UtcDateTime, now.UtcDateTime.AddDays(400), cancellationToken);
        var lastDate = booked[doctorId].Count == 0 ? DateOnly.FromDateTime(now.UtcDateTime) : DateOnly.FromDateTime(booked[doctorId].Keys.Max()).AddDays(1);
        var schedules = await ScheduleData.SchedulesAsync(db, [doctorId], DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1), lastDate, cancellationToken);
        var calculator = new AvailabilityCalculator(clinic.TimeZone, clinic.Policy);
        return Result<IReadOnlyList<AttentionItem>>.Ok(calculator.BookingsOutsideSchedule(schedules[doctorId], booked[doctorId], now));
    }

    private Task<Result> AddOnDateAsync(Actor actor, Guid doctorId, DateOnly date, TimeOnly from, TimeOnly to, CancellationToken cancellationToken,
        Func<Result<ScheduleException>> create) =>
        ChangeAsync(actor, doctorId, cancellationToken, async (db, schedule, today) =>
        {
            if (date < today)
                return Result.Failure("That date has passed.");
            var exception = create();
            if (!exception.Succeeded)
                return exception;
            if (ScheduleConflicts.ForDate(schedule, date, from, to) is { } clash)
                return Result.Failure(clash);
            db.ScheduleExceptions.Add(exception.Value!);
            return Result.Success;
        });

    /// <summary>Checks access, loads the schedule inside a transaction (SQLite: one writer at a time), applies, commits, announces.</summary>
    private async Task<Result> ChangeAsync(Actor actor, Guid doctorId, CancellationToken cancellationToken,
        Func<ClinicDbContext, DoctorSchedule, DateOnly, Task<Result>> change)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (doctor, refusal) = await AccessAsync(db, actor, doctorId, cancellationToken);
        if (doctor is null)
            return Refused(refusal!);
        var today = await TodayAsync(db, cancellationToken);
        var schedule = (await ScheduleData.SchedulesAsync(db, [doctorId], today, today.AddYears(2), cancellationToken))[doctorId];
        var result = await change(db, schedule, today);
        if (!result.Succeeded)
            return result;
        // The doctor's schedule, not one row, is what changed: new hours, an enabled slot or more seats may serve someone waiting.
        db.Announce(new AvailabilityChanged(doctorId), new SeatsMayHaveFreed(doctorId));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>An access refusal with its code: someone else's schedule is forbidden, an unknown doctor not found.</summary>
    private static Result Refused(string refusal) => Result.Refused(refusal == NoDoctor ? RefusalCodes.NotFound : RefusalCodes.Forbidden, refusal);

    private static async Task<(DoctorProfile? Doctor, string? Refusal)> AccessAsync(ClinicDbContext db, Actor actor, Guid doctorId, CancellationToken cancellationToken)
    {
        var doctor = await db.Doctors.AsNoTracking().FirstOrDefaultAsync(d => d.Id == doctorId, cancellationToken);
        if (doctor is null)
            return (null, NoDoctor);
        var allowed = actor.IsIn(ClinicRoles.Owner) || actor.IsIn(ClinicRoles.Staff)
            || (actor.IsIn(ClinicRoles.Doctor) && doctor.UserId == actor.UserId);
        return allowed ? (doctor, null) : (null, NotYours);
    }

    private async Task<DateOnly> TodayAsync(ClinicDbContext db, CancellationToken cancellationToken)
    {
        var clinic = await ScheduleData.ClinicAsync(db, cancellationToken);
        var zone = clinic?.TimeZone ?? TimeZoneInfo.Utc;
        return clock.Today(zone);
    }

    private static async Task<int> BookedAtAsync(ClinicDbContext db, Guid doctorId, ScheduleException slot, CancellationToken cancellationToken)
    {
        var clinic = (await ScheduleData.ClinicAsync(db, cancellationToken))!;
        var local = slot.FirstDate.ToDateTime(slot.From!.Value);
        if (clinic.TimeZone.IsInvalidTime(local))
            return 0; // a slot in a skipped daylight-saving hour is never offered, so never booked
        var startUtc = TimeZoneInfo.ConvertTimeToUtc(local, clinic.TimeZone);
        var booked = await ScheduleData.BookedSeatsAsync(db, [doctorId], startUtc, startUtc.AddTicks(1), cancellationToken);
        return booked[doctorId].Values.Sum();
    }

    private static string BookedRefusal(int seats, string verb) =>
        $"This slot has {seats} {(seats == 1 ? "booking" : "bookings")}, so it cannot be {verb}. Cancel or move {(seats == 1 ? "it" : "them")} first.";
}
