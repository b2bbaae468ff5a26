using Clinic.Data.Identity;
using Clinic.Domain.Appointments;
using Clinic.Domain.Messaging;
using Clinic.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Data.Persistence;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.ToTable("Notifications");
        notification.HasOne<ClinicUser>().WithMany().HasForeignKey(n => n.UserId);
        notification.Property(n => n.Kind).HasConversion<string>().HasMaxLength(24);
        notification.Property(n => n.Title).HasMaxLength(Notification.MaxTitleLength);
        notification.Property(n => n.Text).HasMaxLength(Notification.MaxTextLength);
        notification.Property(n => n.Link).HasMaxLength(200);
        notification.Ignore(n => n.IsRead);
        // The bell's two questions: the newest of one person, and how many they have not read.
        notification.HasIndex(n => new { n.UserId, n.CreatedUtc });
        notification.HasIndex(n => new { n.UserId, n.ReadUtc });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("Outbox");
        message.HasOne<ClinicUser>().WithMany().HasForeignKey(m => m.RecipientUserId);
        message.HasOne<Appointment>().WithMany().HasForeignKey(m => m.AppointmentId);
        message.Property(m => m.Kind).HasConversion<string>().HasMaxLength(24);
        message.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        message.Property(m => m.Calendar).HasConversion<string>().HasMaxLength(16);
        message.Property(m => m.Subject).HasMaxLength(300);
        message.Property(m => m.Body).HasMaxLength(4000);
        message.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
        message.Property(m => m.DedupKey).HasMaxLength(100);
        // Written once: a second reminder for the same appointment and start is refused by the database.
        message.HasIndex(m => m.DedupKey).IsUnique();
        // The worker's question: what is pending and due.
        message.HasIndex(m => new { m.Status, m.NextAttemptUtc });
        message.HasIndex(m => m.AppointmentId);
    }
}

internal sealed class WaitlistEntryConfiguration : IEntityTypeConfiguration<Clinic.Domain.Waitlist.WaitlistEntry>
{
    public void Configure(EntityTypeBuilder<Clinic.Domain.Waitlist.WaitlistEntry> entry)
    {
        entry.ToTable("Waitlist");
        entry.HasOne<ClinicUser>().WithMany().HasForeignKey(e => e.PatientUserId);
        entry.HasOne<Clinic.Domain.Doctors.DoctorProfile>().WithMany().HasForeignKey(e => e.DoctorId);
        entry.HasOne<Appointment>().WithMany().HasForeignKey(e => e.OfferAppointmentId);
        entry.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        entry.Property(e => e.Version).IsConcurrencyToken();
        entry.Ignore(e => e.IsActive);
        // The queue of one doctor in the order people joined, and a patient's own places.
        entry.HasIndex(e => new { e.DoctorId, e.Status, e.CreatedUtc });
        entry.HasIndex(e => new { e.PatientUserId, e.Status });
        entry.HasIndex(e => e.OfferAppointmentId);
    }
}
