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
    public DbSet<MedicalService> Services => Set<MedicalService>();
    public DbSet<WeeklyRule> WeeklyRules => Set<WeeklyRule>();
    public DbSet<ScheduleException> ScheduleExceptions => Set<ScheduleException>();
    public DbSet<SlotSwitch> SlotSwitches => Set<SlotSwitch>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<AppointmentHistoryEntry> AppointmentHistory => Set<AppointmentHistoryEntry>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<ChatMessage> ChatMessages => Set<ChatMessage>();
    public DbSet<ChatReadMarker> ChatReads => Set<ChatReadMarker>();
    public DbSet<Clinic.Domain.Waitlist.WaitlistEntry> Waitlist => Set<Clinic.Domain.Waitlist.WaitlistEntry>();
    public DbSet<Clinic.Domain.Feeds.CalendarFeed> CalendarFeeds => Set<Clinic.Domain.Feeds.CalendarFeed>();
    public DbSet<RefreshTokenRecord> RefreshTokens => Set<RefreshTokenRecord>();

    /// <summary>The keys that protect cookies and antiforgery tokens, shared by every app instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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
    }
}

/// <summary>The clinic's data on SQLite (the default: one file, one machine).</summary>
public sealed class SqliteClinicDbContext(DbContextOptions options) : ClinicDbContext(options);

/// <summary>The clinic's data on PostgreSQL (several app instances, one database).</summary>
public sealed class PostgresClinicDbContext(DbContextOptions options) : ClinicDbContext(options);
