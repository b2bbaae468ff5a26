using Clinic.Data.Payments;
using Clinic.Data.Persistence;
using Clinic.Domain.Clinics;
using Clinic.Data.Scheduling;
using Clinic.Domain.Appointments;
using Clinic.Domain.Common;
using Clinic.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Booking;

/// <summary>What each role may read about appointments, shaped for the pages, with times in the clinic's zone.</summary>
public sealed class AppointmentQueries(IDbContextFactory<ClinicDbContext> contexts, TimeProvider clock, Microsoft.Extensions.Options.IOptions<OnlineVisitOptions> onlineVisits)
{
    public const int MaxPatientMatches = 20;

    /// <summary>A patient's own appointments, newest first.</summary>
    public async Task<IReadOnlyList<AppointmentView>> MineAsync(AppointmentActor by, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var zone = await ZoneAsync(db, cancellationToken);
        var views = await Views(db, a => a.PatientUserId == by.UserId).ToListAsync(cancellationToken);
        return [.. views.Select(v => Localize(v, zone)).OrderByDescending(v => v.StartUtc)];
    }

    /// <summary>The patient's own appointments with what they may do to each now (the domain's answer, as the appointment page gives it).</summary>
    public async Task<PatientAppointments> MineWithActionsAsync(AppointmentActor by, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clinic = (await ScheduleData.ClinicAsync(db, cancellationToken))!;
        var views = await Views(db, a => a.PatientUserId == by.UserId).ToListAsync(cancellationToken);
        var entities = await db.Appointments.AsNoTracking().Include(a => a.Payments).Where(a => a.PatientUserId == by.UserId && !a.IsDeleted).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var billed = entities.Where(a => a.Status == AppointmentStatus.Completed || (a.Status == AppointmentStatus.Confirmed && a.Payments.Count > 0)).ToList();
        var charges = billed.Count == 0 ? new Dictionary<Guid, Clinic.Domain.Payments.VisitCharge>() : await VisitCharges.ForAsync(db, billed, clinic, cancellationToken);
        return new PatientAppointments(
            [.. views.Select(v => Localize(v, clinic.TimeZone)).OrderByDescending(v => v.StartUtc)],
            entities.ToDictionary(a => a.Id, a => a.AllowedFor(by, now, clinic.CancellationCutoffHours, clinic.TimeZone)),
            clinic.Phone)
        {
            Accounts = billed.Where(a => charges[a.Id].Fee > 0 || a.Paid > 0).ToDictionary(a => a.Id, a => VisitAccount.Of(a, charges[a.Id])),
        };
    }

    /// <summary>Who holds the seats of one doctor's slots between two instants: the doctor themselves, owner and staff only.</summary>
    public async Task<IReadOnlyList<SlotBooking>> SlotBookingsAsync(AppointmentActor by, Guid doctorId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        if (!by.IsClinic && by.DoctorId != doctorId)
            return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // By the seats held: a visit covering two slots shows in both.
        return await (from seat in db.Seats.AsNoTracking()
                      where seat.DoctorId == doctorId && seat.StartUtc >= fromUtc && seat.StartUtc < toUtc
                      join appointment in db.Appointments.IgnoreAutoIncludes().AsNoTracking() on seat.AppointmentId equals appointment.Id
                      join patient in db.Users on appointment.PatientUserId equals patient.Id
                      orderby seat.StartUtc, seat.SeatNumber
                      select new SlotBooking(appointment.Id, seat.StartUtc, patient.FullName, appointment.Status))
            .ToListAsync(cancellationToken);
    }

    /// <summary>One patient's appointments for their file: every one for owner and staff, a doctor's own for a doctor; newest first.</summary>
    internal async Task<IReadOnlyList<AppointmentView>> ForPatientAsync(AppointmentActor by, string patientUserId, CancellationToken cancellationToken = default)
    {
        if (!by.IsClinic && by.DoctorId is null)
            return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var zone = await ZoneAsync(db, cancellationToken);
        var everyDoctor = by.IsClinic;
        var doctorId = by.DoctorId;
        var views = await Views(db, a => a.PatientUserId == patientUserId && (everyDoctor || a.DoctorId == doctorId)).ToListAsync(cancellationToken);
        return [.. views.Select(v => Localize(v, zone)).OrderByDescending(v => v.StartUtc)];
    }

