using Clinic.Data.Booking;
using Clinic.Data.Messaging;
using Clinic.Data.Notifications;
using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Domain.Appointments;
using Clinic.Domain.Clinics;
using Clinic.Domain.Common;
using Clinic.Domain.Events;
using Clinic.Domain.Messaging;
using Clinic.Domain.Notifications;
using Clinic.Domain.Scheduling;
using Clinic.Domain.Waitlist;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Waitlist;

/// <summary>
/// Patients wait for a full doctor; a freed seat is offered to the first in line and held for them
/// (an appointment in state Offered, which takes a numbered seat like any booking, so the database
/// refuses to give one seat twice). Accepting makes it a pending request; declining or letting
/// it lapse frees it for the next in line.
/// </summary>
public sealed class WaitlistService(IDbContextFactory<ClinicDbContext> contexts, AvailabilityQueries availability, SeatRaces seatRaces, TimeProvider clock)
{
    public const string OnlyPatients = "Only patients can join a waitlist.";
    public const string NotYourOffer = "This offer does not exist or is not yours.";

    public async Task<Result<Guid>> JoinAsync(AppointmentActor by, Guid doctorId, DateOnly fromDate, DateOnly toDate, CancellationToken cancellationToken = default)
    {
        if (!by.IsPatient)
            return Result<Guid>.Failure(OnlyPatients);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var clinic = (await ScheduleData.ClinicAsync(db, cancellationToken))!;
        var doctorName = await db.Doctors.Where(d => d.Id == doctorId).Select(d => d.FullName).FirstOrDefaultAsync(cancellationToken);
        if (doctorName is null)
            return Result<Guid>.Failure("That doctor is not in the clinic's list.");
        var joined = WaitlistEntry.Join(by.UserId, doctorId, fromDate, toDate, clock.Today(clinic.TimeZone), clinic.BookingWindowDays, Now);
        if (!joined.Succeeded)
            return Result<Guid>.From(joined);
        var active = await db.Waitlist.Where(e => e.PatientUserId == by.UserId && (e.Status == WaitlistStatus.Waiting || e.Status == WaitlistStatus.Offered)).ToListAsync(cancellationToken);
        if (active.Any(e => e.DoctorId == doctorId && e.Overlaps(fromDate, toDate)))
            return Result<Guid>.Failure($"You are already on {doctorName}'s waitlist for some of those dates.");
        if (active.Count >= WaitlistEntry.MaxActivePerPatient)
            return Result<Guid>.Failure($"You can wait for at most {WaitlistEntry.MaxActivePerPatient} things at once; leave one of your waitlists first.");
        var free = (await availability.ComputeAsync(db, clinic, [doctorId], fromDate, toDate, cancellationToken))[doctorId].Slots.FirstOrDefault(s => s.IsBookable);
        if (free is not null)
            return Result<Guid>.Failure($"{doctorName} still has free times on those dates (the first: {AppointmentNoticeWriter.When(free.StartUtc, clinic)}). Book one of those instead.");

        db.Waitlist.Add(joined.Value!);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<Guid>.Ok(joined.Value!.Id);
    }

