using System.Globalization;
using System.Runtime.CompilerServices;
using Clinic.Domain.Scheduling;
using Clinic.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Clinic.Web.Components.Scheduling;

/// <summary>
/// What a day of the strip says (its name, date, and the seats or start times left, or why none) as
/// one piece of markup, written once per day of a week's answer and shared by every page showing it
/// (as <see cref="SlotRowMarkup"/> does for slots).
/// </summary>
public static class DayCellMarkup
{
    private static readonly ConditionalWeakTable<DaySummary, Written> Days = new();

    // The culture is part of what was written (day names): a page in another language writes its own.
    private sealed record Written(bool Times, string Culture, MarkupString Markup);

    /// <param name="times">Count the start times a chosen type of visit fits (they overlap), not the seats.</param>
    public static MarkupString Of(DaySummary day, bool times)
    {
        var culture = CultureInfo.CurrentCulture.Name;
        if (Days.TryGetValue(day, out var written) && written.Times == times && written.Culture == culture)
            return written.Markup;
        var markup = Write(day, times);
        Days.AddOrUpdate(day, new Written(times, culture, markup));
        return markup;
    }

    private static MarkupString Write(DaySummary day, bool times)
    {
        var note = day.IsClosed ? $"<span class=\"day-note\" title=\"{HtmlText.Encode(day.ClosedReason)}\">Closed</span>"
            : day.Slots == 0 ? "<span class=\"day-note\">No hours</span>"
            : day.AvailableSlots == 0 ? "<span class=\"day-note\">None free</span>"
            : $"<span class=\"day-seats\" data-testid=\"day-seats\">{(times ? Count(day.AvailableSlots, "time") : Count(day.SeatsLeft, "seat"))}</span>";
        return new MarkupString($"<span class=\"day-name\">{day.Date:ddd}</span><span class=\"day-date\">{day.Date:d MMM}</span>{note}");
    }

    private static string Count(int n, string unit) => $"{n} {unit}{(n == 1 ? "" : "s")}";

}
