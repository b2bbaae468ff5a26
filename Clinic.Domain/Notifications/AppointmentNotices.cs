using Clinic.Domain.Appointments;

namespace Clinic.Domain.Notifications;

/// <summary>What happened to an appointment, as the people around it hear it.</summary>
public enum AppointmentChange
{
    Requested,
    BookedByClinic,
    Confirmed,
    Cancelled,
    Rescheduled,
    Completed,
    NoShow,
}

/// <summary>Everything the notices about one change need, already resolved to names and clinic-local times.</summary>
public sealed record AppointmentNoticeContext(
    Guid AppointmentId,
    AppointmentChange Change,
    string ActorUserId,
    string PatientUserId,
    string PatientName,
    string? DoctorUserId,
    string DoctorName,
    string When,
    string? PreviousWhen,
    string? Reason,
    IReadOnlyList<string> ClinicUserIds)
{
    /// <summary>Set when the appointment moved to another doctor: the one it left.</summary>
    public string? PreviousDoctorUserId { get; init; }

    public string? PreviousDoctorName { get; init; }
}

/// <summary>
/// Who hears about an appointment change, and what they read. The person who acted hears nothing
/// about their own action; patients also get the important ones by email, and those that change
/// when they come (booked, confirmed, cancelled, moved) by text message.
/// </summary>
public static class AppointmentNotices
{
    /// <summary>The change between two states of one appointment, or null when nobody needs to hear (a note, a visit stage).</summary>
    public static AppointmentChange? Classify(AppointmentStatus? statusBefore, DateTime? startBefore, Appointment after, bool doctorChanged = false)
    {
        if (after.IsDeleted)
            return null;
        if (statusBefore is null)
        {
            return after.Status switch
            {
                AppointmentStatus.Pending => AppointmentChange.Requested,
                AppointmentStatus.Offered => null, // the waitlist writes its own offer
                _ => AppointmentChange.BookedByClinic,
            };
        }
        if (statusBefore == AppointmentStatus.Offered)
            return after.Status == AppointmentStatus.Pending ? AppointmentChange.Requested : null; // accepted, or declined / lapsed
        if (statusBefore != after.Status)
        {
            return after.Status switch
            {
                AppointmentStatus.Confirmed => AppointmentChange.Confirmed,
                AppointmentStatus.Cancelled => AppointmentChange.Cancelled,
                AppointmentStatus.Completed => AppointmentChange.Completed,
                AppointmentStatus.NoShow => AppointmentChange.NoShow,
                _ => null,
            };
        }
        return startBefore != after.StartUtc || doctorChanged ? AppointmentChange.Rescheduled : null;
    }

    public static IReadOnlyList<Notice> For(AppointmentNoticeContext c)
    {
        var link = $"/appointments/{c.AppointmentId}";
        var notices = new List<Notice>();
        void Tell(string? userId, string title, string text, bool email, bool textMessage = false)
        {
            if (userId is not null && userId != c.ActorUserId && notices.All(n => n.UserId != userId))
                notices.Add(new Notice(userId, NotificationKind.AppointmentUpdate, title, text, link, email, textMessage));
        }

        var doctor = c.DoctorName;
        switch (c.Change)
        {
            case AppointmentChange.Requested:
                foreach (var clinicUser in c.ClinicUserIds)
                    Tell(clinicUser, "New request to confirm", $"{c.PatientName} asked for {doctor} on {c.When}.", false);
                Tell(c.DoctorUserId, "New booking", $"{c.PatientName} asked for an appointment on {c.When} (waiting for the clinic to confirm).", false);
                break;
            case AppointmentChange.BookedByClinic:
                Tell(c.PatientUserId, "Appointment booked", $"The clinic booked you with {doctor} on {c.When}.", true, textMessage: true);
                Tell(c.DoctorUserId, "New booking", $"{c.PatientName} is booked with you on {c.When}.", false);
                break;
            case AppointmentChange.Confirmed:
                Tell(c.PatientUserId, "Appointment confirmed", $"Your appointment with {doctor} on {c.When} is confirmed.", true, textMessage: true);
                break;
            case AppointmentChange.Cancelled:
                Tell(c.PatientUserId, "Appointment cancelled", $"Your appointment with {doctor} on {c.When} was cancelled. Reason: {c.Reason}", true, textMessage: true);
                Tell(c.DoctorUserId, "Booking cancelled", $"{c.PatientName}'s appointment on {c.When} was cancelled.", false);
                if (c.ActorUserId == c.PatientUserId)
                {
                    foreach (var clinicUser in c.ClinicUserIds)
                        Tell(clinicUser, "Patient cancelled", $"{c.PatientName} cancelled their appointment with {doctor} on {c.When}.", false);
                }
                break;
            case AppointmentChange.Rescheduled when c.PreviousDoctorName is { } previousDoctor:
                Tell(c.PatientUserId, "Appointment moved", $"Your appointment with {previousDoctor} on {c.PreviousWhen} is now with {doctor} on {c.When}.", true, textMessage: true);
                Tell(c.DoctorUserId, "New booking", $"{c.PatientName} is booked with you on {c.When} (moved from {previousDoctor}).", false);
                Tell(c.PreviousDoctorUserId, "Booking moved", $"{c.PatientName}'s appointment on {c.PreviousWhen} moved to {doctor}.", false);
                break;
            case AppointmentChange.Rescheduled:
                Tell(c.PatientUserId, "Appointment moved", $"Your appointment with {doctor} moved from {c.PreviousWhen} to {c.When}.", true, textMessage: true);
                Tell(c.DoctorUserId, "Booking moved", $"{c.PatientName}'s appointment moved from {c.PreviousWhen} to {c.When}.", false);
                if (c.ActorUserId == c.PatientUserId)
                {
                    foreach (var clinicUser in c.ClinicUserIds)
                        Tell(clinicUser, "Patient moved an appointment", $"{c.PatientName} moved their appointment with {doctor} from {c.PreviousWhen} to {c.When}.", false);
                }
                break;
            case AppointmentChange.Completed:
                Tell(c.PatientUserId, "Visit completed", $"Your visit with {doctor} on {c.When} is complete. Thank you for coming.", true);
                break;
            case AppointmentChange.NoShow:
                Tell(c.PatientUserId, "Missed appointment", $"You were marked as not attending your appointment with {doctor} on {c.When}. Call the clinic if this is wrong.", false);
                break;
        }
        return notices;
    }
}
