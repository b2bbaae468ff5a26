using Clinic.Domain.Clinics;
using Clinic.Domain.Scheduling;
using Clinic.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using static Clinic.Web.Localization.Translations;

namespace Clinic.Web.Components.Scheduling;

/// <summary>
/// What a slot's row says (its time, its state chip and why it cannot be taken) as one piece of
/// markup. A week's slots are one object handed to every page open on the doctor, so the markup is
/// written once per slot and shared by all of them: each page keeps one frame per row instead of some
/// fifteen, and redrawing after a booking compares one string per row.
/// </summary>
public static class SlotRowMarkup
{
    private static readonly SharedMarkup<Slot, (TimeZoneInfo? Zone, bool ShowBookings)> Rows = new((slot, view) => Write(slot, view.Zone, view.ShowBookings));

    /// <param name="zone">The clinic's zone, so a slot in the hour an autumn night repeats is told apart by its offset.</param>
    /// <param name="showBookings">Doctors and staff also see how many seats are booked.</param>
    public static MarkupString Of(Slot slot, TimeZoneInfo? zone, bool showBookings) => Rows.Of(slot, (zone, showBookings));

    private static string Label(Slot slot, TimeZoneInfo? zone) =>
        zone is null ? $"{slot.LocalStart:HH:mm}–{slot.LocalEnd:HH:mm}" : ClinicTime.Span(slot.StartUtc, slot.EndUtc, zone);

    // A free slot's chip says it all; a slot that cannot be taken says why.
    private static string? Reason(Slot slot, bool showBookings) =>
        slot.State == SlotState.Available ? (showBookings && slot.SeatsBooked > 0 ? Tr("{0} booked", slot.SeatsBooked) : null)
        : showBookings && slot.SeatsBooked > 0 && slot.State is not SlotState.Full ? $"{Sentence(slot.Reason)} · {Tr("{0} booked", slot.SeatsBooked)}"
        : Sentence(slot.Reason);

    private static MarkupString Write(Slot slot, TimeZoneInfo? zone, bool showBookings)
    {
        var html = $"<span class=\"slot-time\">{HtmlText.Encode(Label(slot, zone))}</span>"
            + $"<span class=\"{SlotStateChip.Css(slot.State)}\" title=\"{HtmlText.Encode(Sentence(slot.Reason))}\" data-testid=\"slot-state\" data-state=\"{slot.State}\">{HtmlText.Encode(SlotStateChip.Label(slot))}</span>";
        if (Reason(slot, showBookings) is { } reason)
            html += $"<span class=\"slot-reason\" data-testid=\"slot-reason\">{HtmlText.Encode(reason)}</span>";
        return new MarkupString(html);
    }
}
