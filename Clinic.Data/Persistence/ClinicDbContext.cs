using Clinic.Data.Identity;
using Clinic.Domain.Clinics;
using Clinic.Domain.Doctors;
using Clinic.Domain.Appointments;
using Clinic.Domain.Chat;
using Clinic.Domain.Messaging;
using Clinic.Domain.Notifications;
using Clinic.Domain.Scheduling;
using Clinic.Domain.Services;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Persistence;

/// <summary>
/// The clinic's data. Each database engine has its own subclass so that each keeps its own
/// migration set, both generated from this one model.
/// </summary>
public abstract class ClinicDbContext(DbContextOptions options) : IdentityDbContext<ClinicUser>(options), IDataProtectionKeyContext
{
    public DbSet<ClinicLocation> Clinics => Set<ClinicLocation>();
    public DbSet<DoctorProfile> Doctors => Set<DoctorProfile>();
    public DbSet<Clinic.Domain.Branches.Branch> Branches => Set<Clinic.Domain.Branches.Branch>();
    public DbSet<MedicalService> Services => Set<MedicalService>();
    public DbSet<ServiceDoctor> ServiceDoctors => Set<ServiceDoctor>();
    public DbSet<Clinic.Data.Images.StoredImage> Images => Set<Clinic.Data.Images.StoredImage>();
    public DbSet<WeeklyRule> WeeklyRules => Set<WeeklyRule>();
    public DbSet<ScheduleException> ScheduleExceptions => Set<ScheduleException>();
    public DbSet<SlotSwitch> SlotSwitches => Set<SlotSwitch>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<AppointmentHistoryEntry> AppointmentHistory => Set<AppointmentHistoryEntry>();
    public DbSet<AppointmentSeat> Seats => Set<AppointmentSeat>();
    public DbSet<Clinic.Domain.Payments.VisitPayment> Payments => Set<Clinic.Domain.Payments.VisitPayment>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<ChatMessage> ChatMessages => Set<ChatMessage>();
    public DbSet<ChatReadMarker> ChatReads => Set<ChatReadMarker>();
    public DbSet<Clinic.Domain.Patients.PatientNote> PatientNotes => Set<Clinic.Domain.Patients.PatientNote>();
    public DbSet<Clinic.Domain.Waitlist.WaitlistEntry> Waitlist => Set<Clinic.Domain.Waitlist.WaitlistEntry>();
    public DbSet<Clinic.Domain.Feeds.CalendarFeed> CalendarFeeds => Set<Clinic.Domain.Feeds.CalendarFeed>();
    public DbSet<RefreshTokenRecord> RefreshTokens => Set<RefreshTokenRecord>();

    /// <summary>The keys that protect cookies and antiforgery tokens, shared by every app instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Where committed facts go; set by the factory (null in design-time and copy contexts, which announce nothing).</summary>
    internal AfterCommit? AfterCommit { get; set; }

    private readonly List<Clinic.Domain.Events.ClinicEvent> pending = [];
    private bool mailPending;
    private bool saving;

    /// <summary>
    /// A fact no single aggregate records (a doctor's schedule edited, the clinic's policy, an account),
    /// announced with the aggregates' own facts when this change commits.
    /// </summary>
    public void Announce(params Clinic.Domain.Events.ClinicEvent[] facts)
    {
        pending.AddRange(facts);
        if (Database.CurrentTransaction is null)
            DispatchPending(); // no transaction: what was just written is already committed
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveAndAnnounce(() => Task.FromResult(base.SaveChanges(acceptAllChangesOnSuccess)), CancellationToken.None).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        SaveAndAnnounce(() => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);

    // Facts recorded by the saved aggregates wait for the commit: at once without a transaction of the
    // use case's own, else when its transaction commits (AfterCommitInterceptor). A failed save keeps none.
    private async Task<int> SaveAndAnnounce(Func<Task<int>> save, CancellationToken cancellationToken)
    {
        var (factsBefore, mailBefore) = (pending.Count, mailPending);
        Harvest();
        saving = true;
        int written;
        try
        {
            await DoctorLockOrder.TakeAsync(this, cancellationToken);
            written = await save();
        }
        catch
        {
            pending.RemoveRange(factsBefore, pending.Count - factsBefore);
            mailPending = mailBefore;
            throw;
        }
        finally
        {
            saving = false;
        }
        if (Database.CurrentTransaction is null)
            DispatchPending();
        return written;
    }

    private void Harvest()
    {
        foreach (var entry in ChangeTracker.Entries<Clinic.Domain.Events.IRecordsEvents>())
        {
            pending.AddRange(entry.Entity.RecordedEvents);
            entry.Entity.ClearRecordedEvents();
        }
        mailPending |= ChangeTracker.Entries<Clinic.Domain.Messaging.OutboxMessage>().Any(e => e.State == EntityState.Added);
    }

    /// <summary>Called by <see cref="AfterCommitInterceptor"/> when this context's transaction commits.</summary>
    internal void Committed()
    {
        if (!saving)
            DispatchPending();
    }

    /// <summary>Called when this context's transaction rolls back: nothing of it happened.</summary>
    internal void RolledBack()
    {
        pending.Clear();
        mailPending = false;
    }

    private void DispatchPending()
    {
        if (pending.Count == 0 && !mailPending)
            return;
        var facts = pending.ToList();
        var mail = mailPending;
        pending.Clear();
        mailPending = false;
        AfterCommit?.Announce(facts, mail);
    }

    // A pooled context goes back to the pool here: what it heard but never announced is forgotten
    // with the rest of its state (a transaction left open was rolled back).
    public override void Dispose()
    {
        Forget();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Forget();
        return base.DisposeAsync();
    }

    private void Forget()
    {
        pending.Clear();
        mailPending = false;
        saving = false;
        AfterCommit = null;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // Every instant is UTC. SQLite has no date type: store ticks (an integer), which compares,
        // groups and reads back far faster than text; PostgreSQL keeps timestamptz.
        if (Database.IsSqlite())
            conventions.Properties<DateTime>().HaveConversion<UtcTicksConverter>();
        else
            conventions.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ClinicDbContext).Assembly);
        // What an aggregate recorded is announced after commit, never stored.
        foreach (var entityType in builder.Model.GetEntityTypes().Where(e => typeof(Clinic.Domain.Events.IRecordsEvents).IsAssignableFrom(e.ClrType)).ToList())
            builder.Entity(entityType.ClrType).Ignore(nameof(Clinic.Domain.Events.IRecordsEvents.RecordedEvents));
    }
}

/// <summary>The clinic's data on SQLite (the default: one file, one machine).</summary>
public sealed class SqliteClinicDbContext(DbContextOptions options) : ClinicDbContext(options);

/// <summary>The clinic's data on PostgreSQL (several app instances, one database).</summary>
public sealed class PostgresClinicDbContext(DbContextOptions options) : ClinicDbContext(options);
