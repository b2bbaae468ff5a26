using Clinic.Domain.Scheduling;
using Clinic.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using static Clinic.Web.Localization.Translations;

namespace Clinic.Web.Components.Scheduling;

/// <summary>
/// What a day of the strip says (its name, date, and the seats or start times left, or why none) as
/// one piece of markup, written once per day of a week's answer and shared by every page showing it
/// (as <see cref="SlotRowMarkup"/> does for slots).
/// </summary>
public static class DayCellMarkup
{
    private static readonly SharedMarkup<DaySummary, bool> Days = new(Write);

    /// <param name="times">Count the start times a chosen type of visit fits (they overlap), not the seats.</param>
    public static MarkupString Of(DaySummary day, bool times) => Days.Of(day, times);

    private static MarkupString Write(DaySummary day, bool times)
    {
        var note = day.IsClosed ? $"<span class=\"day-note\" title=\"{HtmlText.Encode(day.ClosedReason)}\">{HtmlText.Encode(Tr("Closed"))}</span>"
            : day.Slots == 0 ? $"<span class=\"day-note\">{HtmlText.Encode(Tr("No hours"))}</span>"
            : day.AvailableSlots == 0 ? $"<span class=\"day-note\">{HtmlText.Encode(Tr("None free"))}</span>"
            : $"<span class=\"day-seats\" data-testid=\"day-seats\">{HtmlText.Encode(times ? Times(day.AvailableSlots) : Seats(day.SeatsLeft))}</span>";
        return new MarkupString($"<span class=\"day-name\">{day.Date:ddd}</span><span class=\"day-date\">{day.Date:d MMM}</span>{note}");
    }

    private static string Times(int n) => n == 1 ? Tr("1 time") : Tr("{0} times", n);

    private static string Seats(int n) => n == 1 ? Tr("1 seat") : Tr("{0} seats", n);
}
