using System.Linq.Expressions;
using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Clinic.Domain.Clinics;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Payments;

/// <summary>Finished visits that still owe part or all of their fee: for the takings, the patient's file and the front desk.</summary>
public static class OwedVisits
{
    /// <summary>The completed visits matching <paramref name="filter"/> with money still due, oldest first.</summary>
    public static async Task<List<OutstandingVisit>> WhereAsync(ClinicDbContext db, ClinicLocation clinic, Expression<Func<Appointment, bool>> filter,
        CancellationToken cancellationToken)
    {
        var finished = await db.Appointments.AsNoTracking().IgnoreAutoIncludes().Include(a => a.Payments)
            .Where(a => !a.IsDeleted && a.Status == AppointmentStatus.Completed).Where(filter)
            .ToListAsync(cancellationToken);
        if (finished.Count == 0)
            return [];
        var charges = await VisitCharges.ForAsync(db, finished, clinic, cancellationToken);
        var owing = finished.Where(a => a.Due(charges[a.Id]) > 0).ToList();
        var ids = owing.Select(a => a.Id).ToList();
        var names = await (from appointment in db.Appointments.IgnoreAutoIncludes()
                           where ids.Contains(appointment.Id)
                           join doctor in db.Doctors on appointment.DoctorId equals doctor.Id
                           join patient in db.Users on appointment.PatientUserId equals patient.Id
                           select new { appointment.Id, DoctorName = doctor.FullName, PatientName = patient.FullName, patient.PhoneNumber })
                          .ToDictionaryAsync(n => n.Id, cancellationToken);
        return [.. owing.Select(a => new OutstandingVisit(a.Id, ClinicTime.LocalOf(a.StartUtc, clinic.TimeZone), a.PatientUserId, names[a.Id].PatientName,
                names[a.Id].PhoneNumber, names[a.Id].DoctorName, charges[a.Id].Fee, a.Paid, charges[a.Id].Currency))
            .OrderBy(o => o.LocalStart).ThenBy(o => o.PatientName)];
    }
}
