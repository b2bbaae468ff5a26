using System.Globalization;

namespace Clinic.Domain.Scheduling;

/// <summary>A doctor is never offered in two places at once: new hours must not overlap existing ones.</summary>
public static class ScheduleConflicts
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The reason a weekly rule cannot be added (or changed), or null when it fits.</summary>
    public static string? ForRule(DoctorSchedule schedule, WeeklyRuleDetails candidate, Guid? replacing, DateOnly today)
    {
        var clash = schedule.Rules.FirstOrDefault(r => r.Id != replacing && r.Day == candidate.Day && Overlap(r.From, r.To, candidate.From, candidate.To));
        if (clash is not null)
            return $"These hours overlap the existing {clash.Details} hours.";
        var extra = schedule.Exceptions.FirstOrDefault(e => e.Kind != ExceptionKind.Closed && e.FirstDate >= today
            && e.FirstDate.DayOfWeek == candidate.Day && Overlap(e.From!.Value, e.To!.Value, candidate.From, candidate.To));
        return extra is null ? null : $"These hours overlap the {Describe(extra)}.";
    }

    /// <summary>The reason extra hours or a single slot cannot be added on this date, or null when they fit.</summary>
    public static string? ForDate(DoctorSchedule schedule, DateOnly date, TimeOnly from, TimeOnly to)
    {
        var closed = schedule.Exceptions.FirstOrDefault(e => e.Kind == ExceptionKind.Closed && e.Covers(date));
        if (closed is not null)
            return $"The doctor is off on {date.ToString("ddd d MMM yyyy", English)} ({closed.Reason}).";
        var rule = schedule.Rules.FirstOrDefault(r => r.Day == date.DayOfWeek && Overlap(r.From, r.To, from, to));
        if (rule is not null)
            return $"This overlaps the weekly {rule.Details} hours.";
        var extra = schedule.Exceptions.FirstOrDefault(e => e.Kind != ExceptionKind.Closed && e.FirstDate == date && Overlap(e.From!.Value, e.To!.Value, from, to));
        return extra is null ? null : $"This overlaps the {Describe(extra)}.";
    }

    private static bool Overlap(TimeOnly aFrom, TimeOnly aTo, TimeOnly bFrom, TimeOnly bTo) => aFrom < bTo && bFrom < aTo;

    private static string Describe(ScheduleException e) =>
        $"{(e.Kind == ExceptionKind.AdHocSlot ? "single slot" : "extra hours")} on {e.FirstDate.ToString("ddd d MMM yyyy", English)} {e.From:HH\\:mm}–{e.To:HH\\:mm}";
}
