using Clinic.Data.Identity;
using Clinic.Domain.Clinics;
using Clinic.Domain.Doctors;
using Clinic.Domain.Appointments;
using Clinic.Domain.Scheduling;
using Clinic.Domain.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Data.Persistence;

internal sealed class ClinicUserConfiguration : IEntityTypeConfiguration<ClinicUser>
{
    public void Configure(EntityTypeBuilder<ClinicUser> user)
    {
        // A branch removed leaves its staff at none: their desk pages open at the whole clinic.
        user.HasOne<Clinic.Domain.Branches.Branch>().WithMany().HasForeignKey(u => u.BranchId).OnDelete(DeleteBehavior.SetNull);
        user.Property(u => u.FullName).HasMaxLength(120);
        user.Property(u => u.Language).HasMaxLength(8);
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
        clinic.Ignore(c => c.Policy);
        clinic.Property(c => c.BookingWindowDays).HasDefaultValue(60);
        clinic.Property(c => c.MinimumNoticeHours).HasDefaultValue(2);
        clinic.Property(c => c.CancellationCutoffHours).HasDefaultValue(24);
        clinic.Property(c => c.ReminderLeadHours).HasDefaultValue(24);
        clinic.Property(c => c.WaitlistHoldMinutes).HasDefaultValue(30);
        clinic.Property(c => c.Phone).HasMaxLength(Clinic.Domain.Common.PhoneNumber.MaxLength);
        clinic.Ignore(c => c.Settings);
        clinic.Ignore(c => c.Profile);
        clinic.Property(c => c.Email).HasMaxLength(Clinic.Domain.Clinics.ClinicProfile.MaxEmailLength);
        clinic.Property(c => c.OpeningHours).HasMaxLength(Clinic.Domain.Clinics.ClinicProfile.MaxOpeningHoursLength);
        clinic.Property(c => c.Language).HasMaxLength(8).HasDefaultValue(Clinic.Domain.Clinics.ClinicProfile.English);
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
        // A branch with doctors is not removed (the use case says whom to move first).
        doctor.HasOne<Clinic.Domain.Branches.Branch>().WithMany().HasForeignKey(d => d.BranchId).OnDelete(DeleteBehavior.Restrict);
        doctor.Property(d => d.FullName).HasMaxLength(120);
        doctor.Property(d => d.Specialization).HasMaxLength(80);
        doctor.Property(d => d.PracticeAddress).HasMaxLength(300);
        doctor.Property(d => d.Bio).HasMaxLength(2000);
        doctor.Property(d => d.ConsultationFee).HasPrecision(12, 2);
        doctor.Ignore(d => d.Details);
        // Raised by database triggers whenever a seat, weekly rule, exception or slot switch of the
        // doctor changes, in the same transaction (see AvailabilityStamp): a month of
        // availability read before is still the answer while this and the clinic's policy are unchanged.
        doctor.Property<long>(Clinic.Data.Scheduling.AvailabilityStamp.Column);
    }
}

