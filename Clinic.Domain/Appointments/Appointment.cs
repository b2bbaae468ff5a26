using Clinic.Domain.Common;
using Clinic.Domain.Identity;

namespace Clinic.Domain.Appointments;

public enum AppointmentStatus
{
    Pending,
    Confirmed,
    Completed,
    Cancelled,
    NoShow,

    /// <summary>A freed seat held for a patient from the waitlist until they accept (then Pending) or the hold runs out.</summary>
    Offered,
}

/// <summary>Where the patient is on the day of the visit (the front desk's board).</summary>
public enum VisitStage
{
    Expected,
    Waiting,
    InConsultation,
    Done,
}

public static class AppointmentStatuses
{
    /// <summary>Pending, Confirmed, Completed and a waitlist offer hold a seat; Cancelled and NoShow free it.</summary>
    public static IReadOnlyList<AppointmentStatus> SeatHolding { get; } =
        [AppointmentStatus.Pending, AppointmentStatus.Confirmed, AppointmentStatus.Completed, AppointmentStatus.Offered];

    public static bool HoldsSeat(this AppointmentStatus status) => SeatHolding.Contains(status);
}

/// <summary>
/// A patient's visit to a doctor. Each seat-holding appointment takes one numbered seat of its first
/// slot and the same seat of every further slot its type covers (<see cref="Seats"/>), which the
/// database keeps unique per doctor and start. Every change goes through a method that checks the
/// permission matrix and the state machine, and is written to the history.
/// </summary>
public sealed partial class Appointment : Clinic.Domain.Events.RecordsEvents
{
    /// <summary>
    /// No visit lasts longer: slots and types fit within a clinic day. Who is busy at a time is then
    /// found among the visits that start at most this long before it, not in a patient's whole history.
    /// </summary>
    public static readonly TimeSpan LongestVisit = TimeSpan.FromDays(1);

    private readonly List<AppointmentHistoryEntry> history = [];
    private readonly List<AppointmentSeat> seats = [];

    private Appointment() { }

    public Guid Id { get; private set; }
    public Guid DoctorId { get; private set; }
    public string PatientUserId { get; private set; } = string.Empty;
    public Guid? ServiceId { get; private set; }
    public DateTime StartUtc { get; private set; }
    public DateTime EndUtc { get; private set; }
    public int SeatNumber { get; private set; }
    public AppointmentStatus Status { get; private set; }
    public VisitStage Stage { get; private set; }
    public string? PatientNote { get; private set; }
    public string? CancelReason { get; private set; }

    /// <summary>The series this visit belongs to (booked together, repeating); null for a visit on its own.</summary>
    public Guid? SeriesId { get; private set; }

    /// <summary>For an online visit: the unguessable name of its meeting room; null for a visit in person.</summary>
    public string? MeetingRoom { get; private set; }

    /// <summary>For a waitlist offer: the seat is held for the patient until then.</summary>
    public DateTime? OfferExpiresUtc { get; private set; }
    public bool IsDeleted { get; private set; }
    public string CreatedByUserId { get; private set; } = string.Empty;
    public DateTime CreatedUtc { get; private set; }
    public DateTime UpdatedUtc { get; private set; }

    /// <summary>Raised by every change: two people editing the same appointment cannot both win.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<AppointmentHistoryEntry> History => history;

    /// <summary>The seats this appointment holds: one per slot it covers while it holds its time, none after.</summary>
    public IReadOnlyList<AppointmentSeat> Seats => seats;

    public const int MaxNoteLength = 1000;
    public const int MaxReasonLength = 500;

    /// <summary>A patient's request for a seat: Pending until the clinic confirms it.</summary>
    public static Appointment Request(Guid doctorId, string patientUserId, DateTime startUtc, DateTime endUtc, int seatNumber, DateTime nowUtc) =>
        Create(doctorId, patientUserId, startUtc, endUtc, seatNumber, nowUtc, AppointmentStatus.Pending, patientUserId, "Patient", null, null);

