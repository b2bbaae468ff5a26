using Clinic.Data.Identity;
using Clinic.Domain.Clinics;
using Clinic.Domain.Doctors;
using Clinic.Domain.Services;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Persistence;

public sealed class ClinicDbContext(DbContextOptions<ClinicDbContext> options) : IdentityDbContext<ClinicUser>(options)
{
    public DbSet<ClinicLocation> Clinics => Set<ClinicLocation>();
    public DbSet<DoctorProfile> Doctors => Set<DoctorProfile>();
    public DbSet<MedicalService> Services => Set<MedicalService>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ClinicDbContext).Assembly);
    }
}
