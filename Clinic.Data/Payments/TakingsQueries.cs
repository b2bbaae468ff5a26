using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Domain.Appointments;
using Clinic.Domain.Clinics;
using Clinic.Domain.Common;
using Clinic.Domain.Identity;
using Clinic.Domain.Payments;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Payments;

/// <summary>The owner's takings report over clinic days (<see cref="TakingsReport"/>); staff count the day's drawer at the front desk.</summary>
public sealed class TakingsQueries(IDbContextFactory<ClinicDbContext> contexts)
{
    public const string OwnerOnly = "Only the owner sees the clinic's takings.";

    public async Task<Result<TakingsReport>> ReportAsync(AppointmentActor by, TakingsPeriod period, CancellationToken cancellationToken = default)
    {
        if (!by.Actor.IsIn(ClinicRoles.Owner))
            return Result<TakingsReport>.Refused(RefusalCodes.Forbidden, OwnerOnly);
        if (period.Problems() is { Count: > 0 } problems)
            return Result<TakingsReport>.Failure([.. problems]);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clinic = (await ScheduleData.ClinicAsync(db, cancellationToken))!;
        var zone = clinic.TimeZone;
        var (fromUtc, toUtc) = (ClinicTime.StartOfDayUtc(period.From, zone), ClinicTime.StartOfDayUtc(period.To.AddDays(1), zone));

        // Counted by when the money came in, whatever day the visit was, as the drawer and the bank see it.
        var received = await (from payment in db.Payments.AsNoTracking()
                              where payment.ReceivedUtc >= fromUtc && payment.ReceivedUtc < toUtc
                              join appointment in db.Appointments.IgnoreAutoIncludes() on payment.AppointmentId equals appointment.Id
                              join doctor in db.Doctors on appointment.DoctorId equals doctor.Id
                              join patient in db.Users on appointment.PatientUserId equals patient.Id
                              join service in db.Services on appointment.ServiceId equals service.Id into services
                              from service in services.DefaultIfEmpty()
                              join branch in db.Branches on payment.BranchId equals (Guid?)branch.Id into branches
                              from branch in branches.DefaultIfEmpty()
                              select new
                              {
                                  Payment = payment, appointment.StartUtc, DoctorName = doctor.FullName, PatientName = patient.FullName,
                                  ServiceName = service == null ? null : service.Name, BranchName = branch == null ? null : branch.Name,
                              })
                             .ToListAsync(cancellationToken);
        var lines = received
            .Select(r => new TakingsLine(r.Payment.Id, r.Payment.AppointmentId, ClinicTime.LocalOf(r.Payment.ReceivedUtc, zone), ClinicTime.LocalOf(r.StartUtc, zone),
                r.PatientName, r.DoctorName, r.ServiceName, r.Payment.Method, r.Payment.Reference, r.Payment.Amount, r.Payment.Currency, r.Payment.ReceivedByName,
                r.Payment.VoidedUtc is { } voided ? ClinicTime.LocalOf(voided, zone) : null, r.Payment.VoidedByName, r.Payment.VoidReason))
            .OrderBy(l => l.LocalReceived).ThenBy(l => l.PaymentId)
            .ToList();
        var counted = lines.Where(l => !l.IsVoided && l.Currency == clinic.Currency).ToList();
        // Where the money came in: a doctor who moved since leaves it at the branch it was taken at.
        var branchOf = received.ToDictionary(r => r.Payment.Id, r => r.BranchName ?? (r.Payment.BranchId is null ? NoBranch : RemovedBranch));
        var voids = lines.Where(l => l.IsVoided && l.Currency == clinic.Currency).ToList();

        // Fees lowered on the visits of these days (by the visit's day: what the visit was charged).
        var discounts = (await db.Appointments.AsNoTracking().IgnoreAutoIncludes()
                .Where(a => !a.IsDeleted && a.FeeBeforeDiscount != null && a.StartUtc >= fromUtc && a.StartUtc < toUtc
                    && (a.Status == AppointmentStatus.Confirmed || a.Status == AppointmentStatus.Completed))
                .Select(a => new { a.FeeBeforeDiscount, a.AgreedFee }).ToListAsync(cancellationToken))
            .Select(a => (Before: a.FeeBeforeDiscount!.Value, Fee: a.AgreedFee ?? 0)).ToList();

        return Result<TakingsReport>.Ok(new TakingsReport(
            period,
            clinic.Currency,
            counted.Sum(l => l.Amount),
            counted.Count,
            voids.Sum(l => l.Amount),
            voids.Count,
            discounts.Sum(d => d.Before - d.Fee),
            discounts.Count,
            [.. counted.GroupBy(l => l.Method).OrderBy(g => g.Key).Select(g => new MethodTakings(g.Key, g.Sum(l => l.Amount), g.Count()))],
            Groups(counted, l => l.DoctorName),
            Groups(counted, l => l.ReceivedByName),
            [.. counted.GroupBy(l => DateOnly.FromDateTime(l.LocalReceived)).OrderBy(g => g.Key).Select(g => new DayTotal(g.Key, g.Sum(l => l.Amount), g.Count()))],
            // The visits of these days that were seen and still owe: the ones to follow up.
            await OwedVisits.WhereAsync(db, clinic, a => a.StartUtc >= fromUtc && a.StartUtc < toUtc, cancellationToken),
            [.. lines.Where(l => !l.IsVoided && l.Currency != clinic.Currency).GroupBy(l => l.Currency).OrderBy(g => g.Key)
                .Select(g => new TakingsGroup(g.Key, g.Sum(l => l.Amount), g.Count()))],
            lines)
        {
            ByBranch = received.Any(r => r.Payment.BranchId is not null) ? Groups(counted, l => branchOf[l.PaymentId]) : [],
        });
    }

    /// <summary>The group of the money taken on visits of doctors who worked at no branch.</summary>
    public const string NoBranch = "No branch";

    /// <summary>The group of the money taken at a branch the owner removed since.</summary>
    public const string RemovedBranch = "A removed branch";

    private static List<TakingsGroup> Groups(IEnumerable<TakingsLine> lines, Func<TakingsLine, string> name) =>
        [.. lines.GroupBy(name).Select(g => new TakingsGroup(g.Key, g.Sum(l => l.Amount), g.Count()))
            .OrderByDescending(g => g.Amount).ThenBy(g => g.Name, StringComparer.CurrentCultureIgnoreCase)];
}