    /// <summary>A new appointment with the person who made it recorded as its first history entry.</summary>
    /// <param name="laterStarts">
    /// The further slots the visit covers (a type longer than the slot, or time kept free after it):
    /// it holds the same seat number there as in its first slot.
    /// </param>
    public static Appointment Create(Guid doctorId, string patientUserId, DateTime startUtc, DateTime endUtc, int seatNumber, DateTime nowUtc,
        AppointmentStatus status, string byUserId, string byName, Guid? serviceId, string? note, bool online = false,
        IReadOnlyList<DateTime>? laterStarts = null)
    {
        EnsureLength(startUtc, endUtc);
        var appointment = new Appointment
        {
            Id = RowIds.New(),
            DoctorId = doctorId,
            PatientUserId = patientUserId,
            ServiceId = serviceId,
            StartUtc = Utc(startUtc),
            EndUtc = Utc(endUtc),
            SeatNumber = seatNumber,
            Status = status,
            Stage = VisitStage.Expected,
            PatientNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            MeetingRoom = online ? NewRoom() : null,
            CreatedByUserId = byUserId,
            CreatedUtc = Utc(nowUtc),
            UpdatedUtc = Utc(nowUtc),
            Version = 1,
        };
        if (status.HoldsSeat())
            appointment.HoldSeats(laterStarts);
        appointment.Record(nowUtc, byUserId, byName, HistoryKind.Created, null, status.ToString(), null);
        appointment.Changed();
        return appointment;
    }

    /// <summary>A freed seat held for a waiting patient until <paramref name="expiresUtc"/>; the clinic's system makes it, not a person.</summary>
    public static Appointment Offer(Guid doctorId, string patientUserId, DateTime startUtc, DateTime endUtc, int seatNumber, DateTime nowUtc, DateTime expiresUtc)
    {
        var offer = Create(doctorId, patientUserId, startUtc, endUtc, seatNumber, nowUtc, AppointmentStatus.Offered, patientUserId, "Waitlist", null, null);
        offer.OfferExpiresUtc = Utc(expiresUtc);
        return offer;
    }

    /// <summary>
    /// What <paramref name="by"/> may do with this appointment at <paramref name="nowUtc"/>, under the
    /// clinic's cancellation cut-off: the same rules the transitions below apply.
    /// </summary>
    /// <param name="charge">What the visit costs, where the asker may take its payment; without it no payment is offered.</param>
    public AllowedActions AllowedFor(AppointmentActor by, DateTime nowUtc, int cutoffHours, TimeZoneInfo zone, Payments.VisitCharge? charge = null)
    {
        var (cancel, move) = (CancelRefusal(by, nowUtc, cutoffHours), MoveRefusal(by, nowUtc, cutoffHours));
        return new AllowedActions([.. Verdicts(by, nowUtc, zone, cancel, move), Verdict(AppointmentAction.TakePayment, TakePaymentRefusal(by, charge)),
            Verdict(AppointmentAction.Discount, DiscountRefusalAt(by, charge))])
        {
            TooLateToChange = cancel?.Code == RefusalCodes.TooLate && move?.Code == RefusalCodes.TooLate
                ? OnlineUntil("cancelled or moved", cutoffHours)
                : null,
        };
    }

    private IReadOnlyList<ActionVerdict> Verdicts(AppointmentActor by, DateTime nowUtc, TimeZoneInfo zone, ActionVerdict? cancel, ActionVerdict? move) =>
    [
        Verdict(AppointmentAction.Confirm, ConfirmRefusal(by)),
        Verdict(AppointmentAction.Cancel, cancel),
        Verdict(AppointmentAction.Reschedule, move),
        Verdict(AppointmentAction.Complete, CompleteRefusal(by, nowUtc)),
        Verdict(AppointmentAction.NoShow, NoShowRefusal(by, nowUtc)),
        Verdict(AppointmentAction.Stage, StageRefusal(by, nowUtc, zone)),
        Verdict(AppointmentAction.EditNote, EditNoteRefusal(by)),
        Verdict(AppointmentAction.Delete, DeleteRefusal(by)),
        Verdict(AppointmentAction.AcceptOffer, AcceptOfferRefusal(by, nowUtc)),
        Verdict(AppointmentAction.DeclineOffer, DeclineOfferRefusal(by)),
    ];

    /// <summary>Marks a newly booked visit as one of a series.</summary>
    public void JoinSeries(Guid seriesId) => SeriesId = seriesId;

    /// <summary>
    /// The meeting room of a confirmed online visit, for the two people who meet there (the patient
    /// and the doctor); null for anyone else, and before the clinic confirms.
    /// </summary>
    public string? MeetingRoomFor(AppointmentActor by) =>
        MeetingRoom is not null && Status == AppointmentStatus.Confirmed && (by.UserId == PatientUserId || by.DoctorId == DoctorId) ? MeetingRoom : null;

