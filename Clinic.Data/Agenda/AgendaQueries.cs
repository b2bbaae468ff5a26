using Clinic.Data.Booking;
using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Domain.Appointments;
using Clinic.Domain.Clinics;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Agenda;

/// <summary>
/// The agenda: one column per doctor for a clinic-local date, each slot with who holds its seats.
/// Owner and staff see every doctor (filtered by doctor or specialization); a doctor sees their own.
/// </summary>
public sealed class AgendaQueries(IDbContextFactory<ClinicDbContext> contexts, AvailabilityQueries availability, TimeProvider clock)
{
    /// <summary>One doctor's week from <paramref name="first"/>: a column per day; the doctor themselves, owner and staff.</summary>
    public async Task<AgendaDay?> WeekAsync(AppointmentActor by, Guid doctorId, DateOnly first, CancellationToken cancellationToken = default)
    {
        if (!by.IsClinic && by.DoctorId != doctorId)
            return null;
        var columns = new List<AgendaColumn>();
        AgendaDay? firstDay = null;
        for (var offset = 0; offset < 7; offset++)
        {
            var day = await DayAsync(by, first.AddDays(offset), doctorId, null, cancellationToken);
            if (day is null || day.Columns.Count == 0)
                return null;
            firstDay ??= day;
            columns.Add(day.Columns[0] with { Date = day.Date });
        }
        return firstDay! with { Columns = columns };
    }

    public async Task<AgendaDay?> DayAsync(AppointmentActor by, DateOnly date, Guid? doctorId = null, string? specialization = null, CancellationToken cancellationToken = default)
    {
        if (!by.IsClinic && by.DoctorId is null)
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clinic = await ScheduleData.ClinicAsync(db, cancellationToken);
        if (clinic is null)
            return null;
        var everyone = await db.Doctors.AsNoTracking().Select(d => new { d.Id, d.FullName, d.Specialization }).ToListAsync(cancellationToken);
        var shown = everyone
            .Where(d => by.IsClinic || d.Id == by.DoctorId)
            .Where(d => doctorId is null || d.Id == doctorId)
            .Where(d => string.IsNullOrEmpty(specialization) || d.Specialization == specialization)
            .OrderBy(d => d.FullName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var ids = shown.Select(d => d.Id).ToList();
        var (fromUtc, toUtc) = (ClinicTime.StartOfDayUtc(date, clinic.TimeZone), ClinicTime.StartOfDayUtc(date.AddDays(1), clinic.TimeZone));
        // By the seats held: a visit covering several slots (a longer type, time kept free after) shows in each.
        var rows = await (from seat in db.Seats.AsNoTracking()
                          where ids.Contains(seat.DoctorId) && seat.StartUtc >= fromUtc && seat.StartUtc < toUtc
                          join appointment in db.Appointments.IgnoreAutoIncludes().AsNoTracking() on seat.AppointmentId equals appointment.Id
                          where !appointment.IsDeleted
                          join patient in db.Users on appointment.PatientUserId equals patient.Id
                          join service in db.Services on appointment.ServiceId equals service.Id into services
                          from service in services.DefaultIfEmpty()
                          orderby seat.StartUtc, seat.SeatNumber
                          select new { Appointment = appointment, SeatStart = seat.StartUtc, PatientName = patient.FullName, PatientPhone = patient.PhoneNumber, ServiceName = service == null ? null : service.Name, ServiceColour = service == null ? null : service.Colour })
            .ToListAsync(cancellationToken);
        // Whether a booking can be dragged elsewhere is the domain's answer, as for every move.
        var now = clock.GetUtcNow().UtcDateTime;
        var bookings = rows.Select(r =>
        {
            var start = DateTime.SpecifyKind(r.SeatStart, DateTimeKind.Utc);
            var continuation = start == r.Appointment.StartUtc ? null : start < r.Appointment.EndUtc ? "continued" : "kept free after the visit";
            return new
            {
                r.Appointment.DoctorId,
                StartUtc = start,
                Booking = new AgendaBooking(r.Appointment.Id, r.Appointment.PatientUserId, r.PatientName, r.PatientPhone, r.Appointment.Status,
                    r.Appointment.Stage, r.ServiceName, r.Appointment.PatientNote != null, r.Appointment.Version,
                    continuation is null && r.Appointment.AllowedFor(by, now, clinic.CancellationCutoffHours, clinic.TimeZone).Can(AppointmentAction.Reschedule), r.ServiceColour,
                    r.Appointment.SeriesId != null, continuation),
            };
        }).ToList();

        var columns = new List<AgendaColumn>();
        foreach (var doctor in shown)
        {
            var day = await availability.ForDoctorAsync(doctor.Id, date, 1, cancellationToken);
            var slots = day?.Slots ?? [];
            columns.Add(new AgendaColumn(doctor.Id, doctor.FullName, doctor.Specialization,
                [.. slots.Select(s => new AgendaSlot(s, [.. bookings.Where(b => b.DoctorId == doctor.Id && b.StartUtc == s.StartUtc).Select(b => b.Booking)]))],
                day?.Days.FirstOrDefault()?.ClosedReason));
        }
        var specializations = everyone.Where(d => by.IsClinic || d.Id == by.DoctorId).Select(d => d.Specialization).Distinct().Order().ToList();
        // Who works that day comes first (the desk reads left to right, a phone shows one column at a time);
        // doctors without hours follow, each group by name.
        return new AgendaDay(date, ClinicTime.Today(clock, clinic.TimeZone), clinic.TimeZoneId, [.. columns.OrderBy(c => c.Slots.Count == 0)], specializations);
    }
}
