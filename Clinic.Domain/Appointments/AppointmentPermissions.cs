using Clinic.Domain.Identity;

namespace Clinic.Domain.Appointments;

public enum AppointmentAction
{
    Read,
    BookForSelf,
    BookForPatient,
    Confirm,
    Cancel,
    Complete,
    NoShow,
    Reschedule,
    Stage,
    Delete,
    EditNote,
    AcceptOffer,
    DeclineOffer,
    TakePayment,
    VoidPayment,
    Discount,
}

/// <summary>Who is acting on appointments: the person, their name for the history, and their doctor profile if they are a doctor.</summary>
public sealed record AppointmentActor(Actor Actor, string Name, Guid? DoctorId)
{
    public string UserId => Actor.UserId;

    /// <summary>Owner and staff run the clinic and act on any appointment.</summary>
    public bool IsClinic => Actor.IsIn(ClinicRoles.Owner) || Actor.IsIn(ClinicRoles.Staff);

    public bool IsPatient => Actor.IsIn(ClinicRoles.Patient);

    public bool IsDoctorOf(Appointment appointment) => Actor.IsIn(ClinicRoles.Doctor) && DoctorId == appointment.DoctorId;

    public bool IsPatientOf(Appointment appointment) => IsPatient && appointment.PatientUserId == UserId;
}

/// <summary>The permission matrix of DESIGN.md, checked by every use case, never only by hidden buttons.</summary>
public static class AppointmentPermissions
{
    public const string NotYours = "You cannot see or change this appointment.";

    /// <summary>Null when allowed, else the sentence the person reads.</summary>
    public static string? Refusal(AppointmentActor by, Appointment appointment, AppointmentAction action)
    {
        var allowed = action switch
        {
            AppointmentAction.Read => by.IsClinic || by.IsDoctorOf(appointment) || by.IsPatientOf(appointment),
            AppointmentAction.Confirm or AppointmentAction.NoShow or AppointmentAction.Delete => by.IsClinic,
            AppointmentAction.Cancel or AppointmentAction.Reschedule or AppointmentAction.EditNote => by.IsClinic || by.IsPatientOf(appointment),
            AppointmentAction.AcceptOffer or AppointmentAction.DeclineOffer => by.IsPatientOf(appointment),
            AppointmentAction.Complete or AppointmentAction.Stage => by.IsClinic || by.IsDoctorOf(appointment),
            AppointmentAction.BookForSelf => by.IsPatient,
            AppointmentAction.BookForPatient => by.IsClinic,
            // Money is the front desk's: the doctor sees what was paid, the patient their receipt.
            AppointmentAction.TakePayment or AppointmentAction.VoidPayment or AppointmentAction.Discount => by.IsClinic,
            _ => false,
        };
        if (allowed)
            return null;
        var canRead = by.IsClinic || by.IsDoctorOf(appointment) || by.IsPatientOf(appointment);
        return canRead ? $"Your role cannot {Verb(action)} this appointment." : NotYours;
    }

    /// <summary>Booking, before any appointment exists.</summary>
    public static string? BookingRefusal(AppointmentActor by, bool forSomeoneElse) =>
        forSomeoneElse
            ? (by.IsClinic ? null : "Only the clinic's staff can book for a patient.")
            : (by.IsPatient ? null : "Only patients book for themselves; staff book for a chosen patient.");

    private static string Verb(AppointmentAction action) => action switch
    {
        AppointmentAction.NoShow => "mark a no-show for",
        AppointmentAction.Stage => "move the visit of",
        AppointmentAction.EditNote => "edit the note of",
        AppointmentAction.AcceptOffer => "accept",
        AppointmentAction.DeclineOffer => "decline",
        AppointmentAction.TakePayment => "take a payment for",
        AppointmentAction.VoidPayment => "void a payment of",
        AppointmentAction.Discount => "lower the fee of",
        _ => action.ToString().ToLowerInvariant(),
    };
}
