namespace Clinic.Domain.Notifications;

/// <summary>One of a patient's coming visits with a doctor whose place changed: its id and its time on the clinic's clock.</summary>
public sealed record ComingVisit(Guid AppointmentId, string When);

/// <summary>
/// What a patient hears when the place of their coming visits changes under them: their doctor now
/// works at another branch, or the branch itself moved. Without it a patient would go to the old door.
/// </summary>
public static class VisitPlaceNotices
{
    private const int TimesNamed = 3;

    /// <summary>One notice (bell and email) per patient and doctor, however many visits; null for none.</summary>
    public static Notice? For(string patientUserId, string doctorName, IReadOnlyList<ComingVisit> visits, string place)
    {
        if (visits.Count == 0)
            return null;
        if (visits.Count == 1)
        {
            return new Notice(patientUserId, NotificationKind.AppointmentUpdate, "New address for your visit",
                $"Your appointment with {doctorName} on {visits[0].When} is now at {place}.", $"/appointments/{visits[0].AppointmentId}", true);
        }
        var named = string.Join("; ", visits.Take(TimesNamed).Select(v => v.When));
        var more = visits.Count > TimesNamed ? $" and {visits.Count - TimesNamed} more" : "";
        return new Notice(patientUserId, NotificationKind.AppointmentUpdate, "New address for your visits",
            $"Your {visits.Count} coming appointments with {doctorName} ({named}{more}) are now at {place}.", "/patient/appointments", true);
    }
}