    // 128 random bits: a room nobody finds by trying.
    private static string NewRoom() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>The stage the front desk's next step leads to.</summary>
    public VisitStage NextStage => Stage switch
    {
        VisitStage.Expected => VisitStage.Waiting,
        VisitStage.Waiting => VisitStage.InConsultation,
        _ => VisitStage.Done,
    };

    private static ActionVerdict Verdict(AppointmentAction action, ActionVerdict? refusal) =>
        refusal is null ? new ActionVerdict(action, ActionAvailability.Allowed) : refusal with { Action = action };

    // Each rule answers null (allowed) or the refusal; the transitions and AllowedFor share them.
    private ActionVerdict? Permission(AppointmentActor by, AppointmentAction action) =>
        AppointmentPermissions.Refusal(by, this, action) is { } refused
            ? new ActionVerdict(action, ActionAvailability.NotApplicable, refused == AppointmentPermissions.NotYours ? RefusalCodes.NotFound : RefusalCodes.Forbidden, refused)
            : null;

    private static ActionVerdict Inapplicable(string reason) => new(default, ActionAvailability.NotApplicable, RefusalCodes.InvalidState, reason);

    private static ActionVerdict NotNow(string code, string reason) => new(default, ActionAvailability.NotNow, code, reason);

    private bool HasStarted(DateTime nowUtc) => nowUtc >= StartUtc;

    private ActionVerdict? ConfirmRefusal(AppointmentActor by) =>
        Permission(by, AppointmentAction.Confirm)
        ?? (Status != AppointmentStatus.Pending ? Inapplicable($"Only a pending request can be confirmed; this one is {Describe(Status)}.") : null);

    private ActionVerdict? CancelRefusal(AppointmentActor by, DateTime nowUtc, int cutoffHours) =>
        Permission(by, AppointmentAction.Cancel)
        ?? (Status is not (AppointmentStatus.Pending or AppointmentStatus.Confirmed) ? Inapplicable($"This appointment is {Describe(Status)} and can no longer be cancelled.")
        : HasStarted(nowUtc) ? Inapplicable("The visit's time has come: mark it completed or a no-show instead.")
        // A request the clinic has not accepted yet can always be withdrawn; the cut-off guards confirmed visits.
        : !by.IsClinic && Status == AppointmentStatus.Confirmed && StartUtc - nowUtc < TimeSpan.FromHours(cutoffHours)
            ? NotNow(RefusalCodes.TooLate, $"{OnlineUntil("cancelled", cutoffHours)} Please call the clinic.")
        : null);

    private ActionVerdict? MoveRefusal(AppointmentActor by, DateTime nowUtc, int cutoffHours) =>
        Permission(by, AppointmentAction.Reschedule)
        ?? (Status is not (AppointmentStatus.Pending or AppointmentStatus.Confirmed) ? Inapplicable($"This appointment is {Describe(Status)} and can no longer be moved.")
        : HasStarted(nowUtc) ? Inapplicable("The visit's time has come; it can no longer be moved.")
        : !by.IsClinic && StartUtc - nowUtc < TimeSpan.FromHours(cutoffHours) ? NotNow(RefusalCodes.TooLate, $"{OnlineUntil("moved", cutoffHours)} Please call the clinic.")
        : null);

    private ActionVerdict? CompleteRefusal(AppointmentActor by, DateTime nowUtc) =>
        Permission(by, AppointmentAction.Complete)
        ?? (Status != AppointmentStatus.Confirmed ? Inapplicable($"Only a confirmed appointment can be completed; this one is {Describe(Status)}.")
        : !HasStarted(nowUtc) ? NotNow(RefusalCodes.InvalidState, "A visit can be completed only after its start time.")
        : null);

    private ActionVerdict? NoShowRefusal(AppointmentActor by, DateTime nowUtc) =>
        Permission(by, AppointmentAction.NoShow)
        ?? (Status != AppointmentStatus.Confirmed ? Inapplicable($"Only a confirmed appointment can be marked as a no-show; this one is {Describe(Status)}.")
        : !HasStarted(nowUtc) ? NotNow(RefusalCodes.InvalidState, "A patient can be marked as not having come only after the start time.")
        : null);

