using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Domain.Clinics;
using Clinic.Domain.Common;
using Clinic.Domain.Events;
using Clinic.Domain.Identity;
using Clinic.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Overview;

/// <summary>The owner's booking rules. A new reminder lead time moves the reminders not yet sent; new windows show on every open page.</summary>
public sealed class ClinicSettingsEditor(IDbContextFactory<ClinicDbContext> contexts)
{
    public const string OwnerOnly = "Only the owner can change the clinic's settings.";

    public async Task<ClinicSettings?> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await ScheduleData.ClinicAsync(db, cancellationToken))?.Settings;
    }

    public async Task<Result> UpdateAsync(Actor by, ClinicSettings settings, CancellationToken cancellationToken = default)
    {
        if (!by.IsOwner)
            return Result.Failure(OwnerOnly);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var clinic = await db.Clinics.FirstOrDefaultAsync(cancellationToken);
        if (clinic is null)
            return Result.Failure("The clinic has not been set up yet.");
        var leadBefore = clinic.ReminderLeadHours;
        var result = clinic.UpdateSettings(settings);
        if (!result.Succeeded)
            return result;
        if (leadBefore != clinic.ReminderLeadHours)
        {
            var lead = TimeSpan.FromHours(clinic.ReminderLeadHours);
            var pending = await db.Outbox.Where(m => m.Kind == OutboxKind.Reminder && m.Status == DeliveryStatus.Pending).ToListAsync(cancellationToken);
            foreach (var reminder in pending)
                reminder.DueAgain(lead);
        }
        // The window and the notice change which slots are bookable for every doctor.
        var doctorIds = await db.Doctors.Select(d => d.Id).ToListAsync(cancellationToken);
        db.Announce([.. doctorIds.Select(id => new AvailabilityChanged(id))]);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Success;
    }
}
