using Clinic.Domain.Appointments;
using Clinic.Domain.Common;
using Clinic.Domain.Scheduling;

namespace Clinic.Data.Booking;

/// <summary>Whether a person may take a slot as the calculator finds it, and the refusal in their words and code when not.</summary>
internal static class SlotRefusals
{
    /// <summary>Patients take only available slots; the clinic may also book inside the notice or beyond the window.</summary>
    public static Result? For(AppointmentActor by, Slot slot) => slot.State switch
    {
        SlotState.Available => null,
        SlotState.TooSoon or SlotState.OutsideWindow when by.IsClinic => null,
        _ => Result.Refused(CodeOf(slot.State), slot.Reason),
    };

    public static string CodeOf(SlotState state) => state switch
    {
        SlotState.Full => RefusalCodes.SlotFull,
        SlotState.DoesNotFit => RefusalCodes.DoesNotFit,
        SlotState.TooSoon => RefusalCodes.TooSoon,
        SlotState.OutsideWindow => RefusalCodes.OutsideWindow,
        SlotState.Disabled => RefusalCodes.SlotDisabled,
        SlotState.Past => RefusalCodes.InPast,
        SlotState.Closed => RefusalCodes.DoctorAway,
        _ => RefusalCodes.NoSuchSlot,
    };

    /// <summary>The same sentence the calculator gives a full slot.</summary>
    public static string FullReason(Slot slot) =>
        slot.SeatsTotal == 1 ? "Already booked" : $"Fully booked ({slot.SeatsTotal} of {slot.SeatsTotal} seats taken)";
}
