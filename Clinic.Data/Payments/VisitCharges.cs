using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Clinic.Domain.Clinics;
using Clinic.Domain.Payments;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Payments;

/// <summary>
/// What visits cost: the fee a visit was first paid against, else its type's price or its doctor's
/// fee now, in the clinic's currency.
/// </summary>
public static class VisitCharges
{
    public static async Task<VisitCharge> ForAsync(ClinicDbContext db, Appointment appointment, ClinicLocation clinic, CancellationToken cancellationToken) =>
        (await ForAsync(db, [appointment], clinic, cancellationToken))[appointment.Id];

    public static async Task<IReadOnlyDictionary<Guid, VisitCharge>> ForAsync(ClinicDbContext db, IReadOnlyCollection<Appointment> appointments, ClinicLocation clinic,
        CancellationToken cancellationToken)
    {
        var doctorIds = appointments.Select(a => a.DoctorId).Distinct().ToList();
        var serviceIds = appointments.Where(a => a.ServiceId is not null).Select(a => a.ServiceId!.Value).Distinct().ToList();
        var fees = await db.Doctors.AsNoTracking().Where(d => doctorIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.ConsultationFee, cancellationToken);
        var prices = serviceIds.Count == 0 ? []
            : await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Price, cancellationToken);
        return appointments.ToDictionary(a => a.Id, a => a.ChargeOf(VisitCharge.Of(
            a.ServiceId is { } type && prices.TryGetValue(type, out var price) ? price : null, fees.GetValueOrDefault(a.DoctorId), clinic.Currency)));
    }
}
