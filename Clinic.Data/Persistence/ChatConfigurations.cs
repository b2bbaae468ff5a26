using Clinic.Data.Identity;
using Clinic.Domain.Chat;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Data.Persistence;

internal sealed class ChatMessageConfiguration : IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatMessage> message)
    {
        message.ToTable("ChatMessages");
        message.Property(m => m.Id).ValueGeneratedOnAdd();
        message.HasOne<ClinicUser>().WithMany().HasForeignKey(m => m.PatientUserId).OnDelete(DeleteBehavior.Restrict);
        message.HasOne<ClinicUser>().WithMany().HasForeignKey(m => m.SenderUserId).OnDelete(DeleteBehavior.Restrict);
        message.Property(m => m.SenderName).HasMaxLength(120);
        message.Property(m => m.Text).HasMaxLength(ChatMessage.MaxLength);
        // A conversation read backwards page by page.
        message.HasIndex(m => new { m.PatientUserId, m.Id });
    }
}

internal sealed class ChatReadMarkerConfiguration : IEntityTypeConfiguration<ChatReadMarker>
{
    public void Configure(EntityTypeBuilder<ChatReadMarker> marker)
    {
        marker.ToTable("ChatReads");
        marker.HasKey(r => new { r.UserId, r.PatientUserId });
        marker.HasOne<ClinicUser>().WithMany().HasForeignKey(r => r.UserId);
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<Clinic.Domain.Feeds.CalendarFeed>
{
    public void Configure(EntityTypeBuilder<Clinic.Domain.Feeds.CalendarFeed> feed)
    {
        feed.ToTable("CalendarFeeds");
        feed.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        feed.Property(f => f.SubjectId).HasMaxLength(64);
        feed.Property(f => f.TokenHash).HasMaxLength(64);
        feed.Ignore(f => f.IsActive);
        // A calendar app polls by address: found by the hash of its secret.
        feed.HasIndex(f => f.TokenHash).IsUnique();
        feed.HasIndex(f => new { f.Kind, f.SubjectId });
    }
}
