using Clinic.Data.Booking;
using Clinic.Data.Notifications;
using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Domain.Appointments;
using Clinic.Domain.Clinics;
using Clinic.Domain.Common;
using Clinic.Domain.Notifications;
using Clinic.Domain.Scheduling;
using Clinic.Domain.Series;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Series;

/// <summary>
/// Recurring visits booked by the front desk for a patient. Every visit is checked first and the
/// ones that cannot be had are listed with the nearest free time; then the set the front desk
/// accepts is saved in one transaction under the seat index, all of it or none.
/// </summary>
public sealed class SeriesBooking(IDbContextFactory<ClinicDbContext> contexts, AvailabilityQueries availability, SeatRaces seatRaces, TimeProvider clock)
{
    public const string ClinicOnly = "Only the clinic's staff and owner book a series for a patient.";

    /// <summary>How far either side of a taken time the nearest free one is looked for.</summary>
    public const int AlternativeDays = 3;

    public async Task<Result<SeriesPreview>> PreviewAsync(AppointmentActor by, SeriesRequest request, CancellationToken cancellationToken = default)
    {
        if (!by.IsClinic)
            return Result<SeriesPreview>.Refused(RefusalCodes.Forbidden, ClinicOnly);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clinic = await ScheduleData.ClinicAsync(db, cancellationToken);
        if (clinic is null)
            return Result<SeriesPreview>.Failure("The clinic has not been set up yet.");
        var zone = clinic.TimeZone;
        var firstLocal = ClinicTime.LocalOf(request.FirstStartUtc, zone);
        var first = DateOnly.FromDateTime(firstLocal);
        if (request.Rule.Problems(first) is { Count: > 0 } problems)
            return Result<SeriesPreview>.Failure([.. problems]);
        var dates = request.Rule.Dates(first);
        var starts = SeriesRule.StartsUtc(dates, TimeOnly.FromDateTime(firstLocal), zone);

        // The patient's own visits over the whole span: a series never double-books them.
        var (from, to) = (ClinicTime.StartOfDayUtc(dates[0].AddDays(-AlternativeDays), zone), ClinicTime.StartOfDayUtc(dates[^1].AddDays(AlternativeDays + 1), zone));
        var holding = AppointmentStatuses.SeatHolding.ToList();
        var earliest = from - Appointment.LongestVisit;
        var busy = await db.Appointments.AsNoTracking()
            .Where(a => a.PatientUserId == request.PatientUserId && !a.IsDeleted && holding.Contains(a.Status) && a.StartUtc > earliest && a.StartUtc < to && a.EndUtc > from)
            .Select(a => new { a.StartUtc, a.EndUtc }).ToListAsync(cancellationToken);
        bool PatientBusy(Slot slot) => busy.Any(b => b.StartUtc < slot.EndUtc && b.EndUtc > slot.StartUtc);
        var length = await Types.AppointmentTypes.LengthAsync(db, request.ServiceId, cancellationToken);

        var taken = new List<DateTime>();
        var occurrences = new List<SeriesOccurrence>();
        for (var i = 0; i < dates.Count; i++)
        {
            var week = await availability.ForDoctorAsync(request.DoctorId, dates[i].AddDays(-AlternativeDays), 2 * AlternativeDays + 1, cancellationToken, length: length);
            if (week is null)
                return Result<SeriesPreview>.Refused(RefusalCodes.NotFound, "No such doctor.");
            bool Takeable(Slot s) => SlotRefusals.For(by, s) is null && s.SeatsLeft > 0 && !PatientBusy(s) && !taken.Contains(s.StartUtc);
            var slot = starts[i] is { } start ? week.Slots.FirstOrDefault(s => s.StartUtc == start) : null;
            if (slot is not null && Takeable(slot))
            {
                taken.Add(slot.StartUtc);
                occurrences.Add(new SeriesOccurrence(dates[i], slot.StartUtc, slot.LocalStart, true, null, null, null));
                continue;
            }
            var reason = slot is null ? "Not in the doctor's hours at that time."
                : PatientBusy(slot) ? "The patient already has an appointment then."
                : SlotRefusals.For(by, slot)?.Error ?? slot.Reason;
            var alternative = SeriesAlternative.Nearest(week.Slots.Where(Takeable), dates[i].ToDateTime(TimeOnly.FromDateTime(firstLocal)));
            occurrences.Add(new SeriesOccurrence(dates[i], slot?.StartUtc ?? starts[i], slot?.LocalStart, false, reason, alternative?.StartUtc, alternative?.LocalStart));
            if (alternative is not null)
                taken.Add(alternative.StartUtc);
        }
        return Result<SeriesPreview>.Ok(new SeriesPreview(occurrences, request.Rule.Describe(first), clinic.TimeZoneId));
    }