    /// <summary>Pending requests for the clinic to decide on, oldest request first.</summary>
    public async Task<IReadOnlyList<AppointmentView>> PendingAsync(AppointmentActor by, Guid? doctorId = null, DateOnly? date = null, CancellationToken cancellationToken = default)
    {
        if (!by.IsClinic)
            return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var zone = await ZoneAsync(db, cancellationToken);
        var (from, to) = date is { } day ? DayBounds(day, zone) : (DateTime.MinValue, DateTime.MaxValue);
        var views = await Views(db, a => a.Status == AppointmentStatus.Pending && (doctorId == null || a.DoctorId == doctorId)
            && a.StartUtc >= from && a.StartUtc < to).ToListAsync(cancellationToken);
        return [.. views.Select(v => Localize(v, zone)).OrderBy(v => v.CreatedUtc)];
    }

    /// <summary>Today's visits (clinic-local day): every doctor's for the clinic, their own for a doctor.</summary>
    public async Task<IReadOnlyList<AppointmentView>> TodayAsync(AppointmentActor by, CancellationToken cancellationToken = default)
    {
        if (!by.IsClinic && by.DoctorId is null)
            return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var zone = await ZoneAsync(db, cancellationToken);
        var today = clock.Today(zone);
        var (from, to) = DayBounds(today, zone);
        var shown = new[] { AppointmentStatus.Confirmed, AppointmentStatus.Completed, AppointmentStatus.NoShow };
        var everyDoctor = by.IsClinic;
        var views = await Views(db, a => a.StartUtc >= from && a.StartUtc < to && shown.Contains(a.Status)
            && (everyDoctor || a.DoctorId == by.DoctorId)).ToListAsync(cancellationToken);
        // One list for the day: who comes next, whoever the doctor.
        return [.. views.Select(v => Localize(v, zone)).OrderBy(v => v.StartUtc).ThenBy(v => v.DoctorName)];
    }

    /// <summary>
    /// Today at the front desk: the confirmed, finished and missed visits, and the requests for today
    /// still waiting, each with what the person asking may do to it now (the domain's answer).
    /// </summary>
    public Task<FrontDeskDay> FrontDeskAsync(AppointmentActor by, CancellationToken cancellationToken = default) =>
        FrontDeskAsync(by, branchId: null, cancellationToken);

