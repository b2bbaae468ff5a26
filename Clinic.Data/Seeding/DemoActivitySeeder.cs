using Clinic.Data.Identity;
using Clinic.Data.Notifications;
using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Domain.Appointments;
using Clinic.Domain.Chat;
using Clinic.Domain.Clinics;
using Clinic.Domain.Identity;
using Clinic.Domain.Messaging;
using Clinic.Domain.Notifications;
using Clinic.Domain.Payments;
using Clinic.Domain.Scheduling;
using Clinic.Domain.Waitlist;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clinic.Data.Seeding;

/// <summary>
/// The demo clinic in full swing, for Development: two weeks of past visits (completed, a no-show,
/// cancellations with reasons), today's visits at the front desk's stages as the clock finds them,
/// requests waiting for confirmation, a fully booked day with a patient on its waitlist,
/// conversations and unread notifications. Every appointment sits in a real slot of its doctor's
/// schedule and goes through the domain's own transitions, at the times they would have happened.
/// Relative to the day it runs and the same for that day; a database that already has an
/// appointment is left alone.
/// </summary>
public sealed class DemoActivitySeeder(IdentityWork identity, IDbContextFactory<ClinicDbContext> contexts, AvailabilityQueries availability,
    IOptions<DemoDataOptions> options, TimeProvider clock)
{
    private const int PastDays = 14;
    private const int FutureDays = 7;

    /// <summary>More of the clinic's patients (with accounts and the demo password), so that a day fills up.</summary>
    private static readonly (string Name, string Email, string Phone, DateOnly Born)[] MorePatients =
    [
        ("Nasrin Akhter", "nasrin@patients.example", "+880 1811 000006", new(1968, 2, 14)),
        ("Faruk Ahmed", "faruk@patients.example", "+880 1811 000007", new(1979, 7, 8)),
        ("Tahmina Begum", "tahmina@patients.example", "+880 1811 000008", new(1988, 10, 21)),
        ("Sabbir Rahman", "sabbir@patients.example", "+880 1811 000009", new(2015, 3, 2)),
        ("Rupa Das", "rupa@patients.example", "+880 1811 000010", new(1993, 12, 5)),
        ("Habib Mia", "habib@patients.example", "+880 1811 000011", new(1958, 5, 27)),
        ("Lamia Karim", "lamia@patients.example", "+880 1811 000012", new(2019, 8, 16)),
        ("Anwar Hossain", "anwar@patients.example", "+880 1811 000013", new(1975, 1, 9)),
    ];

    /// <summary>The demo patient who reads the clinic in Bangla.</summary>
    public const string BanglaReader = "rupa@patients.example";

    /// <summary>What patients write for each doctor (by the start of the doctor's email).</summary>
    private static readonly Dictionary<string, string[]> PatientNotes = new()
    {
        ["tanvir"] = ["Bringing last month's ECG report.", "Follow-up after the blood pressure medicine change."],
        ["imran"] = ["Rash on both arms for two weeks; it itches at night."],
        ["nusrat"] = ["For my daughter: fever since Saturday. Bringing her vaccination card."],
        ["farhana"] = ["Cough for ten days; bringing last week's blood test."],
    };

    /// <summary>Seeds once; false when the clinic already had appointments.</summary>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        await using (var probe = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await probe.Appointments.AnyAsync(cancellationToken))
                return false;
        }
        await EnsureMorePatientsAsync();

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clinic = await ScheduleData.ClinicAsync(db, cancellationToken)
            ?? throw new InvalidOperationException("Seed the demo clinic before its activity.");
        var cast = await DemoCast.LoadAsync(db, cancellationToken);
        var calendar = (await availability.CalendarAsync(cancellationToken))!;
        var fees = await db.Doctors.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.ConsultationFee, cancellationToken);
        var branchOf = await db.Doctors.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.BranchId, cancellationToken);
        var prices = await db.Services.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Price, cancellationToken);
        VisitCharge ChargeOf(Appointment a) =>
            VisitCharge.Of(a.ServiceId is { } type ? prices.GetValueOrDefault(type) : null, fees.GetValueOrDefault(a.DoctorId), clinic.Currency);
        var day = new DemoDay(db, clinic, cast, ChargeOf, branchOf, clock.GetUtcNow().UtcDateTime, new Random(calendar.Today.DayNumber));

        foreach (var doctor in cast.Doctors)
        {
            var slots = (await availability.ForDoctorAsync(doctor.Id, calendar.Today.AddDays(-PastDays), PastDays + FutureDays + 1, cancellationToken))!.Slots
                .Where(s => s.State is not (SlotState.Closed or SlotState.Disabled))
                .ToList();
            day.PlanPast(doctor, slots.Where(s => DateOnly.FromDateTime(s.LocalStart) < calendar.Today));
            day.PlanToday(doctor, slots.Where(s => DateOnly.FromDateTime(s.LocalStart) == calendar.Today).ToList());
            day.PlanAhead(doctor, slots.Where(s => DateOnly.FromDateTime(s.LocalStart) > calendar.Today).ToList());
            if (cast.Services.TryGetValue(LongVisit, out var longVisit) && doctor.Email.StartsWith("tanvir.", StringComparison.Ordinal))
                day.BookALongVisit(doctor, slots.Where(s => DateOnly.FromDateTime(s.LocalStart) > calendar.Today).ToList(), longVisit);
        }
        day.FillADayAndWaitForIt(calendar.Today, clinic.BookingWindowDays,
            await FullDayCandidateAsync(cast, calendar.Today, cancellationToken));
        day.Converse();
        // Sadia works the main building's desk, so her front desk opens at Dhanmondi; Karim covers every branch.
        if (await db.Branches.FirstOrDefaultAsync(b => b.Name == "Dhanmondi", cancellationToken) is { } main)
            (await db.Users.FirstAsync(u => u.Id == cast.Sadia.UserId, cancellationToken)).BranchId = main.Id;
        await db.SaveChangesAsync(cancellationToken);
        await day.MarkConversationsReadAsync(cancellationToken);
        return true;
    }

    /// <summary>The demo's type longer than a slot: the cardiologist's hour on 30-minute slots.</summary>
    private const string LongVisit = "Exercise stress test";

    /// <summary>Dr. Imran Hossain's next working day at least two days ahead: the one the demo fills.</summary>
    private async Task<IReadOnlyList<Slot>> FullDayCandidateAsync(DemoCast cast, DateOnly today, CancellationToken cancellationToken)
    {
        var doctor = cast.Doctor("imran.hossain@gomoti.example");
        var slots = (await availability.ForDoctorAsync(doctor.Id, today.AddDays(2), FutureDays, cancellationToken))!.Slots
            .Where(s => s.State == SlotState.Available)
            .GroupBy(s => DateOnly.FromDateTime(s.LocalStart))
            .FirstOrDefault();
        return slots?.ToList() ?? [];
    }

    private Task EnsureMorePatientsAsync() => identity.RunAsync(async (users, _) =>
    {
        foreach (var (name, email, phone, born) in MorePatients)
        {
            if (await users.FindByEmailAsync(email) is not null)
                continue;
            var user = new ClinicUser
            {
                UserName = email, Email = email, EmailConfirmed = true, FullName = name, PhoneNumber = phone, DateOfBirth = born,
                CreatedUtc = clock.GetUtcNow().UtcDateTime.AddDays(-60),
                // One patient reads the clinic in Bangla: signing in as her shows those pages and emails.
                Language = email == BanglaReader ? "bn" : null,
            };
            Check(await users.CreateAsync(user, options.Value.Password!));
            Check(await users.AddToRoleAsync(user, ClinicRoles.Patient));
        }
        // A walk-in the front desk recorded: no email, no password, visits like anyone else's.
        if (await users.FindByNameAsync(WalkInUserName) is null)
        {
            var walkIn = new ClinicUser
            {
                UserName = WalkInUserName, FullName = "Abdul Karim", PhoneNumber = "+880 1911 000014", DateOfBirth = new DateOnly(1949, 9, 1),
                CreatedUtc = clock.GetUtcNow().UtcDateTime.AddDays(-20),
            };
            Check(await users.CreateAsync(walkIn));
            Check(await users.AddToRoleAsync(walkIn, ClinicRoles.Patient));
        }
    });

    private const string WalkInUserName = "walk-in-demo-abdul-karim";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo seeding failed: " + string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Plans and writes the appointments, notices and conversations of the demo's weeks.</summary>
    private sealed class DemoDay(ClinicDbContext db, ClinicLocation clinic, DemoCast cast, Func<Appointment, VisitCharge> chargeOf,
        IReadOnlyDictionary<Guid, Guid?> branchOf, DateTime now, Random random)
    {
        private readonly List<Appointment> booked = [];

        // Its own sequence, so who pays how leaves the rest of the demo's plan as it was.
        private readonly Random money = new(7919);
        private readonly Random slips = new(104_729);
        private readonly Dictionary<(Guid, DateTime), int> seats = [];
        private int noShows;
        private int clinicCancellations;
        private int patientCancellations;
        private readonly HashSet<string> notesUsed = [];

        public void PlanPast(DemoPerson doctor, IEnumerable<Slot> slots)
        {
            foreach (var date in slots.GroupBy(s => DateOnly.FromDateTime(s.LocalStart)))
            {
                // A couple of visits per working day: each patient came a few times in two weeks, not every day.
                foreach (var slot in date.Where(_ => random.Next(4) == 0).Take(2))
                {
                    var patient = FreePatient(slot);
                    if (patient is null)
                        continue;
                    var appointment = Confirmed(doctor, patient, slot);
                    if (noShows == 0 && slot.EndUtc < now.AddDays(-2))
                    {
                        noShows++;
                        appointment.MarkNoShow(cast.Sadia, slot.StartUtc.AddMinutes(20));
                        continue;
                    }
                    if (clinicCancellations == 0 && slot.StartUtc < now.AddDays(-7))
                    {
                        clinicCancellations++;
                        var reason = $"{doctor.Name} was called to an emergency; we have phoned you to book another day.";
                        appointment.Cancel(cast.Sadia, reason, slot.StartUtc.AddHours(-5), clinic.CancellationCutoffHours);
                        Tell(appointment, AppointmentChange.Cancelled, cast.Sadia, slot.StartUtc.AddHours(-5), reason, read: true);
                        continue;
                    }
                    Visit(appointment, slot);
                }
            }
        }

        public void PlanToday(DemoPerson doctor, List<Slot> slots)
        {
            if (slots.Count == 0)
                return;
            var done = slots.Where(s => s.EndUtc <= now).TakeLast(2);
            var current = slots.Where(s => s.StartUtc <= now && now < s.EndUtc).Take(1);
            var later = slots.Where(s => s.StartUtc > now).ToList();
            foreach (var slot in done.Concat(current).Concat(later.Take(4)))
            {
                // A shared session takes several patients per slot; a private one, one.
                var patients = slot.SeatsTotal > 1 ? 3 : 1;
                for (var seat = 0; seat < patients; seat++)
                {
                    var patient = FreePatient(slot);
                    if (patient is null)
                        break;
                    var pending = slot == later.ElementAtOrDefault(3);
                    var appointment = pending ? Requested(doctor, patient, slot) : Confirmed(doctor, patient, slot);
                    if (!pending)
                        Visit(appointment, slot, firstOfSlot: seat == 0);
                }
            }
        }

        public void PlanAhead(DemoPerson doctor, List<Slot> slots)
        {
            var days = slots.GroupBy(s => DateOnly.FromDateTime(s.LocalStart)).Take(3).ToList();
            for (var d = 0; d < days.Count; d++)
            {
                var chosen = days[d].Where((_, index) => index % 3 == random.Next(3)).Take(3).ToList();
                for (var i = 0; i < chosen.Count; i++)
                {
                    var slot = chosen[i];
                    if (FreePatient(slot) is not { } patient)
                        continue;
                    // The nearest days' first bookings still wait for the clinic; later ones were confirmed.
                    if (i == 0 && d < 2)
                    {
                        Requested(doctor, patient, slot);
                        continue;
                    }
                    var appointment = Confirmed(doctor, patient, slot);
                    if (patientCancellations == 0 && slot.StartUtc > now.AddDays(2))
                    {
                        patientCancellations++;
                        var at = now.AddHours(-3);
                        var by = cast.Actor(patient);
                        appointment.Cancel(by, "I have a university exam that day; I will book another time.", at, clinic.CancellationCutoffHours);
                        Tell(appointment, AppointmentChange.Cancelled, by, at, appointment.CancelReason, read: false);
                    }
                }
            }
        }

        /// <summary>One confirmed visit of a type that takes two slots in a row: the agenda shows it in both.</summary>
        public void BookALongVisit(DemoPerson doctor, List<Slot> slots, Guid typeId)
        {
            for (var i = 0; i + 1 < slots.Count; i++)
            {
                var (first, second) = (slots[i], slots[i + 1]);
                if (second.StartUtc != first.EndUtc || first.State != SlotState.Available || second.State != SlotState.Available
                    || seats.ContainsKey((doctor.Id, first.StartUtc)) || seats.ContainsKey((doctor.Id, second.StartUtc)))
                    continue;
                var hour = first with { EndUtc = second.EndUtc };
                if (FreePatient(hour) is not { } patient)
                    continue;
                var at = BookedAt(first);
                seats[(doctor.Id, first.StartUtc)] = seats[(doctor.Id, second.StartUtc)] = 1;
                var appointment = Appointment.Create(doctor.Id, patient.UserId, first.StartUtc, second.EndUtc, 1, at, AppointmentStatus.Confirmed,
                    cast.Karim.UserId, cast.Karim.Name, typeId, null, laterStarts: [second.StartUtc]);
                booked.Add(appointment);
                db.Appointments.Add(appointment);
                Tell(appointment, AppointmentChange.BookedByClinic, cast.Karim, at, null, read: at < now.AddDays(-1));
                return;
            }
        }

        /// <summary>Every slot of one day booked, and a patient on that day's waitlist.</summary>
        public void FillADayAndWaitForIt(DateOnly today, int bookingWindowDays, IReadOnlyList<Slot> day)
        {
            if (day.Count == 0)
                return;
            var doctor = cast.Doctors.Single(d => d.Id == day[0].DoctorId);
            var waiting = cast.Patient("mitu@patients.example");
            foreach (var slot in day)
            {
                for (var seat = seats.GetValueOrDefault((slot.DoctorId, slot.StartUtc)); seat < slot.SeatsTotal; seat++)
                {
                    var patient = FreePatient(slot, except: waiting);
                    if (patient is null)
                        return; // not enough patients free: no waitlist today rather than a half-full day
                    if (random.Next(4) == 0)
                        Requested(doctor, patient, slot);
                    else
                        Confirmed(doctor, patient, slot);
                }
            }
            var date = DateOnly.FromDateTime(day[0].LocalStart);
            var entry = WaitlistEntry.Join(waiting.UserId, doctor.Id, date, date, today, bookingWindowDays, now.AddHours(-2)).Value!;
            db.Waitlist.Add(entry);
        }

        /// <summary>Two conversations: a question the clinic answered and a follow-up it has not read yet; a report that is ready.</summary>
        public void Converse()
        {
            var ayesha = cast.Patient("ayesha@patients.example");
            var rahim = cast.Patient("rahim@patients.example");
            Say(ayesha, ayesha, "Assalamu alaikum. Do I need to fast before the blood test at my next visit?", now.AddDays(-2).AddHours(-3));
            Say(ayesha, cast.SadiaPerson, "Wa alaikum assalam. Yes: nothing to eat for 8–10 hours before it. Water is fine.", now.AddDays(-2).AddHours(-2));
            Say(ayesha, ayesha, "Thank you! May I bring my mother's old reports for the doctor to see as well?", now.AddMinutes(-50));
            Say(rahim, cast.KarimPerson, "Your ECG report is ready. Collect it at the front desk, or Dr. Tanvir Ahmed will go through it at your next visit.", now.AddHours(-5));
        }

        /// <summary>The clinic has read Ayesha's conversation up to its own answer; Ayesha read that answer too.</summary>
        public async Task MarkConversationsReadAsync(CancellationToken cancellationToken)
        {
            var ayesha = cast.Patient("ayesha@patients.example").UserId;
            var answered = await db.ChatMessages.Where(m => m.PatientUserId == ayesha && m.FromClinic).MaxAsync(m => (long?)m.Id, cancellationToken);
            if (answered is null)
                return;
            foreach (var reader in cast.Team.Append(cast.Patient("ayesha@patients.example")))
            {
                var marker = ChatReadMarker.For(reader.UserId, ayesha);
                marker.ReadUpTo(answered.Value);
                db.ChatReads.Add(marker);
            }
            await db.SaveChangesAsync(cancellationToken);
        }

        private void Say(DemoPerson patient, DemoPerson sender, string text, DateTime at) =>
            db.ChatMessages.Add(ChatMessage.Write(patient.UserId, sender.UserId, sender.Name, sender.UserId != patient.UserId, text, at).Value!);

        /// <summary>
        /// A visit as the front desk worked it, as far as the clock has come. Patients pay as they check
        /// in; one in a few still owes at the end of the visit, and those in the waiting room now pay later.
        /// </summary>
        private void Visit(Appointment appointment, Slot slot, bool firstOfSlot = true)
        {
            var desk = DeskAt(slot.StartUtc);
            if (slot.EndUtc <= now)
            {
                appointment.AdvanceStage(desk, slot.StartUtc.AddMinutes(-15), clinic.TimeZone);
                var pays = money.Next(5) > 0;
                if (pays)
                    Pay(appointment, slot.StartUtc.AddMinutes(-14));
                appointment.AdvanceStage(desk, slot.StartUtc.AddMinutes(2), clinic.TimeZone);
                appointment.AdvanceStage(desk, slot.EndUtc.AddMinutes(-3), clinic.TimeZone);
                // Now and then the doctor sees a short follow-up free, and the desk waives the fee.
                if (!pays && slips.Next(3) == 0)
                    appointment.Discount(desk, new FeeDiscount(0, "A short follow-up: the doctor saw it free."), chargeOf(appointment), slot.EndUtc.AddMinutes(-1));
            }
            else if (slot.StartUtc <= now)
            {
                appointment.AdvanceStage(desk, Earlier(slot.StartUtc.AddMinutes(-15)), clinic.TimeZone);
                Pay(appointment, Earlier(slot.StartUtc.AddMinutes(-14)));
                if (firstOfSlot)
                    appointment.AdvanceStage(desk, Earlier(slot.StartUtc.AddMinutes(2)), clinic.TimeZone);
            }
            else if (slot.StartUtc - now <= TimeSpan.FromMinutes(45))
            {
                appointment.AdvanceStage(desk, now.AddMinutes(-5), clinic.TimeZone); // arrived early, in the waiting room
            }
        }

        // Most pay cash; many send it from a phone wallet, with its transaction number; a few by card.
        private void Pay(Appointment appointment, DateTime at)
        {
            var roll = money.Next(10);
            var (method, reference) = roll < 6 ? (PaymentMethod.Cash, (string?)null)
                : roll < 9 ? (PaymentMethod.MobileWallet, $"TX{money.Next(10_000_000, 99_999_999)}")
                : (PaymentMethod.Card, $"Slip {money.Next(1000, 9999)}");
            var charge = chargeOf(appointment);
            if (charge.Fee <= 0)
                return;
            var desk = DeskAt(at);
            var branch = branchOf.GetValueOrDefault(appointment.DoctorId);
            // A patient who cannot pay it all gets a fifth off, at the owner's word.
            if (slips.Next(12) == 0)
            {
                appointment.Discount(desk, new FeeDiscount(decimal.Round(charge.Fee * 0.8m), "Hardship: a fifth off, as the owner agreed."), charge, at.AddMinutes(-2));
                charge = appointment.ChargeOf(charge);
            }
            // Now and then a card payment was first entered as cash by mistake: voided, then taken right.
            if (method == PaymentMethod.Card && slips.Next(2) == 0)
            {
                appointment.TakePayment(desk, new PaymentDetails(charge.Fee, PaymentMethod.Cash), charge, at.AddMinutes(-1), branch);
                appointment.VoidPayment(desk, appointment.Payments[^1].Id, "Paid by card, not cash: entered as cash by mistake.", at, clinic.TimeZone);
            }
            appointment.TakePayment(desk, new PaymentDetails(charge.Fee, method, reference), charge, at, branch);
        }

        // Two at the desk, in shifts: Sadia until two in the afternoon, Karim after.
        private AppointmentActor DeskAt(DateTime utc) => ClinicTime.LocalOf(utc, clinic.TimeZone).Hour < 14 ? cast.Sadia : cast.Karim;

        private Appointment Requested(DemoPerson doctor, DemoPerson patient, Slot slot)
        {
            var at = BookedAt(slot);
            var appointment = Book(doctor, patient, slot, AppointmentStatus.Pending, cast.Actor(patient), at);
            Tell(appointment, AppointmentChange.Requested, cast.Actor(patient), at, null, read: false);
            return appointment;
        }

        private Appointment Confirmed(DemoPerson doctor, DemoPerson patient, Slot slot)
        {
            var at = BookedAt(slot);
            // Some book at the desk or by phone (confirmed at once), most online (then confirmed by staff).
            if (random.Next(3) == 0)
            {
                var atDesk = Book(doctor, patient, slot, AppointmentStatus.Confirmed, cast.Karim, at);
                Tell(atDesk, AppointmentChange.BookedByClinic, cast.Karim, at, null, read: at < now.AddDays(-1));
                return atDesk;
            }
            var appointment = Book(doctor, patient, slot, AppointmentStatus.Pending, cast.Actor(patient), at);
            var confirmedAt = Earlier(at.AddHours(2));
            appointment.Confirm(cast.Sadia, confirmedAt);
            Tell(appointment, AppointmentChange.Confirmed, cast.Sadia, confirmedAt, null, read: confirmedAt < now.AddDays(-1));
            if (slot.StartUtc - TimeSpan.FromHours(clinic.ReminderLeadHours) > now)
                db.Outbox.Add(OutboxMessage.Reminder(appointment.Id, patient.UserId, slot.StartUtc, TimeSpan.FromHours(clinic.ReminderLeadHours), confirmedAt));
            return appointment;
        }

        private Appointment Book(DemoPerson doctor, DemoPerson patient, Slot slot, AppointmentStatus status, AppointmentActor by, DateTime at)
        {
            var seat = seats[(slot.DoctorId, slot.StartUtc)] = seats.GetValueOrDefault((slot.DoctorId, slot.StartUtc)) + 1;
            var note = slot.StartUtc > now && random.Next(3) == 0
                ? PatientNotes[doctor.Email.Split('.')[0]].FirstOrDefault(notesUsed.Add)
                : null;
            var service = cast.ServiceFor(doctor, random);
            var appointment = Appointment.Create(doctor.Id, patient.UserId, slot.StartUtc, slot.EndUtc, seat, at, status, by.UserId, by.Name,
                service, note, online: service is { } id && cast.Online.Contains(id));
            booked.Add(appointment);
            db.Appointments.Add(appointment);
            return appointment;
        }

        /// <summary>The bell notices the change gave at the time, read or not.</summary>
        private void Tell(Appointment appointment, AppointmentChange change, AppointmentActor by, DateTime at, string? reason, bool read)
        {
            var doctor = cast.Doctors.Single(d => d.Id == appointment.DoctorId);
            var patient = cast.Person(appointment.PatientUserId);
            var context = new AppointmentNoticeContext(appointment.Id, change, by.UserId, patient.UserId, patient.Name, doctor.UserId, doctor.Name,
                AppointmentNoticeWriter.When(appointment.StartUtc, clinic), null, reason, [.. cast.Team.Select(t => t.UserId)]);
            foreach (var notice in AppointmentNotices.For(context))
            {
                var notification = Notification.Create(notice.UserId, notice.Kind, notice.Title, notice.Text, notice.Link, at);
                if (read)
                    notification.MarkRead(at.AddHours(1));
                db.Notifications.Add(notification);
            }
        }

        /// <summary>
        /// A patient, in turn, with nothing else that day if anyone is, else one who neither sees this
        /// doctor that day nor has anything overlapping the slot; null when nobody is free.
        /// </summary>
        private DemoPerson? FreePatient(Slot slot, DemoPerson? except = null)
        {
            var offset = random.Next(cast.Patients.Count);
            var turn = Enumerable.Range(0, cast.Patients.Count).Select(i => cast.Patients[(offset + i) % cast.Patients.Count]).Where(p => p != except).ToList();
            var sameDay = (DateTime start) => start > slot.StartUtc.AddHours(-14) && start < slot.StartUtc.AddHours(14);
            bool Busy(DemoPerson patient, Func<Appointment, bool> clash) =>
                booked.Any(a => a.PatientUserId == patient.UserId && a.Status.HoldsSeat() && clash(a));
            return turn.FirstOrDefault(p => !Busy(p, a => sameDay(a.StartUtc)))
                ?? turn.FirstOrDefault(p => !Busy(p, a => (a.DoctorId == slot.DoctorId && sameDay(a.StartUtc)) || (a.StartUtc < slot.EndUtc && a.EndUtc > slot.StartUtc)));
        }

        /// <summary>Booked a few days before the visit, and never after now.</summary>
        private DateTime BookedAt(Slot slot) => Earlier(slot.StartUtc.AddDays(-1 - random.Next(6)).AddHours(-random.Next(10)));

        private DateTime Earlier(DateTime at) => at < now ? at : now.AddMinutes(-10);
    }
}
