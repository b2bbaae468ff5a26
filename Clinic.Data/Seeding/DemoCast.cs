using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Clinic.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Seeding;

/// <summary>A person of the demo clinic; <see cref="Id"/> is the doctor's profile for doctors.</summary>
internal sealed record DemoPerson(string UserId, string Name, string Email, Guid Id = default);

/// <summary>The demo clinic's people and services, read once for the activity seeder.</summary>
internal sealed class DemoCast
{
    public required IReadOnlyList<DemoPerson> Doctors { get; init; }
    public required IReadOnlyList<DemoPerson> Patients { get; init; }

    /// <summary>The owner and the staff: the people who hear of every request.</summary>
    public required IReadOnlyList<DemoPerson> Team { get; init; }

    public required IReadOnlyDictionary<string, Guid> Services { get; init; }

    /// <summary>The types that are video visits: a booking of one gets a meeting room.</summary>
    public required IReadOnlySet<Guid> Online { get; init; }

    public DemoPerson SadiaPerson => Team.Single(p => p.Email == "staff1@gomoti.example");
    public DemoPerson KarimPerson => Team.Single(p => p.Email == "staff2@gomoti.example");
    public AppointmentActor Sadia => new(Clinic.Domain.Identity.Actor.Of(SadiaPerson.UserId, ClinicRoles.Staff), SadiaPerson.Name, null);
    public AppointmentActor Karim => new(Clinic.Domain.Identity.Actor.Of(KarimPerson.UserId, ClinicRoles.Staff), KarimPerson.Name, null);

    public AppointmentActor Actor(DemoPerson patient) => new(Clinic.Domain.Identity.Actor.Of(patient.UserId, ClinicRoles.Patient), patient.Name, null);

    public DemoPerson Doctor(string email) => Doctors.Single(d => d.Email == email);
    public DemoPerson Patient(string email) => Patients.Single(p => p.Email == email);
    public DemoPerson Person(string userId) => Patients.Concat(Team).Concat(Doctors).First(p => p.UserId == userId);

    /// <summary>What a visit to this doctor is booked as: their kind of service, sometimes none.</summary>
    public Guid? ServiceFor(DemoPerson doctor, Random random)
    {
        string[] offered = doctor.Email.StartsWith("tanvir") ? ["ECG", "Follow-up visit", "Video consultation"]
            : doctor.Email.StartsWith("farhana") ? ["General consultation", "Blood test", "Follow-up visit"]
            : ["General consultation", "Follow-up visit", "Video consultation"];
        var name = offered[random.Next(offered.Length)];
        return random.Next(5) == 0 ? null : Services.GetValueOrDefault(name) is var id && id != Guid.Empty ? id : null;
    }

    public static async Task<DemoCast> LoadAsync(ClinicDbContext db, CancellationToken cancellationToken)
    {
        var doctors = await (from d in db.Doctors
                             join u in db.Users on d.UserId equals u.Id
                             orderby d.FullName
                             select new DemoPerson(u.Id, d.FullName, u.Email!, d.Id)).ToListAsync(cancellationToken);
        return new DemoCast
        {
            Doctors = doctors,
            Patients = await InRoleAsync(db, ClinicRoles.Patient, cancellationToken),
            Team = [.. await InRoleAsync(db, ClinicRoles.Owner, cancellationToken), .. await InRoleAsync(db, ClinicRoles.Staff, cancellationToken)],
            Services = await db.Services.ToDictionaryAsync(s => s.Name, s => s.Id, cancellationToken),
            Online = (await db.Services.Where(s => s.IsOnline).Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet(),
        };
    }

    private static Task<List<DemoPerson>> InRoleAsync(ClinicDbContext db, string role, CancellationToken cancellationToken) =>
        (from user in Identity.RoleMembers.In(db, role)
         where user.IsActive
         orderby user.Email
         select new DemoPerson(user.Id, user.FullName, user.Email!, default)).ToListAsync(cancellationToken);
}