    // Arriving and being called in happen on the day of the visit; a consultation that has begun can always be finished.
    private ActionVerdict? StageRefusal(AppointmentActor by, DateTime nowUtc, TimeZoneInfo zone)
    {
        if (Permission(by, AppointmentAction.Stage) is { } denied)
            return denied;
        if (Status != AppointmentStatus.Confirmed)
            return Inapplicable($"Only a confirmed appointment moves through the visit; this one is {Describe(Status)}.");
        if (Stage == VisitStage.InConsultation)
            return null;
        var visitDay = Clinic.Domain.Clinics.ClinicTime.DateOf(new DateTimeOffset(StartUtc), zone);
        var today = Clinic.Domain.Clinics.ClinicTime.DateOf(new DateTimeOffset(Utc(nowUtc)), zone);
        return today < visitDay ? NotNow(RefusalCodes.InvalidState, $"Check-in opens on the day of the visit ({visitDay:ddd d MMM}).")
            : today > visitDay ? Inapplicable("The day of this visit has passed: mark it completed or a no-show instead.")
            : null;
    }

    private ActionVerdict? EditNoteRefusal(AppointmentActor by) =>
        Permission(by, AppointmentAction.EditNote)
        ?? (!by.IsClinic && Status is not (AppointmentStatus.Pending or AppointmentStatus.Confirmed) ? Inapplicable($"This appointment is {Describe(Status)}; its note can no longer be changed.") : null);

    private ActionVerdict? DeleteRefusal(AppointmentActor by) =>
        Permission(by, AppointmentAction.Delete) ?? (IsDeleted ? Inapplicable("This appointment was already deleted.") : null);

    private ActionVerdict? AcceptOfferRefusal(AppointmentActor by, DateTime nowUtc) =>
        Permission(by, AppointmentAction.AcceptOffer)
        ?? (Status != AppointmentStatus.Offered ? Inapplicable($"This offer is no longer open; the appointment is {Describe(Status)}.")
        : OfferExpiresUtc is { } expires && nowUtc >= expires ? Inapplicable("This offer has lapsed; the seat went back to the waitlist.")
        : null);

    private ActionVerdict? DeclineOfferRefusal(AppointmentActor by) =>
        Permission(by, AppointmentAction.DeclineOffer)
        ?? (Status != AppointmentStatus.Offered ? Inapplicable($"This offer is no longer open; the appointment is {Describe(Status)}.") : null);

    /// <summary>The patient takes the offered seat: it becomes a request for the clinic to confirm.</summary>
    public Result AcceptOffer(AppointmentActor by, DateTime nowUtc)
    {
        if (AcceptOfferRefusal(by, nowUtc) is { } refused)
            return refused.ToResult();
        OfferExpiresUtc = null;
        return ChangeStatus(AppointmentStatus.Pending, by, nowUtc, "Accepted from the waitlist");
    }

    /// <summary>The offer ends without a booking: declined by the patient, or lapsed. The seat is free again.</summary>
    public Result EndOffer(string reason, string byUserId, string byName, DateTime nowUtc)
    {
        if (Status != AppointmentStatus.Offered)
            return Result.Refused(RefusalCodes.InvalidState, $"This offer is no longer open; the appointment is {Describe(Status)}.");
        OfferExpiresUtc = null;
        CancelReason = reason;
        return ChangeStatus(AppointmentStatus.Cancelled, byUserId, byName, nowUtc, reason);
    }

    public Result Confirm(AppointmentActor by, DateTime nowUtc)
    {
        if (ConfirmRefusal(by) is { } refused)
            return refused.ToResult();
        return ChangeStatus(AppointmentStatus.Confirmed, by, nowUtc, null);
    }

    public Result Cancel(AppointmentActor by, string? reason, DateTime nowUtc, int cutoffHours)
    {
        if (Permission(by, AppointmentAction.Cancel) is { } denied)
            return denied.ToResult();
        if (Status is not (AppointmentStatus.Pending or AppointmentStatus.Confirmed))
            return CancelRefusal(by, nowUtc, cutoffHours)!.ToResult();
        if (by.IsClinic && string.IsNullOrWhiteSpace(reason))
            return Result.Failure("Give the patient a reason for the cancellation.");
        if (reason?.Trim().Length > MaxReasonLength)
            return Result.Failure($"The reason can be at most {MaxReasonLength} characters.");
        if (reason is not null && Text.HasControlCharacters(reason, allowLineBreaks: true))
            return Result.Failure("The reason contains invisible control characters.");
        if (CancelRefusal(by, nowUtc, cutoffHours) is { } refused)
            return refused.ToResult();
        CancelReason = string.IsNullOrWhiteSpace(reason) ? "Cancelled by the patient." : reason.Trim();
        return ChangeStatus(AppointmentStatus.Cancelled, by, nowUtc, CancelReason);
    }

