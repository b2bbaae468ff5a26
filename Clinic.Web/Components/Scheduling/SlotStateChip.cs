using Clinic.Domain.Scheduling;
using static Clinic.Web.Localization.Translations;

namespace Clinic.Web.Components.Scheduling;

/// <summary>
/// A slot's state as a person reads it, drawn as a small chip in plain markup by <see cref="SlotList"/>:
/// a list of a busy doctor's day is on every patient's screen and each open page holds its components,
/// so the chip is a styled span rather than a component of its own.
/// </summary>
public static class SlotStateChip
{
    /// <summary>The chip's words for one slot: a shared session says how many seats are left, so no second line repeats it.</summary>
    public static string Label(Slot slot) =>
        slot.State == SlotState.Available && slot.SeatsTotal > 1 ? Tr("{0} of {1} left", slot.SeatsLeft, slot.SeatsTotal) : Label(slot.State);

    public static string Label(SlotState state) => Tr(state switch
    {
        SlotState.Available => "Available",
        SlotState.Full => "Full",
        SlotState.Disabled => "Unavailable",
        SlotState.Past => "Past",
        SlotState.TooSoon => "Too soon",
        SlotState.OutsideWindow => "Not yet open",
        SlotState.Closed => "Closed",
        SlotState.DoesNotFit => "Too short",
        _ => "Unknown",
    });

    /// <summary>The chip's CSS classes (app.css): filled for a free slot, outlined in the state's colour otherwise.</summary>
    public static string Css(SlotState state) => state switch
    {
        SlotState.Available => "slot-chip slot-chip-free",
        SlotState.Full => "slot-chip slot-chip-full",
        SlotState.Disabled => "slot-chip slot-chip-off",
        SlotState.Closed => "slot-chip slot-chip-closed",
        SlotState.DoesNotFit => "slot-chip slot-chip-off",
        _ => "slot-chip",
    };
}
