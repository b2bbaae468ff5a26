using Clinic.Domain.Patients;

namespace Clinic.Data.Patients;

public sealed record PatientProfile(string UserId, string Email, PersonDetails Details);

public sealed record PatientRegistration(string Email, string Password, PersonDetails Details);
