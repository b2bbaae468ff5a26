using Clinic.Domain.Appointments;
using Clinic.Domain.Identity;

namespace Clinic.Tests.Domain.Appointments;

/// <summary>The people of the permission matrix, and appointments to act on.</summary>
public static class People
{
    public static readonly Guid DoctorId = Guid.NewGuid();
    public static readonly DateTime Now = new(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Start = Now.AddDays(3);

    /// <summary>The clinic's zone: Now is 09:00 there.</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Dhaka");

    public static AppointmentActor Owner { get; } = new(Actor.Of("owner", ClinicRoles.Owner), "Mahmud Hasan", null);
    public static AppointmentActor Staff { get; } = new(Actor.Of("staff", ClinicRoles.Staff), "Sadia Islam", null);
    public static AppointmentActor Doctor { get; } = new(Actor.Of("doctor", ClinicRoles.Doctor), "Dr. Tanvir Ahmed", DoctorId);
    public static AppointmentActor OtherDoctor { get; } = new(Actor.Of("doctor2", ClinicRoles.Doctor), "Dr. Imran Hossain", Guid.NewGuid());
    public static AppointmentActor Patient { get; } = new(Actor.Of("patient", ClinicRoles.Patient), "Ayesha Siddiqua", null);
    public static AppointmentActor OtherPatient { get; } = new(Actor.Of("patient2", ClinicRoles.Patient), "Rahim Chowdhury", null);

    public static AppointmentActor ByName(string name) => name switch
    {
        "owner" => Owner,
        "staff" => Staff,
        "doctor" => Doctor,
        "other doctor" => OtherDoctor,
        "patient" => Patient,
        _ => OtherPatient,
    };

    public static Appointment Pending(DateTime? start = null) =>
        Appointment.Create(DoctorId, "patient", start ?? Start, (start ?? Start).AddMinutes(30), 1, Now, AppointmentStatus.Pending, "patient", "Ayesha Siddiqua", null, "Chest pain");

    public static Appointment Confirmed(DateTime? start = null)
    {
        var appointment = Pending(start);
        appointment.Confirm(Staff, Now).Succeeded.Should().BeTrue();
        return appointment;
    }
}
