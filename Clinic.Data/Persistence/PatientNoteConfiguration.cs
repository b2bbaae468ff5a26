using Clinic.Data.Identity;
using Clinic.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Data.Persistence;

internal sealed class PatientNoteConfiguration : IEntityTypeConfiguration<PatientNote>
{
    public void Configure(EntityTypeBuilder<PatientNote> note)
    {
        note.ToTable("PatientNotes");
        note.HasOne<ClinicUser>().WithMany().HasForeignKey(n => n.PatientUserId).OnDelete(DeleteBehavior.Restrict);
        note.Property(n => n.AuthorUserId).HasMaxLength(450);
        note.Property(n => n.AuthorName).HasMaxLength(120);
        note.Property(n => n.Text).HasMaxLength(PatientNote.MaxLength);
        // A patient's file lists their notes newest first.
        note.HasIndex(n => new { n.PatientUserId, n.CreatedUtc });
    }
}