    public async Task<Result> LeaveAsync(AppointmentActor by, Guid entryId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entry = await db.Waitlist.FirstOrDefaultAsync(e => e.Id == entryId && e.PatientUserId == by.UserId, cancellationToken);
        if (entry is null)
            return Result.Failure("That waitlist place does not exist or is not yours.");
        var heldOffer = entry.Status == WaitlistStatus.Offered && entry.OfferAppointmentId is { } offerId
            ? await db.Appointments.Include(a => a.History).FirstOrDefaultAsync(a => a.Id == offerId, cancellationToken)
            : null;
        heldOffer?.EndOffer("The patient left the waitlist.", by.UserId, by.Name, Now);
        var left = entry.Leave();
        if (!left.Succeeded)
            return left;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>The patient's waitlist places: the active ones and those that ended in the last 30 days, newest first.</summary>
    public Task<IReadOnlyList<WaitlistView>> MineAsync(AppointmentActor by, CancellationToken cancellationToken = default) =>
        ForPatientAsync(by.UserId, cancellationToken);

    /// <summary>A patient's places, open ones first, and those that ended in the last 30 days (for their file; the caller checks who may read it).</summary>
    internal async Task<IReadOnlyList<WaitlistView>> ForPatientAsync(string patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clinic = (await ScheduleData.ClinicAsync(db, cancellationToken))!;
        var since = Now.AddDays(-30);
        var rows = await (
            from entry in db.Waitlist.AsNoTracking()
            where entry.PatientUserId == patientId && (entry.Status == WaitlistStatus.Waiting || entry.Status == WaitlistStatus.Offered || entry.CreatedUtc >= since)
            join doctor in db.Doctors on entry.DoctorId equals doctor.Id
            join offer in db.Appointments on entry.OfferAppointmentId equals offer.Id into offers
            from offer in offers.DefaultIfEmpty()
            select new
            {
                entry,
                doctor.FullName,
                OfferStart = offer == null ? (DateTime?)null : offer.StartUtc,
                OfferExpires = offer == null ? null : offer.OfferExpiresUtc,
                // Ahead: those who came earlier for any of the same dates (seats are offered first come, first served).
                Ahead = db.Waitlist.Count(other => other.DoctorId == entry.DoctorId && other.Status == WaitlistStatus.Waiting && other.CreatedUtc < entry.CreatedUtc
                    && other.FromDate <= entry.ToDate && other.ToDate >= entry.FromDate),
            }).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.entry.IsActive).ThenByDescending(r => r.entry.CreatedUtc).Select(r => new WaitlistView(
            r.entry.Id, r.entry.DoctorId, r.FullName, r.entry.FromDate, r.entry.ToDate, r.entry.Status, r.entry.CreatedUtc,
            r.entry.Status == WaitlistStatus.Waiting ? r.Ahead + 1 : 0, r.entry.OfferAppointmentId,
            Local(r.OfferStart, clinic), Local(r.OfferExpires, clinic)))];
    }

    /// <summary>The patient takes the held seat: it becomes a pending request, and the clinic hears of it as of any request.</summary>
    public async Task<Result> AcceptAsync(AppointmentActor by, Guid appointmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (offer, entry) = await OfferAsync(db, by, appointmentId, cancellationToken);
        if (offer is null)
            return Result.Failure(NotYourOffer);
        var accepted = offer.AcceptOffer(by, Now);
        if (!accepted.Succeeded)
            return accepted;
        entry?.Booked();
        var clinic = (await ScheduleData.ClinicAsync(db, cancellationToken))!;
        await AppointmentNoticeWriter.WriteAsync(db, clinic, offer, AppointmentStatus.Offered, offer.StartUtc, by, Now, cancellationToken);
        if (!await SaveUnlessChangedAsync(db, transaction, cancellationToken))
            return Result.Refused(RefusalCodes.ChangedMeanwhile, OfferChangedMeanwhile);
        return Result.Success;
    }

    public async Task<Result> DeclineAsync(AppointmentActor by, Guid appointmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (offer, entry) = await OfferAsync(db, by, appointmentId, cancellationToken);
        if (offer is null)
            return Result.Failure(NotYourOffer);
        var ended = offer.EndOffer("The patient declined the waitlist offer.", by.UserId, by.Name, Now);
        if (!ended.Succeeded)
            return ended;
        entry?.Missed();
        if (!await SaveUnlessChangedAsync(db, transaction, cancellationToken))
            return Result.Refused(RefusalCodes.ChangedMeanwhile, OfferChangedMeanwhile);
        return Result.Success;
    }

    /// <summary>
    /// Offers the doctor's free seats to the waiting patients, first come first served, each the
    /// earliest free time in their dates. Runs in one write transaction: two runs at once take
    /// turns, and the seat index would refuse a seat given twice. Returns how many offers it made.
    /// </summary>
    public Task<int> OfferFreedSeatsAsync(Guid doctorId, CancellationToken cancellationToken = default) =>
        // Two matchers (on two app instances) that reach for one seat or one entry: the seat index or
        // the entry's version lets one in; the other reads again and finds nothing left to offer.
        seatRaces.RetryAsync("waitlist", DatabaseFaults.IsLostRace, _ => TryOfferFreedSeatsAsync(doctorId, cancellationToken));

    private async Task<int> TryOfferFreedSeatsAsync(Guid doctorId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var clinic = (await ScheduleData.ClinicAsync(db, cancellationToken))!;
        var today = clock.Today(clinic.TimeZone);
        var waiting = await db.Waitlist.Where(e => e.DoctorId == doctorId && e.Status == WaitlistStatus.Waiting)
            .OrderBy(e => e.CreatedUtc).ToListAsync(cancellationToken);
        foreach (var past in waiting.Where(e => e.ToDate < today))
            past.Expire();
        var live = waiting.Where(e => e.ToDate >= today).ToList();
        var offers = new List<Appointment>();
        if (live.Count > 0)
        {
            var first = new[] { today, live.Min(e => e.FromDate) }.Max();
            var slots = (await availability.ComputeAsync(db, clinic, [doctorId], first, live.Max(e => e.ToDate), cancellationToken))[doctorId]
                .Slots.Where(s => s.IsBookable).OrderBy(s => s.StartUtc).ToList();
            var doctorName = await db.Doctors.Where(d => d.Id == doctorId).Select(d => d.FullName).FirstAsync(cancellationToken);
            foreach (var entry in live)
            {
                if (await OfferFirstFreeAsync(db, clinic, doctorName, entry, slots, offers, cancellationToken) is { } offer)
                    offers.Add(offer);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return offers.Count;
    }

    private async Task<Appointment?> OfferFirstFreeAsync(ClinicDbContext db, ClinicLocation clinic, string doctorName, WaitlistEntry entry,
        IReadOnlyList<Slot> slots, IReadOnlyList<Appointment> offeredInThisRun, CancellationToken cancellationToken)
    {
        foreach (var slot in slots.Where(s => s.LocalDate >= entry.FromDate && s.LocalDate <= entry.ToDate))
        {
            // The computed seats predate this run's own offers; the database query below has the last word.
            if (slot.SeatsLeft - offeredInThisRun.Count(o => o.StartUtc == slot.StartUtc) <= 0)
                continue;
            var seats = await SlotScene.SeatsAsync(db, slot, entry.PatientUserId, null, cancellationToken);
            if (seats.PatientBusy || seats.FreeSeat(attempt: 1) is not { } seat)
                continue;
            var expires = Now.AddMinutes(clinic.WaitlistHoldMinutes);
            var offer = Appointment.Offer(entry.DoctorId, entry.PatientUserId, slot.StartUtc, slot.EndUtc, seat, Now, expires);
            db.Appointments.Add(offer);
            entry.Offer(offer.Id);
            var when = AppointmentNoticeWriter.When(slot.StartUtc, clinic);
            var until = TimeZoneInfo.ConvertTimeFromUtc(expires, clinic.TimeZone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            var text = $"A seat with {doctorName} on {when} is free and held for you until {until}. Accept it to request the appointment; otherwise it goes to the next person waiting.";
            db.Notifications.Add(Notification.Create(entry.PatientUserId, NotificationKind.WaitlistOffer, "A seat is free for you", text, $"/appointments/{offer.Id}", Now));
            db.Outbox.Add(OutboxMessage.Email(OutboxKind.WaitlistOffer, entry.PatientUserId, offer.Id, offer.StartUtc,
                $"A seat is free: {doctorName}, {when}", text, CalendarAttachment.None, Now));
            // Saved now, so the next entry's seat and overlap checks see this offer.
            await db.SaveChangesAsync(cancellationToken);
            return offer;
        }
        return null;
    }

    /// <summary>Offers whose hold ran out go back to the pool; the next in line is offered the seat. Returns how many lapsed.</summary>
    public Task<int> LapseExpiredOffersAsync(CancellationToken cancellationToken = default) =>
        // An offer accepted at the moment it lapses: the appointment's version lets one in; the lapse reads again.
        seatRaces.RetryAsync("waitlist", DatabaseFaults.IsLostRace, _ => TryLapseExpiredOffersAsync(cancellationToken));

    private async Task<int> TryLapseExpiredOffersAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        List<Appointment> lapsed;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            lapsed = await db.Appointments.Include(a => a.History)
                .Where(a => a.Status == AppointmentStatus.Offered && a.OfferExpiresUtc <= now).ToListAsync(cancellationToken);
            if (lapsed.Count == 0)
                return 0;
            var ids = lapsed.Select(a => (Guid?)a.Id).ToList();
            var entries = await db.Waitlist.Where(e => e.Status == WaitlistStatus.Offered && ids.Contains(e.OfferAppointmentId)).ToListAsync(cancellationToken);
            foreach (var offer in lapsed)
            {
                offer.EndOffer("The waitlist offer was not accepted in time.", offer.PatientUserId, "Waitlist", now);
                db.Notifications.Add(Notification.Create(offer.PatientUserId, NotificationKind.WaitlistOffer, "Offer lapsed",
                    "The seat held for you was not accepted in time and went to the next person waiting. Join the waitlist again if you still need a visit.",
                    $"/appointments/{offer.Id}", now));
            }
            foreach (var entry in entries)
                entry.Missed();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return lapsed.Count;
    }

    private const string OfferChangedMeanwhile = "This offer changed a moment ago (its hold may just have run out). It now shows its current state.";

    /// <summary>Commits, or answers false when another transaction changed the offer first (the lapse worker, on another instance).</summary>
    private static async Task<bool> SaveUnlessChangedAsync(ClinicDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>When the earliest open offer lapses, so the worker can wake then.</summary>
    public async Task<DateTime?> NextLapseAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Appointments.Where(a => a.Status == AppointmentStatus.Offered).MinAsync(a => a.OfferExpiresUtc, cancellationToken);
    }

    private static async Task<(Appointment? Offer, WaitlistEntry? Entry)> OfferAsync(ClinicDbContext db, AppointmentActor by, Guid appointmentId, CancellationToken cancellationToken)
    {
        var offer = await db.Appointments.Include(a => a.History)
            .FirstOrDefaultAsync(a => a.Id == appointmentId && a.PatientUserId == by.UserId && !a.IsDeleted, cancellationToken);
        var entry = offer is null ? null : await db.Waitlist.FirstOrDefaultAsync(e => e.OfferAppointmentId == appointmentId && e.Status == WaitlistStatus.Offered, cancellationToken);
        return (offer, entry);
    }

    private static DateTime? Local(DateTime? utc, ClinicLocation clinic) =>
        utc is { } value ? ClinicTime.LocalOf(value, clinic.TimeZone) : null;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
