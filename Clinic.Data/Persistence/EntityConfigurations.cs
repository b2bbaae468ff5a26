using Clinic.Data.Identity;
using Clinic.Domain.Clinics;
using Clinic.Domain.Doctors;
using Clinic.Domain.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Data.Persistence;

internal sealed class ClinicUserConfiguration : IEntityTypeConfiguration<ClinicUser>
{
    public void Configure(EntityTypeBuilder<ClinicUser> user)
    {
        user.Property(u => u.FullName).HasMaxLength(120);
    }
}

internal sealed class ClinicLocationConfiguration : IEntityTypeConfiguration<ClinicLocation>
{
    public void Configure(EntityTypeBuilder<ClinicLocation> clinic)
    {
        clinic.ToTable("Clinics");
        clinic.Property(c => c.Name).HasMaxLength(120);
        clinic.Property(c => c.Address).HasMaxLength(300);
        clinic.Property(c => c.TimeZoneId).HasMaxLength(64);
        clinic.Ignore(c => c.TimeZone);
    }
}

internal sealed class DoctorProfileConfiguration : IEntityTypeConfiguration<DoctorProfile>
{
    public void Configure(EntityTypeBuilder<DoctorProfile> doctor)
    {
        doctor.ToTable("Doctors");
        doctor.HasIndex(d => d.UserId).IsUnique();
        doctor.HasOne<ClinicUser>().WithOne().HasForeignKey<DoctorProfile>(d => d.UserId);
        doctor.HasOne<ClinicLocation>().WithMany().HasForeignKey(d => d.ClinicId);
        doctor.Property(d => d.FullName).HasMaxLength(120);
        doctor.Property(d => d.Specialization).HasMaxLength(80);
        doctor.Property(d => d.PracticeAddress).HasMaxLength(300);
        doctor.Property(d => d.Bio).HasMaxLength(2000);
        doctor.Property(d => d.ConsultationFee).HasPrecision(12, 2);
        doctor.Ignore(d => d.Details);
    }
}

internal sealed class MedicalServiceConfiguration : IEntityTypeConfiguration<MedicalService>
{
    public void Configure(EntityTypeBuilder<MedicalService> service)
    {
        service.ToTable("Services");
        service.HasOne<ClinicLocation>().WithMany().HasForeignKey(s => s.ClinicId);
        service.Property(s => s.Name).HasMaxLength(120);
        service.Property(s => s.Price).HasPrecision(12, 2);
    }
}