    public Result Complete(AppointmentActor by, DateTime nowUtc)
    {
        if (CompleteRefusal(by, nowUtc) is { } refused)
            return refused.ToResult();
        return ChangeStatus(AppointmentStatus.Completed, by, nowUtc, null);
    }

    public Result MarkNoShow(AppointmentActor by, DateTime nowUtc)
    {
        if (NoShowRefusal(by, nowUtc) is { } refused)
            return refused.ToResult();
        return ChangeStatus(AppointmentStatus.NoShow, by, nowUtc, null);
    }

    /// <summary>
    /// Moves the appointment to another slot, of the same doctor or (the clinic only) another one;
    /// the caller has already taken the new seat.
    /// </summary>
    public Result MoveTo(DateTime startUtc, DateTime endUtc, int seatNumber, AppointmentActor by, DateTime nowUtc, int cutoffHours, Guid? doctorId = null,
        IReadOnlyList<DateTime>? laterStarts = null)
    {
        if (MoveRefusal(by, nowUtc, cutoffHours) is { } refused)
            return refused.ToResult();
        var toDoctor = doctorId ?? DoctorId;
        if (toDoctor != DoctorId && !by.IsClinic)
            return Result.Refused(RefusalCodes.Forbidden, "Only the clinic can move an appointment to another doctor.");
        EnsureLength(startUtc, endUtc);
        var (from, fromDoctor) = (StartUtc, DoctorId);
        if (toDoctor != fromDoctor)
        {
            // The doctor it leaves hears of it as well as the one it joins.
            Happened(new Clinic.Domain.Events.AppointmentChanged(Id, fromDoctor, PatientUserId));
            Happened(new Clinic.Domain.Events.AvailabilityChanged(fromDoctor));
            Record(nowUtc, by.UserId, by.Name, HistoryKind.Doctor, fromDoctor.ToString(), toDoctor.ToString(), null);
        }
        (DoctorId, StartUtc, EndUtc, SeatNumber) = (toDoctor, Utc(startUtc), Utc(endUtc), seatNumber);
        HoldSeats(laterStarts);
        Touch(nowUtc);
        Happened(new Clinic.Domain.Events.SeatsMayHaveFreed(fromDoctor)); // the seat it left
        if (from != StartUtc)
            Record(nowUtc, by.UserId, by.Name, HistoryKind.Time, from.ToString("O"), StartUtc.ToString("O"), null);
        return Result.Success;
    }

    /// <summary>The front desk's next step: Expected → Waiting → In consultation → Done (which completes the visit).</summary>
    public Result AdvanceStage(AppointmentActor by, DateTime nowUtc, TimeZoneInfo zone)
    {
        if (StageRefusal(by, nowUtc, zone) is { } refused)
            return refused.ToResult();
        var next = NextStage;
        var from = Stage;
        Stage = next;
        Touch(nowUtc);
        Record(nowUtc, by.UserId, by.Name, HistoryKind.Stage, from.ToString(), next.ToString(), null);
        return next == VisitStage.Done ? ChangeStatus(AppointmentStatus.Completed, by, nowUtc, null) : Result.Success;
    }

    /// <summary>The note for the doctor: the patient while the visit is ahead, or the clinic at any time.</summary>
    /// <summary>What is wrong with a patient's note (too long, control characters), or null: one rule for booking and editing.</summary>
    public static string? NoteProblem(string? note) =>
        note?.Trim().Length > MaxNoteLength ? $"The note can be at most {MaxNoteLength} characters."
        : note is not null && Text.HasControlCharacters(note, allowLineBreaks: true) ? "The note contains invisible control characters."
        : null;

    public Result EditNote(AppointmentActor by, string? note, DateTime nowUtc)
    {
        if (EditNoteRefusal(by) is { } refused)
            return refused.ToResult();
        if (NoteProblem(note) is { } problem)
            return Result.Failure(problem);
        var edited = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (edited == PatientNote)
            return Result.Success;
        PatientNote = edited;
        Touch(nowUtc);
        Record(nowUtc, by.UserId, by.Name, HistoryKind.Note, null, null, null);
        return Result.Success;
    }

