using Clinic.Domain.Patients;

namespace Clinic.Web.Components.Pages.Patients;

/// <summary>How a patient is told apart on screen: date of birth with age.</summary>
public static class PatientLabels
{
    /// <summary>"12 Apr 1990 (36)", or a dash when the clinic has no date of birth.</summary>
    public static string Born(DateOnly? dateOfBirth, DateOnly today) =>
        dateOfBirth is { } born ? $"{born:d MMM yyyy} ({new PersonDetails("", "", born).AgeOn(today)})" : "—";
}
