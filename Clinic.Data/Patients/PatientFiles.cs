using System.Globalization;
using Clinic.Data.Booking;
using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Data.Waitlist;
using Clinic.Domain.Appointments;
using Clinic.Domain.Common;
using Clinic.Domain.Identity;
using Clinic.Domain.Patients;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Patients;

/// <summary>
/// The clinic's patient directory and each patient's file. Owner and staff see every patient; a
/// doctor sees the patients they have appointments with, and on a file only their own visits.
/// Searching and paging happen in the database.
/// </summary>
public sealed class PatientFiles(IDbContextFactory<ClinicDbContext> contexts, AppointmentQueries appointments, WaitlistService waitlist, TimeProvider clock)
{
    public const int MaxPageSize = 100;
    public const string NotYours = "There is no such patient among yours.";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "d.M.yyyy", "d-M-yyyy", "d MMM yyyy", "d MMMM yyyy"];

    /// <summary>Patients whose name, email or phone contains the text, or who were born on the date it names; by name.</summary>
    public async Task<Page<PatientListItem>> SearchAsync(AppointmentActor by, string? text, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (!by.IsClinic && by.DoctorId is null)
            return new Page<PatientListItem>([], 0);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(0, page);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patients = Visible(db, by);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var needle = text.Trim().ToLower();
            // A phone is found however it is grouped: "1711000001" finds "+880 1711 000001".
            var digits = new string([.. needle.Where(char.IsAsciiDigit)]);
            var born = DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : (DateOnly?)null;
            patients = patients.Where(u => u.FullName.ToLower().Contains(needle)
                || u.Email!.ToLower().Contains(needle)
                || (digits.Length >= 3 && u.PhoneNumber != null && u.PhoneNumber.Replace(" ", "").Replace("-", "").Contains(digits))
                || (born != null && u.DateOfBirth == born));
        }
        var total = await patients.CountAsync(cancellationToken);
        var now = Now;
        var items = await patients.OrderBy(u => u.FullName).ThenBy(u => u.Id).Skip(page * pageSize).Take(pageSize)
            .Select(u => new PatientListItem(u.Id, u.FullName, u.Email, u.PhoneNumber, u.DateOfBirth, u.IsActive,
                db.Appointments.Count(a => a.PatientUserId == u.Id && !a.IsDeleted && a.StartUtc >= now
                    && (a.Status == AppointmentStatus.Pending || a.Status == AppointmentStatus.Confirmed)),
                db.Appointments.Where(a => a.PatientUserId == u.Id && !a.IsDeleted && a.Status == AppointmentStatus.Completed).Max(a => (DateTime?)a.StartUtc)))
            .ToListAsync(cancellationToken);
        return new Page<PatientListItem>(items, total);
    }

    /// <summary>One patient's file: details, visits by kind, the clinic's notes and waitlist places.</summary>
    public async Task<Result<PatientFile>> FileAsync(AppointmentActor by, string patientUserId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await Visible(db, by).Where(u => u.Id == patientUserId)
            .Select(u => new { u.Id, u.FullName, u.Email, u.PhoneNumber, u.DateOfBirth, u.IsActive, u.CreatedUtc, HasAccount = u.PasswordHash != null })
            .FirstOrDefaultAsync(cancellationToken);
        if (patient is null)
            return Result<PatientFile>.Refused(RefusalCodes.NotFound, NotYours);
        var clinic = (await ScheduleData.ClinicAsync(db, cancellationToken))!;
        var visits = await appointments.ForPatientAsync(by, patientUserId, cancellationToken);
        var now = Now;
        var upcoming = visits.Where(v => v.StartUtc >= now && v.Status is AppointmentStatus.Pending or AppointmentStatus.Confirmed).OrderBy(v => v.StartUtc).ToList();
        var past = visits.Where(v => v.Status == AppointmentStatus.Completed || (v.StartUtc < now && v.Status == AppointmentStatus.Confirmed)).ToList();
        var notes = await db.PatientNotes.AsNoTracking().Where(n => n.PatientUserId == patientUserId).OrderByDescending(n => n.CreatedUtc)
            .Select(n => new PatientNoteView(n.Id, n.AuthorName, n.Text, n.CreatedUtc)).ToListAsync(cancellationToken);
        var places = by.IsClinic ? await waitlist.ForPatientAsync(patientUserId, cancellationToken) : [];
        var summary = new PatientListItem(patient.Id, patient.FullName, patient.Email, patient.PhoneNumber, patient.DateOfBirth, patient.IsActive,
            upcoming.Count, past.Where(v => v.Status == AppointmentStatus.Completed).Select(v => (DateTime?)v.StartUtc).Max());
        return Result<PatientFile>.Ok(new PatientFile(summary, patient.CreatedUtc, upcoming, past,
            [.. visits.Where(v => v.Status == AppointmentStatus.Cancelled)], [.. visits.Where(v => v.Status == AppointmentStatus.NoShow)],
            notes, places, clinic.TimeZoneId, patient.HasAccount)
        {
            Owed = by.IsClinic ? await Clinic.Data.Payments.OwedVisits.WhereAsync(db, clinic, a => a.PatientUserId == patientUserId, cancellationToken) : [],
        });
    }

    /// <summary>Adds a note to the file of a patient the writer may see; the note announces itself after commit.</summary>
    public async Task<Result> AddNoteAsync(AppointmentActor by, string patientUserId, string? text, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await Visible(db, by).AnyAsync(u => u.Id == patientUserId, cancellationToken))
            return Result.Refused(RefusalCodes.NotFound, NotYours);
        var note = PatientNote.Write(patientUserId, by.UserId, by.Name, text, Now);
        if (!note.Succeeded)
            return Result.From(note.Errors);
        db.PatientNotes.Add(note.Value!);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>The patients this person may look up: all for owner and staff, a doctor's own patients for a doctor, none otherwise.</summary>
    private static IQueryable<Identity.ClinicUser> Visible(ClinicDbContext db, AppointmentActor by)
    {
        var patients = Identity.RoleMembers.Patients(db);
        if (by.IsClinic)
            return patients;
        if (by.DoctorId is not { } doctorId)
            return patients.Where(_ => false);
        return patients.Where(u => db.Appointments.Any(a => a.PatientUserId == u.Id && a.DoctorId == doctorId && !a.IsDeleted));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