    /// <summary>Owner or staff remove an appointment from every list; it frees its seat and keeps its history.</summary>
    public Result Delete(AppointmentActor by, DateTime nowUtc)
    {
        if (DeleteRefusal(by) is { } refused)
            return refused.ToResult();
        if (Status.HoldsSeat() && Status != AppointmentStatus.Completed)
        {
            CancelReason = "Deleted by the clinic.";
            ChangeStatus(AppointmentStatus.Cancelled, by, nowUtc, CancelReason);
        }
        IsDeleted = true;
        Touch(nowUtc);
        Record(nowUtc, by.UserId, by.Name, HistoryKind.Deleted, null, null, null);
        return Result.Success;
    }

    private Result ChangeStatus(AppointmentStatus to, AppointmentActor by, DateTime nowUtc, string? reason) =>
        ChangeStatus(to, by.UserId, by.Name, nowUtc, reason);

    private Result ChangeStatus(AppointmentStatus to, string byUserId, string byName, DateTime nowUtc, string? reason)
    {
        var from = Status;
        Status = to;
        Touch(nowUtc);
        if (from.HoldsSeat() && !to.HoldsSeat())
        {
            seats.Clear();
            Happened(new Clinic.Domain.Events.SeatsMayHaveFreed(DoctorId));
        }
        Record(nowUtc, byUserId, byName, HistoryKind.Status, from.ToString(), to.ToString(), reason);
        return Result.Success;
    }

    // The seats of the appointment's time: its seat in the first slot and the same seat in each later
    // one. Seats it keeps stay as they are (a row removed and added again in one save would collide
    // with itself); the others go, and the new ones come.
    private void HoldSeats(IReadOnlyList<DateTime>? laterStarts)
    {
        var wanted = new List<(DateTime Start, int Seat)> { (StartUtc, SeatNumber) };
        foreach (var later in laterStarts ?? [])
            wanted.Add((Utc(later), SeatNumber));
        seats.RemoveAll(held => !wanted.Any(w => held.Is(DoctorId, w.Start, w.Seat)));
        foreach (var (start, seat) in wanted)
        {
            if (!seats.Any(held => held.Is(DoctorId, start, seat)))
                seats.Add(new AppointmentSeat(Id, DoctorId, start, seat));
        }
    }

    private void Touch(DateTime nowUtc)
    {
        UpdatedUtc = Utc(nowUtc);
        Version++;
        Changed();
    }

    // Any change may show on the appointment's pages and in its doctor's slots.
    private void Changed()
    {
        Happened(new Clinic.Domain.Events.AppointmentChanged(Id, DoctorId, PatientUserId));
        Happened(new Clinic.Domain.Events.AvailabilityChanged(DoctorId));
    }

    // History is read back ordered by time; one action that writes two lines (Done, then Completed)
    // gives the second a later tick so the order survives the database.
    private void Record(DateTime nowUtc, string byUserId, string byName, HistoryKind kind, string? from, string? to, string? reason)
    {
        var at = Utc(nowUtc);
        if (history.Count > 0 && history[^1].AtUtc >= at)
            at = history[^1].AtUtc.AddTicks(1);
        history.Add(AppointmentHistoryEntry.Create(Id, at, byUserId, byName, kind, from, to, reason));
    }

    public static string Describe(AppointmentStatus status) => status switch
    {
        AppointmentStatus.NoShow => "marked as a no-show",
        AppointmentStatus.Offered => "a waitlist offer not yet accepted",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    // The cut-off in words, for one action or both (a page beside the clinic's number says it once).
    private static string OnlineUntil(string what, int cutoffHours) => $"Appointments can be {what} online until {cutoffHours} hours before the start.";

    // The calendar only ever offers such times; anything else is a bug that would hide a patient's overlap.
    private static void EnsureLength(DateTime startUtc, DateTime endUtc)
    {
        if (endUtc <= startUtc || endUtc - startUtc > LongestVisit)
            throw new ArgumentOutOfRangeException(nameof(endUtc), $"A visit ends after it starts and lasts at most {LongestVisit.TotalHours:0} hours ({startUtc:O} to {endUtc:O}).");
    }
}
