using Clinic.Data.Booking;
using Clinic.Data.Waitlist;

namespace Clinic.Data.Patients;

/// <summary>A patient as the directory lists them: told apart by date of birth and phone.</summary>
/// <param name="Upcoming">Requests and confirmed visits still ahead.</param>
/// <param name="LastVisitUtc">The start of the last completed visit, if any.</param>
public sealed record PatientListItem(string UserId, string FullName, string? Email, string? Phone, DateOnly? DateOfBirth, bool IsActive,
    int Upcoming, DateTime? LastVisitUtc);

/// <summary>A staff note on a patient's file.</summary>
public sealed record PatientNoteView(Guid Id, string AuthorName, string Text, DateTime CreatedUtc);

/// <summary>Everything the clinic knows of one patient, as the person asking may see it.</summary>
/// <param name="HasAccount">Whether the patient can sign in (a walk-in recorded by the front desk cannot until invited).</param>
public sealed record PatientFile(
    PatientListItem Patient,
    DateTime RegisteredUtc,
    IReadOnlyList<AppointmentView> Upcoming,
    IReadOnlyList<AppointmentView> Past,
    IReadOnlyList<AppointmentView> Cancelled,
    IReadOnlyList<AppointmentView> NoShows,
    IReadOnlyList<PatientNoteView> Notes,
    IReadOnlyList<WaitlistView> Waitlist,
    string TimeZoneId,
    bool HasAccount)
{
    /// <summary>The finished visits still owing, for owner and staff (the desk collects); empty for a doctor.</summary>
    public IReadOnlyList<Clinic.Data.Payments.OutstandingVisit> Owed { get; init; } = [];
}
