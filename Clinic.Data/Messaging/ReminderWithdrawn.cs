using Clinic.Domain.Appointments;

namespace Clinic.Data.Messaging;

/// <summary>Why a reminder is not sent, as the owner reads it in the delivery log.</summary>
public static class ReminderWithdrawn
{
    public const string Moved = "The appointment moved; a reminder for the new time replaces this one.";
    public const string Gone = "The appointment no longer exists.";

    /// <summary>The appointment is no longer confirmed: said in words, never as the status's name.</summary>
    public static string Because(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Cancelled => "The appointment was cancelled; no reminder is due.",
        AppointmentStatus.Completed => "The visit is over; no reminder is due.",
        AppointmentStatus.NoShow => "The patient was marked as not attending; no reminder is due.",
        AppointmentStatus.Pending => "The appointment waits for the clinic to confirm it; no reminder is due.",
        _ => "The appointment is not confirmed; no reminder is due.",
    };
}
