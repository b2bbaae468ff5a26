using Clinic.Domain.Identity;

namespace Clinic.Domain.Chat;

/// <summary>Who may read and write a patient's conversation with the clinic.</summary>
public static class ChatParticipants
{
    public const string NotYours = "This conversation does not exist or you are not part of it.";

    /// <summary>The patient, every staff member and the owner, and the doctors the patient has an appointment with.</summary>
    public static bool CanTakePart(Actor actor, string patientUserId, bool isDoctorOfPatient) =>
        actor.UserId == patientUserId && actor.IsIn(ClinicRoles.Patient)
        || actor.IsIn(ClinicRoles.Owner) || actor.IsIn(ClinicRoles.Staff)
        || actor.IsIn(ClinicRoles.Doctor) && isDoctorOfPatient;

    /// <summary>Staff, owner and doctors write as the clinic.</summary>
    public static bool SpeaksForClinic(Actor actor) =>
        actor.IsIn(ClinicRoles.Owner) || actor.IsIn(ClinicRoles.Staff) || actor.IsIn(ClinicRoles.Doctor);
}