internal sealed class BranchConfiguration : IEntityTypeConfiguration<Clinic.Domain.Branches.Branch>
{
    public void Configure(EntityTypeBuilder<Clinic.Domain.Branches.Branch> branch)
    {
        branch.ToTable("Branches");
        branch.HasOne<ClinicLocation>().WithMany().HasForeignKey(b => b.ClinicId);
        branch.Property(b => b.Name).HasMaxLength(Clinic.Domain.Branches.BranchDetails.MaxNameLength);
        branch.Property(b => b.Address).HasMaxLength(Clinic.Domain.Branches.BranchDetails.MaxAddressLength);
        branch.Property(b => b.Phone).HasMaxLength(Clinic.Domain.Common.PhoneNumber.MaxLength);
        branch.Property(b => b.OpeningHours).HasMaxLength(Clinic.Domain.Branches.BranchDetails.MaxOpeningHoursLength);
        branch.Ignore(b => b.Details);
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
        service.Property(s => s.Colour).HasMaxLength(7).HasDefaultValue(MedicalService.DefaultColour);
        service.Property(s => s.IsActive).HasDefaultValue(true);
        service.HasMany(s => s.Doctors).WithOne().HasForeignKey(d => d.ServiceId).OnDelete(DeleteBehavior.Cascade);
        service.Navigation(s => s.Doctors).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ServiceDoctorConfiguration : IEntityTypeConfiguration<ServiceDoctor>
{
    public void Configure(EntityTypeBuilder<ServiceDoctor> offer)
    {
        offer.ToTable("ServiceDoctors");
        offer.HasKey(d => new { d.ServiceId, d.DoctorId });
        // "Which types does this doctor offer" is the booking dialog's question.
        offer.HasIndex(d => d.DoctorId);
        offer.HasOne<Clinic.Domain.Doctors.DoctorProfile>().WithMany().HasForeignKey(d => d.DoctorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WeeklyRuleConfiguration : IEntityTypeConfiguration<WeeklyRule>
{
    public void Configure(EntityTypeBuilder<WeeklyRule> rule)
    {
        rule.ToTable("WeeklyRules");
        rule.HasOne<DoctorProfile>().WithMany().HasForeignKey(r => r.DoctorId).OnDelete(DeleteBehavior.Cascade);
        rule.HasIndex(r => r.DoctorId);
        rule.Ignore(r => r.Details);
    }
}

internal sealed class ScheduleExceptionConfiguration : IEntityTypeConfiguration<ScheduleException>
{
    public void Configure(EntityTypeBuilder<ScheduleException> exception)
    {
        exception.ToTable("ScheduleExceptions");
        exception.HasOne<DoctorProfile>().WithMany().HasForeignKey(e => e.DoctorId).OnDelete(DeleteBehavior.Cascade);
        exception.HasIndex(e => new { e.DoctorId, e.LastDate });
        exception.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        exception.Property(e => e.Reason).HasMaxLength(200);
    }
}

internal sealed class SlotSwitchConfiguration : IEntityTypeConfiguration<SlotSwitch>
{
    public void Configure(EntityTypeBuilder<SlotSwitch> slotSwitch)
    {
        slotSwitch.ToTable("SlotSwitches");
        slotSwitch.HasOne<DoctorProfile>().WithMany().HasForeignKey(s => s.DoctorId).OnDelete(DeleteBehavior.Cascade);
        // One switch per slot: two clicks at once cannot leave two rows.
        slotSwitch.HasIndex(s => new { s.DoctorId, s.StartUtc }).IsUnique();
        slotSwitch.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> appointment)
    {
        appointment.ToTable("Appointments");
        appointment.HasOne<DoctorProfile>().WithMany().HasForeignKey(a => a.DoctorId);
        appointment.HasOne<ClinicUser>().WithMany().HasForeignKey(a => a.PatientUserId);
        appointment.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        appointment.Property(a => a.Stage).HasConversion<string>().HasMaxLength(16);
        appointment.Property(a => a.PatientNote).HasMaxLength(Appointment.MaxNoteLength);
        appointment.Property(a => a.CancelReason).HasMaxLength(Appointment.MaxReasonLength);
        // Open waitlist offers, found by when they lapse.
        appointment.HasIndex(a => new { a.Status, a.OfferExpiresUtc });
        // Optimistic concurrency: an update that finds another version in the row fails.
        appointment.Property(a => a.Version).IsConcurrencyToken();
        appointment.HasOne<MedicalService>().WithMany().HasForeignKey(a => a.ServiceId);
        appointment.HasMany(a => a.History).WithOne().HasForeignKey(h => h.AppointmentId);
        appointment.HasIndex(a => a.SeriesId).HasFilter("\"SeriesId\" IS NOT NULL");
        appointment.Navigation(a => a.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        // Covers the seat count per slot (doctor, start, status) without touching the table.
        appointment.HasIndex(a => new { a.DoctorId, a.StartUtc, a.Status });
        appointment.HasIndex(a => new { a.PatientUserId, a.StartUtc });
        // The seats it holds come with it wherever it is loaded, so every change keeps them in step.
        appointment.HasMany(a => a.Seats).WithOne().HasForeignKey(s => s.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        appointment.Navigation(a => a.Seats).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        appointment.Property(a => a.AgreedFee).HasPrecision(18, 2);
        appointment.Property(a => a.FeeBeforeDiscount).HasPrecision(18, 2);
        appointment.HasMany(a => a.Payments).WithOne().HasForeignKey(p => p.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        appointment.Navigation(a => a.Payments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class VisitPaymentConfiguration : IEntityTypeConfiguration<Clinic.Domain.Payments.VisitPayment>
{
    public void Configure(EntityTypeBuilder<Clinic.Domain.Payments.VisitPayment> payment)
    {
        payment.ToTable("Payments");
        // Payments are created with their id; new ones found on an appointment are inserts.
        payment.Property(p => p.Id).ValueGeneratedNever();
        payment.Property(p => p.Amount).HasPrecision(18, 2);
        payment.Property(p => p.Currency).HasMaxLength(3);
        payment.Property(p => p.Method).HasConversion<string>().HasMaxLength(16);
        payment.Property(p => p.Reference).HasMaxLength(Clinic.Domain.Payments.VisitPayment.MaxReferenceLength);
        payment.Property(p => p.ReceivedByName).HasMaxLength(120);
        payment.Property(p => p.VoidedByName).HasMaxLength(120);
        payment.Property(p => p.VoidReason).HasMaxLength(Appointment.MaxReasonLength);
        // The day's takings are found by when the money came in.
        payment.HasIndex(p => p.ReceivedUtc);
        // No foreign key on purpose: the accounts keep a removed branch's money apart ("Removed branch").
        payment.Property(p => p.BranchId);
    }
}

internal sealed class AppointmentSeatConfiguration : IEntityTypeConfiguration<AppointmentSeat>
{
    public void Configure(EntityTypeBuilder<AppointmentSeat> seat)
    {
        seat.ToTable("Seats");
        // The database guarantees capacity: each seat of each slot is held by at most one appointment,
        // for every slot a visit covers. The key is also what availability counts (doctor, start).
        seat.HasKey(s => new { s.DoctorId, s.StartUtc, s.SeatNumber }).HasName(Clinic.Data.Persistence.DatabaseFaults.SeatKey);
        seat.HasIndex(s => s.AppointmentId);
    }
}

internal sealed class AppointmentHistoryConfiguration : IEntityTypeConfiguration<AppointmentHistoryEntry>
{
    public void Configure(EntityTypeBuilder<AppointmentHistoryEntry> entry)
    {
        entry.ToTable("AppointmentHistory");
        // Entries are created with their id; new ones found in an appointment's history are inserts.
        entry.Property(h => h.Id).ValueGeneratedNever();
        entry.HasIndex(h => new { h.AppointmentId, h.AtUtc });
        entry.Property(h => h.Kind).HasConversion<string>().HasMaxLength(16);
        entry.Property(h => h.ByName).HasMaxLength(120);
        entry.Property(h => h.From).HasMaxLength(40);
        entry.Property(h => h.To).HasMaxLength(40);
        entry.Property(h => h.Reason).HasMaxLength(Appointment.MaxReasonLength);
    }
}

internal sealed class StoredImageConfiguration : IEntityTypeConfiguration<Clinic.Data.Images.StoredImage>
{
    public void Configure(EntityTypeBuilder<Clinic.Data.Images.StoredImage> image)
    {
        image.ToTable("Images");
        image.Property(i => i.Id).ValueGeneratedNever();
        image.Property(i => i.ContentType).HasMaxLength(40);
    }
}