    /// <summary>
    /// Saves the visits at <paramref name="startsUtc"/> (the free ones and the alternatives the front
    /// desk accepted) as one confirmed series, in one transaction: if any of them was taken meanwhile
    /// nothing is saved and the refusal names that visit.
    /// </summary>
    public async Task<Result<SeriesBooked>> BookAsync(AppointmentActor by, SeriesRequest request, IReadOnlyList<DateTime> startsUtc, CancellationToken cancellationToken = default)
    {
        if (!by.IsClinic)
            return Result<SeriesBooked>.Refused(RefusalCodes.Forbidden, ClinicOnly);
        var starts = startsUtc.Select(s => DateTime.SpecifyKind(s, DateTimeKind.Utc)).Distinct().Order().ToList();
        if (starts.Count is < 2 or > SeriesRule.MaxOccurrences)
            return Result<SeriesBooked>.Failure($"A series has 2 to {SeriesRule.MaxOccurrences} visits.");
        if (Appointment.NoteProblem(request.Note) is { } badNote)
            return Result<SeriesBooked>.Failure(badNote);
        return await seatRaces.RetryAsync("series", DatabaseFaults.IsSeatTaken, attempt => TryBookAsync(by, request, starts, attempt, cancellationToken));
    }

    private async Task<Result<SeriesBooked>> TryBookAsync(AppointmentActor by, SeriesRequest request, List<DateTime> starts, int attempt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Types.OfferedType? type = null;
        if (request.ServiceId is { } serviceId && (type = await Types.AppointmentTypes.OfferedAsync(db, serviceId, request.DoctorId, cancellationToken)) is null)
            return Result<SeriesBooked>.Failure(Types.AppointmentTypes.NotOffered);
        var seriesId = RowIds.New();
        var now = clock.GetUtcNow();
        var booked = new List<Appointment>();
        ClinicLocation? clinic = null;
        foreach (var start in starts)
        {
            var scene = await SlotScene.LoadAsync(db, request.DoctorId, request.PatientUserId, start, cancellationToken);
            if (scene is null)
                return Result<SeriesBooked>.Refused(RefusalCodes.NotFound, "No such doctor.");
            clinic ??= scene.Clinic;
            var when = AppointmentNoticeWriter.When(start, scene.Clinic);
            var check = await scene.CheckAsync(db, start, request.PatientUserId, null, now, type?.Length, cancellationToken);
            if (check is null)
                return Result<SeriesBooked>.Refused(RefusalCodes.NoSuchSlot, $"{when}: that time is not in the doctor's schedule.");
            // The visits booked before this one in the loop count as the patient's too.
            var overlapsSeries = booked.Any(b => b.StartUtc < check.Slot.EndUtc && b.EndUtc > check.Slot.StartUtc);
            var taken = (check with { PatientBusy = check.PatientBusy || overlapsSeries }).SeatFor(by, attempt, "the patient already has an appointment then.");
            if (!taken.Succeeded)
                return Result<SeriesBooked>.Refused(taken.Code!, $"{when}: {taken.Error}");
            var appointment = Appointment.Create(request.DoctorId, request.PatientUserId, check.Slot.StartUtc, check.Slot.EndUtc, taken.Value, now.UtcDateTime,
                AppointmentStatus.Confirmed, by.UserId, by.Name, request.ServiceId, request.Note, type?.IsOnline ?? false, check.Slot.LaterStarts);
            appointment.JoinSeries(seriesId);
            db.Appointments.Add(appointment);
            booked.Add(appointment);
        }
        // The first visit announces the series (one notice, one email); every visit gets its reminder.
        var others = string.Join("; ", booked.Skip(1).Select(b => AppointmentNoticeWriter.When(b.StartUtc, clinic!)));
        await AppointmentNoticeWriter.WriteAsync(db, clinic!, booked[0], null, null, by, now.UtcDateTime, cancellationToken,
            appendix: $"It is the first of a series of {booked.Count} visits; the others: {others}.");
        foreach (var later in booked.Skip(1))
            await AppointmentNoticeWriter.RemindOnlyAsync(db, clinic!, later, now.UtcDateTime, cancellationToken);
        db.Notifications.Add(Notification.Create(request.PatientUserId, NotificationKind.AppointmentUpdate, "Series booked",
            $"The clinic booked {booked.Count} visits for you, from {AppointmentNoticeWriter.When(booked[0].StartUtc, clinic!)} to {AppointmentNoticeWriter.When(booked[^1].StartUtc, clinic!)}. Each is in your appointments.",
            $"/appointments/{booked[0].Id}", now.UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<SeriesBooked>.Ok(new SeriesBooked(seriesId, [.. booked.Select(b => b.Id)]));
    }
}
