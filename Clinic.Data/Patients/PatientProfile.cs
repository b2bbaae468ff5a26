using Clinic.Domain.Patients;

namespace Clinic.Data.Patients;

public sealed record PatientProfile(string UserId, string Email, PersonDetails Details);

/// <param name="Language">The language the registration page was read in, kept for a new account's emails; null for the clinic's.</param>
public sealed record PatientRegistration(string Email, string Password, PersonDetails Details, string? Language = null);

/// <summary>
/// What a registration led to. Without a <see cref="ConfirmationToken"/> the email already had an
/// account: its owner is told by mail, and the page says exactly what it says for a new account.
/// </summary>
public sealed record PatientRegistered(string UserId, string FullName, string Email, string? ConfirmationToken)
{
    public bool IsNew => ConfirmationToken is not null;
}
