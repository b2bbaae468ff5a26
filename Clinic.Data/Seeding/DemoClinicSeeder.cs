using Clinic.Data.Identity;
using Clinic.Data.Persistence;
using Clinic.Domain.Branches;
using Clinic.Domain.Clinics;
using Clinic.Domain.Doctors;
using Clinic.Domain.Identity;
using Clinic.Domain.Scheduling;
using Clinic.Domain.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clinic.Data.Seeding;

/// <summary>
/// The demo clinic for Development: Gomoti Hospital with its team and patients. Idempotent:
/// every record is looked up first, so a second run adds nothing.
/// </summary>
public sealed class DemoClinicSeeder(IdentityWork identity, IOptions<DemoDataOptions> options, TimeProvider clock)
{
    public const string ClinicName = "Gomoti Hospital";
    private const string Address = "House 12, Road 5, Dhanmondi, Dhaka 1205";
    public const string Phone = "+880 2 5815 0000";

    private static readonly (string Name, string Email)[] Staff =
    [
        ("Sadia Islam", "staff1@gomoti.example"),
        ("Karim Uddin", "staff2@gomoti.example"),
    ];

    private static readonly (string Email, DoctorProfileDetails Profile)[] Doctors =
    [
        ("farhana.rahman@gomoti.example", new("Dr. Farhana Rahman", "Medicine", 14, 800m, Address, 60,
            "Consultant in internal medicine; runs the evening outpatient session.")),
        ("tanvir.ahmed@gomoti.example", new("Dr. Tanvir Ahmed", "Cardiology", 18, 1500m, Address, 30,
            "Interventional cardiologist; hypertension and heart-failure clinic.")),
        ("nusrat.jahan@gomoti.example", new("Dr. Nusrat Jahan", "Pediatrics", 9, 1000m, Address, 30,
            "Child health, vaccination and growth follow-up.")),
        ("imran.hossain@gomoti.example", new("Dr. Imran Hossain", "Dermatology", 7, 900m, Address, 30,
            "Skin, hair and allergy consultations.")),
    ];

    private static WeeklyRuleDetails Hours(DayOfWeek day, int from, int to, int minutes, int capacity) =>
        new(day, new TimeOnly(from, 0), new TimeOnly(to, 0), minutes, capacity);

    // Dr. Farhana Rahman keeps the hospital's evening session of the seed documents (15 seats an hour,
    // Friday closed); the other doctors see private patients in 30-minute slots.
    private static readonly Dictionary<string, WeeklyRuleDetails[]> WeeklyHours = new()
    {
        ["farhana.rahman@gomoti.example"] =
        [
            Hours(DayOfWeek.Monday, 17, 22, 60, 15), Hours(DayOfWeek.Wednesday, 17, 22, 60, 15),
            Hours(DayOfWeek.Thursday, 16, 22, 60, 15), Hours(DayOfWeek.Saturday, 17, 22, 60, 15),
        ],
        ["tanvir.ahmed@gomoti.example"] =
        [
            Hours(DayOfWeek.Sunday, 9, 13, 30, 1), Hours(DayOfWeek.Monday, 9, 13, 30, 1), Hours(DayOfWeek.Tuesday, 9, 13, 30, 1),
            Hours(DayOfWeek.Wednesday, 9, 13, 30, 1), Hours(DayOfWeek.Thursday, 9, 13, 30, 1),
        ],
        ["nusrat.jahan@gomoti.example"] =
        [
            Hours(DayOfWeek.Saturday, 10, 14, 30, 1), Hours(DayOfWeek.Sunday, 10, 14, 30, 1),
            Hours(DayOfWeek.Tuesday, 10, 14, 30, 1), Hours(DayOfWeek.Wednesday, 15, 18, 30, 1),
        ],
        ["imran.hossain@gomoti.example"] =
        [
            Hours(DayOfWeek.Sunday, 15, 19, 30, 1), Hours(DayOfWeek.Tuesday, 15, 19, 30, 1), Hours(DayOfWeek.Thursday, 15, 19, 30, 1),
        ],
    };

    private static readonly (string Name, string Email, string Phone, DateOnly Born)[] Patients =
    [
        ("Ayesha Siddiqua", "ayesha@patients.example", "+880 1711 000001", new(1990, 4, 12)),
        ("Rahim Chowdhury", "rahim@patients.example", "+880 1711 000002", new(1984, 9, 3)),
        ("Mitu Akter", "mitu@patients.example", "+880 1711 000003", new(2001, 1, 25)),
        ("Jamal Hasan", "jamal@patients.example", "+880 1711 000004", new(1972, 11, 30)),
        ("Shirin Sultana", "shirin@patients.example", "+880 1711 000005", new(1995, 6, 18)),
    ];

    // Two branches: the hospital's main building, and a newer one in the north of the city for
    // children and skin (by email, the doctors who work at each).
    private static readonly (BranchDetails Details, string[] Doctors)[] BranchList =
    [
        (new("Dhanmondi", Address, Phone, "Saturday–Thursday 09:00–22:00\nFriday closed"), ["tanvir", "farhana"]),
        (new("Uttara", "House 7, Road 11, Sector 4, Uttara, Dhaka 1230", "+880 2 4895 6100", "Saturday–Thursday 10:00–20:00\nFriday closed"), ["nusrat", "imran"]),
    ];