    /// <summary>The front desk of one branch: its doctors' visits and requests, and the money taken on them.</summary>
    public async Task<FrontDeskDay> FrontDeskAsync(AppointmentActor by, Guid? branchId, CancellationToken cancellationToken = default)
    {
        if (!by.IsClinic && by.DoctorId is null)
            return new FrontDeskDay([], []);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clinic = (await ScheduleData.ClinicAsync(db, cancellationToken))!;
        var (from, to) = DayBounds(clock.Today(clinic.TimeZone), clinic.TimeZone);
        var shown = new[] { AppointmentStatus.Pending, AppointmentStatus.Confirmed, AppointmentStatus.Completed, AppointmentStatus.NoShow };
        var everyDoctor = by.IsClinic;
        var branchDoctors = db.Doctors.Where(d => d.BranchId == branchId).Select(d => d.Id);
        var appointments = await db.Appointments.AsNoTracking().Include(a => a.Payments)
            .Where(a => !a.IsDeleted && a.StartUtc >= from && a.StartUtc < to && shown.Contains(a.Status) && (everyDoctor || a.DoctorId == by.DoctorId))
            .Where(a => branchId == null || branchDoctors.Contains(a.DoctorId))
            .ToListAsync(cancellationToken);
        var ids = appointments.Select(a => a.Id).ToList();
        var views = await Views(db, a => ids.Contains(a.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
        var charges = await VisitCharges.ForAsync(db, appointments, clinic, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var patientIds = appointments.Select(a => a.PatientUserId).Distinct().ToList();
        var owedBefore = !everyDoctor || patientIds.Count == 0 ? []
            : (await OwedVisits.WhereAsync(db, clinic, a => patientIds.Contains(a.PatientUserId) && a.StartUtc < from, cancellationToken))
                .GroupBy(o => o.PatientUserId).ToDictionary(g => g.Key, g => g.Sum(o => o.Due));
        var (checkedIn, line) = await WaitingLineAsync(db, appointments, cancellationToken);
        var rows = appointments
            .Select(a => new FrontDeskRow(Localize(views[a.Id], clinic.TimeZone), a.AllowedFor(by, now, clinic.CancellationCutoffHours, clinic.TimeZone, charges[a.Id]),
                a.Status is AppointmentStatus.Confirmed or AppointmentStatus.Completed ? VisitAccount.Of(a, charges[a.Id]) : null)
            {
                OwedBefore = owedBefore.GetValueOrDefault(a.PatientUserId),
                PlaceInLine = line.TryGetValue(a.Id, out var place) ? place : null,
                WaitingSince = checkedIn.TryGetValue(a.Id, out var at) ? ClinicTime.LocalOf(at, clinic.TimeZone) : null,
            })
            .OrderBy(r => r.Visit.DoctorName).ThenBy(r => r.Visit.StartUtc).ThenBy(r => r.PlaceInLine ?? int.MaxValue).ThenBy(r => r.Visit.PatientName)
            .ToList();
        // Visits are worked doctor by doctor; requests are answered soonest first, whoever the doctor.
        var requests = rows.Where(r => r.Visit.Status == AppointmentStatus.Pending).OrderBy(r => r.Visit.StartUtc).ThenBy(r => r.Visit.DoctorName);
        var visits = rows.Where(r => r.Visit.Status != AppointmentStatus.Pending).ToList();
        var takings = everyDoctor ? await TakingsAsync(db, from, to, branchId, clinic.Currency, visits.Count(r => r.Visit.Status == AppointmentStatus.Completed && r.Account is { Due: > 0 }), cancellationToken) : null;
        return new FrontDeskDay(visits, [.. requests], takings);
    }

    // Each patient in the waiting room among these visits: when they checked in (their visit's last
    // move to Waiting) and their place in their doctor's line.
    private static async Task<(Dictionary<Guid, DateTime> CheckedIn, IReadOnlyDictionary<Guid, int> Places)> WaitingLineAsync(
        ClinicDbContext db, IReadOnlyList<Appointment> appointments, CancellationToken cancellationToken)
    {
        var waiting = appointments.Where(a => a is { Status: AppointmentStatus.Confirmed, Stage: VisitStage.Waiting }).ToList();
        if (waiting.Count == 0)
            return ([], new Dictionary<Guid, int>());
        var ids = waiting.Select(a => a.Id).ToList();
        var waitingStage = nameof(VisitStage.Waiting);
        var moves = await db.AppointmentHistory.AsNoTracking()
            .Where(h => ids.Contains(h.AppointmentId) && h.Kind == HistoryKind.Stage && h.To == waitingStage)
            .Select(h => new { h.AppointmentId, h.AtUtc }).ToListAsync(cancellationToken);
        var checkedIn = moves.GroupBy(m => m.AppointmentId).ToDictionary(g => g.Key, g => g.Max(m => m.AtUtc));
        return (checkedIn, WaitingLine.Places(waiting.Where(a => checkedIn.ContainsKey(a.Id)).Select(a => new WaitingPatient(a.Id, a.DoctorId, a.StartUtc, checkedIn[a.Id]))));
    }

    // Counted by when the money came in, whatever day the visit was: what the drawer holds.
    // With a branch, the money taken there: that branch's drawer.
    private static async Task<DayTakings> TakingsAsync(ClinicDbContext db, DateTime fromUtc, DateTime toUtc, Guid? branchId, string currency, int doneUnpaid, CancellationToken cancellationToken)
    {
        var received = await db.Payments.AsNoTracking()
            .Where(p => p.ReceivedUtc >= fromUtc && p.ReceivedUtc < toUtc && p.VoidedUtc == null)
            .Where(p => branchId == null || p.BranchId == branchId)
            .Select(p => new { p.Method, p.Amount }).ToListAsync(cancellationToken);
        var byMethod = received.GroupBy(p => p.Method).OrderBy(g => g.Key)
            .Select(g => new MethodTakings(g.Key, g.Sum(p => p.Amount), g.Count())).ToList();
        return new DayTakings(currency, received.Sum(p => p.Amount), byMethod, received.Count, doneUnpaid);
    }

    /// <summary>
    /// The appointments table: owner and staff see all, a doctor their own; filtered and paged in the
    /// database. Text matches the patient's name, email or phone, or the doctor's name.
    /// </summary>
    public async Task<Page<AppointmentView>> SearchAsync(AppointmentActor by, AppointmentFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (!by.IsClinic && by.DoctorId is null)
            return new Page<AppointmentView>([], 0);
        pageSize = Math.Clamp(pageSize, 1, 100);
        page = Math.Max(0, page);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var zone = await ZoneAsync(db, cancellationToken);
        var fromUtc = filter.From is { } f ? DayBounds(f, zone).From : DateTime.MinValue;
        var toUtc = filter.To is { } t ? DayBounds(t, zone).To : DateTime.MaxValue;
        var doctorId = by.IsClinic ? filter.DoctorId : by.DoctorId;
        var needle = string.IsNullOrWhiteSpace(filter.Text) ? null : filter.Text.Trim().ToLower();
        var query =
            from appointment in db.Appointments.AsNoTracking()
            where !appointment.IsDeleted
                && (doctorId == null || appointment.DoctorId == doctorId)
                && (filter.Status == null || appointment.Status == filter.Status)
                && appointment.StartUtc >= fromUtc && appointment.StartUtc < toUtc
            join doctor in db.Doctors on appointment.DoctorId equals doctor.Id
            join patient in db.Users on appointment.PatientUserId equals patient.Id
            where needle == null || patient.FullName.ToLower().Contains(needle) || patient.Email!.ToLower().Contains(needle)
                || (patient.PhoneNumber != null && patient.PhoneNumber.Contains(needle)) || doctor.FullName.ToLower().Contains(needle)
            select new { appointment.Id, appointment.StartUtc };
        var total = await query.CountAsync(cancellationToken);
        var ids = await query.OrderByDescending(a => a.StartUtc).Skip(page * pageSize).Take(pageSize).Select(a => a.Id).ToListAsync(cancellationToken);
        var views = await Views(db, a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        return new Page<AppointmentView>([.. views.Select(v => Localize(v, zone)).OrderByDescending(v => v.StartUtc)], total);
    }

    /// <summary>Seat-holding bookings per doctor and day for the coming days (a doctor sees their own).</summary>
    public async Task<IReadOnlyList<DoctorLoad>> LoadAsync(AppointmentActor by, int days = 7, CancellationToken cancellationToken = default)
    {
        if (!by.IsClinic && by.DoctorId is null)
            return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var zone = await ZoneAsync(db, cancellationToken);
        var today = clock.Today(zone);
        var (from, _) = DayBounds(today, zone);
        var (_, to) = DayBounds(today.AddDays(days - 1), zone);
        var seatHolding = AppointmentStatuses.SeatHolding.ToList();
        var everyDoctor = by.IsClinic;
        var starts = await db.Appointments.AsNoTracking()
            .Where(a => !a.IsDeleted && seatHolding.Contains(a.Status) && a.StartUtc >= from && a.StartUtc < to && (everyDoctor || a.DoctorId == by.DoctorId))
            .Select(a => new { a.DoctorId, a.StartUtc }).ToListAsync(cancellationToken);
        var doctors = await db.Doctors.AsNoTracking().Where(d => everyDoctor || d.Id == by.DoctorId).Select(d => new { d.Id, d.FullName }).ToListAsync(cancellationToken);
        var dates = Enumerable.Range(0, days).Select(today.AddDays).ToList();
        return [.. doctors.OrderBy(d => d.FullName).Select(d => new DoctorLoad(d.Id, d.FullName,
            [.. dates.Select(date => (date, starts.Count(s => s.DoctorId == d.Id && DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(s.StartUtc, zone)) == date)))]))];
    }

    /// <summary>One appointment with its history, for whoever may read it.</summary>
    public async Task<Result<AppointmentDetail>> DetailAsync(AppointmentActor by, Guid appointmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var appointment = await db.Appointments.AsNoTracking().Include(a => a.History).Include(a => a.Payments)
            .FirstOrDefaultAsync(a => a.Id == appointmentId && !a.IsDeleted, cancellationToken);
        if (appointment is null || AppointmentPermissions.Refusal(by, appointment, AppointmentAction.Read) is not null)
            return Result<AppointmentDetail>.Failure(AppointmentPermissions.NotYours);
        var clinic = (await ScheduleData.ClinicAsync(db, cancellationToken))!;
        var zone = clinic.TimeZone;
        var view = await Views(db, a => a.Id == appointmentId).FirstAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var charge = await VisitCharges.ForAsync(db, appointment, clinic, cancellationToken);
        var actions = appointment.AllowedFor(by, now, clinic.CancellationCutoffHours, zone, charge);
        // A visit is due once confirmed; one cancelled or missed shows its money only if some was taken.
        var account = appointment.Status is AppointmentStatus.Confirmed or AppointmentStatus.Completed || appointment.Payments.Count > 0
            ? VisitAccount.Of(appointment, charge) : null;
        // A move between doctors keeps their ids in the history; the page names them.
        var movedBetween = appointment.History.Where(h => h.Kind == HistoryKind.Doctor).SelectMany(h => new[] { h.From, h.To })
            .Select(id => Guid.TryParse(id, out var doctorId) ? doctorId : Guid.Empty).Distinct().ToList();
        var doctorNames = movedBetween.Count == 0 ? new Dictionary<string, string>()
            : await db.Doctors.AsNoTracking().Where(d => movedBetween.Contains(d.Id)).ToDictionaryAsync(d => d.Id.ToString(), d => d.FullName, cancellationToken);
        var series = appointment.SeriesId is not { } seriesId ? [] : await db.Appointments.AsNoTracking()
            .Where(a => a.SeriesId == seriesId && !a.IsDeleted).OrderBy(a => a.StartUtc)
            .Select(a => new SeriesVisit(a.Id, a.StartUtc, a.StartUtc, a.Status)).ToListAsync(cancellationToken);
        // Where the doctor works: their branch's name and phone when the clinic has branches.
        var practice = await (from d in db.Doctors
                              where d.Id == appointment.DoctorId
                              join b in db.Branches on d.BranchId equals (Guid?)b.Id into branches
                              from b in branches.DefaultIfEmpty()
                              select new { d.PracticeAddress, Branch = b == null ? null : b.Name, Phone = b == null ? null : b.Phone })
                             .FirstAsync(cancellationToken);
        // A patient in the waiting room: their place in the doctor's line today.
        int? placeInLine = null;
        if (appointment is { Status: AppointmentStatus.Confirmed, Stage: VisitStage.Waiting })
        {
            var (from, to) = DayBounds(clock.Today(zone), zone);
            var waitingToday = await db.Appointments.AsNoTracking().IgnoreAutoIncludes()
                .Where(a => a.DoctorId == appointment.DoctorId && !a.IsDeleted && a.Status == AppointmentStatus.Confirmed && a.Stage == VisitStage.Waiting
                    && a.StartUtc >= from && a.StartUtc < to)
                .ToListAsync(cancellationToken);
            placeInLine = (await WaitingLineAsync(db, waitingToday, cancellationToken)).Places.TryGetValue(appointment.Id, out var place) ? place : null;
        }
        var room = appointment.MeetingRoomFor(by);
        view = view with { MeetingUrl = room is null ? null : onlineVisits.Value.UrlFor(room) };
        return Result<AppointmentDetail>.Ok(new AppointmentDetail(Localize(view, zone), [.. appointment.History.OrderBy(h => h.AtUtc)], zone.Id, actions, practice.Phone ?? clinic.Phone)
        {
            DoctorNames = doctorNames,
            Account = account,
            Payments = [.. appointment.Payments.OrderBy(p => p.ReceivedUtc).Select(p => new PaymentLine(p, appointment.VoidVerdict(by, p, now, zone)))],
            Series = [.. series.Select(v => v with { LocalStart = ClinicTime.LocalOf(v.StartUtc, zone) })],
            Place = $"{clinic.Name}, {Clinic.Domain.Branches.Branch.Where(practice.Branch, string.IsNullOrWhiteSpace(practice.PracticeAddress) ? clinic.Address : practice.PracticeAddress)}",
            PlaceInLine = placeInLine,
        });
    }

    /// <summary>One patient as the front desk's picker shows them; null for anyone else's asking or for someone who is not a patient.</summary>
    public async Task<PatientChoice?> PatientChoiceAsync(AppointmentActor by, string patientUserId, CancellationToken cancellationToken = default)
    {
        if (!by.IsClinic)
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (
            from user in Identity.RoleMembers.Patients(db)
            where user.IsActive && user.Id == patientUserId
            select new PatientChoice(user.Id, user.FullName, user.Email ?? "", user.PhoneNumber, user.DateOfBirth))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Patients whose name, email or phone contains the text, for the front desk's picker.</summary>
    public async Task<IReadOnlyList<PatientChoice>> FindPatientsAsync(AppointmentActor by, string? text, CancellationToken cancellationToken = default)
    {
        if (!by.IsClinic || string.IsNullOrWhiteSpace(text) || text.Trim().Length < 2)
            return [];
        var needle = text.Trim().ToLower();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (
            from user in Identity.RoleMembers.Patients(db)
            where user.IsActive
                && (user.FullName.ToLower().Contains(needle) || user.Email!.ToLower().Contains(needle) || (user.PhoneNumber != null && user.PhoneNumber.Contains(needle)))
            orderby user.FullName
            select new PatientChoice(user.Id, user.FullName, user.Email ?? "", user.PhoneNumber, user.DateOfBirth))
            .Take(MaxPatientMatches).ToListAsync(cancellationToken);
    }

    // Filters apply to the entity, before the projection, so EF can translate them.
    private static IQueryable<AppointmentView> Views(ClinicDbContext db, System.Linq.Expressions.Expression<Func<Appointment, bool>> filter) =>
        from appointment in db.Appointments.AsNoTracking().Where(filter)
        where !appointment.IsDeleted
        join doctor in db.Doctors on appointment.DoctorId equals doctor.Id
        join patient in db.Users on appointment.PatientUserId equals patient.Id
        join service in db.Services on appointment.ServiceId equals service.Id into services
        from service in services.DefaultIfEmpty()
        select new AppointmentView(appointment.Id, appointment.DoctorId, doctor.FullName, doctor.Specialization,
            appointment.PatientUserId, patient.FullName, patient.PhoneNumber, appointment.StartUtc, appointment.StartUtc, appointment.EndUtc,
            appointment.Status, appointment.Stage, service == null ? null : service.Name, appointment.PatientNote, appointment.CancelReason,
            appointment.CreatedUtc, appointment.Version, appointment.EndUtc) { IsOnline = appointment.MeetingRoom != null, InSeries = appointment.SeriesId != null };

    /// <summary>The query carries UTC in the local fields; this turns them into clinic time.</summary>
    private static AppointmentView Localize(AppointmentView view, TimeZoneInfo zone) => view with
    {
        LocalStart = TimeZoneInfo.ConvertTimeFromUtc(view.StartUtc, zone),
        LocalEnd = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(view.LocalEnd, DateTimeKind.Utc), zone),
    };

    private static (DateTime From, DateTime To) DayBounds(DateOnly day, TimeZoneInfo zone) =>
        (ClinicTime.StartOfDayUtc(day, zone), ClinicTime.StartOfDayUtc(day.AddDays(1), zone));

    private static async Task<TimeZoneInfo> ZoneAsync(ClinicDbContext db, CancellationToken cancellationToken) =>
        (await ScheduleData.ClinicAsync(db, cancellationToken))?.TimeZone ?? TimeZoneInfo.Utc;
}