    // The clinic's appointment types, each with the doctors (by email) who offer it.
    private static readonly (string Name, int Minutes, decimal Price, string Colour, bool Online, string[] Doctors)[] ServiceList =
    [
        ("General consultation", 30, 800m, "#00897B", false, ["tanvir", "nusrat", "imran", "farhana"]),
        ("Follow-up visit", 15, 500m, "#5E35B1", false, ["tanvir", "nusrat", "imran", "farhana"]),
        ("ECG", 20, 600m, "#E53935", false, ["tanvir", "farhana"]),
        // Longer than the cardiologist's 30-minute slots: it takes two in a row.
        ("Exercise stress test", 60, 3000m, "#6D4C41", false, ["tanvir"]),
        ("Blood test", 15, 400m, "#FB8C00", false, ["farhana"]),
        ("Video consultation", 30, 700m, "#1E88E5", true, ["tanvir", "nusrat", "imran"]),
    ];

    public Task<IReadOnlyList<DemoLogin>> SeedAsync() => identity.RunAsync(async (users, db) =>
    {
        var password = options.Value.Password;
        if (string.IsNullOrWhiteSpace(password))
            throw new InvalidOperationException("Clinic:DemoData:Password is required to seed the demo clinic.");

        var clinic = await db.Clinics.FirstOrDefaultAsync(c => c.Name == ClinicName);
        if (clinic is null)
        {
            clinic = ClinicLocation.Create(ClinicName, Address, "Asia/Dhaka", "BDT").Value!;
            clinic.UpdateProfile(new ClinicProfile(ClinicName, Address, Phone, "desk@gomoti.example", "Saturday–Thursday 09:00–22:00\nFriday closed"));
            var logo = Clinic.Data.Images.PictureResizer.Fit(DemoLogo.Png(), Clinic.Data.Images.PictureUploads.LogoBox, keepTransparency: true).Value!;
            var stored = Clinic.Data.Images.StoredImage.Create(logo.ContentType, logo.Bytes, logo.Width, logo.Height, clock.GetUtcNow().UtcDateTime);
            db.Images.Add(stored);
            clinic.ChangeLogo(stored.Id);
            db.Clinics.Add(clinic);
            await db.SaveChangesAsync();
        }

        var logins = new List<DemoLogin>();
        async Task<ClinicUser> Ensure(string role, string name, string email, Action<ClinicUser>? extra = null)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new ClinicUser
                {
                    UserName = email, Email = email, EmailConfirmed = true, FullName = name,
                    CreatedUtc = clock.GetUtcNow().UtcDateTime,
                };
                extra?.Invoke(user);
                Check(await users.CreateAsync(user, password));
                Check(await users.AddToRoleAsync(user, role));
            }
            logins.Add(new DemoLogin(role, email, name));
            return user;
        }

        await Ensure(ClinicRoles.Owner, "Mahmud Hasan", "owner@gomoti.example");
        foreach (var (name, email) in Staff)
            await Ensure(ClinicRoles.Staff, name, email);
        foreach (var (email, profile) in Doctors)
        {
            var user = await Ensure(ClinicRoles.Doctor, profile.FullName, email);
            var doctor = await db.Doctors.FirstOrDefaultAsync(d => d.UserId == user.Id);
            if (doctor is null)
            {
                doctor = DoctorProfile.Create(user.Id, clinic.Id, profile).Value!;
                db.Doctors.Add(doctor);
            }
            if (!await db.WeeklyRules.AnyAsync(r => r.DoctorId == doctor.Id))
            {
                db.WeeklyRules.AddRange(WeeklyHours[email].Select(h => WeeklyRule.Create(doctor.Id, h).Value!));
                // Victory Day, a public holiday in Bangladesh: the clinic is closed.
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                var victoryDay = new DateOnly(today.Year, 12, 16);
                if (victoryDay < today)
                    victoryDay = victoryDay.AddYears(1);
                db.ScheduleExceptions.Add(ScheduleException.Closed(doctor.Id, victoryDay, victoryDay, "Public holiday (Victory Day)").Value!);
            }
        }
        foreach (var (name, email, phone, born) in Patients)
            await Ensure(ClinicRoles.Patient, name, email, u => { u.PhoneNumber = phone; u.DateOfBirth = born; });
        await db.SaveChangesAsync(); // the doctors above, so the types can name them
        var doctorIds = await (from d in db.Doctors join u in db.Users on d.UserId equals u.Id select new { d.Id, u.Email }).ToListAsync();
        foreach (var (details, workHere) in BranchList)
        {
            if (await db.Branches.AnyAsync(b => b.ClinicId == clinic.Id && b.Name == details.Name))
                continue;
            var branch = Branch.Create(clinic.Id, details).Value!;
            db.Branches.Add(branch);
            var ids = doctorIds.Where(d => workHere.Any(o => d.Email!.StartsWith(o + ".", StringComparison.Ordinal))).Select(d => d.Id).ToList();
            foreach (var doctor in await db.Doctors.Where(d => ids.Contains(d.Id)).ToListAsync())
                doctor.WorkAt(branch);
        }
        foreach (var (name, minutes, price, colour, online, offeredBy) in ServiceList)
        {
            if (await db.Services.AnyAsync(s => s.ClinicId == clinic.Id && s.Name == name))
                continue;
            var by = doctorIds.Where(d => offeredBy.Any(o => d.Email!.StartsWith(o + ".", StringComparison.Ordinal))).Select(d => d.Id).ToList();
            db.Services.Add(MedicalService.Create(clinic.Id, new AppointmentTypeDetails(name, minutes, price, colour, 0, online, true, by)).Value!);
        }
        await db.SaveChangesAsync();
        return (IReadOnlyList<DemoLogin>)logins;
    });

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo seeding failed: " + string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
