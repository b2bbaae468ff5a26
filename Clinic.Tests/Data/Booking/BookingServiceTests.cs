using Clinic.Data.Booking;
using Clinic.Data.Scheduling;
using Clinic.Domain.Appointments;
using Clinic.Domain.Common;
using Clinic.Domain.Events;
using Clinic.Domain.Identity;
using Clinic.Domain.Scheduling;
using Clinic.Tests.Support;

namespace Clinic.Tests.Data.Booking;

public sealed class BookingServiceTests : IAsyncLifetime
{
    // The harness clock: Monday 23 November 2026, 15:00 in Dhaka. Dr. Tanvir Ahmed: Sun–Thu 09:00–13:00, one seat.
    private readonly DataHarness harness = new(interceptor: SqlCommands.Interceptor);
    private BookingService Booking => harness.Get<BookingService>();
    private AppointmentQueries Queries => harness.Get<AppointmentQueries>();
    private static readonly DateTime TuesdayNine = new(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc);
    private Guid tanvirId;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        tanvirId = await harness.DoctorIdAsync("tanvir.ahmed@gomoti.example");
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    private async Task<AppointmentActor> As(string email) =>
        await harness.Get<AppointmentActors>().ResolveAsync(await harness.ActorAsync(email));

    private async Task<Slot> SlotAsync(DateTime startUtc) =>
        (await harness.Get<AvailabilityQueries>().ForDoctorAsync(tanvirId, DateOnly.FromDateTime(startUtc.AddHours(6)), 1))!.Slots.Single(s => s.StartUtc == startUtc);

    [Fact]
    public async Task A_patient_books_an_available_slot_as_a_pending_request()
    {
        var ayesha = await As("ayesha@patients.example");

        var booked = await Booking.BookAsync(ayesha, new BookingRequest(tanvirId, TuesdayNine, Note: "Follow-up after the ECG"));

        booked.Succeeded.Should().BeTrue(booked.Error);
        booked.Value!.Status.Should().Be(AppointmentStatus.Pending);
        booked.Value.LocalStart.Should().Be(new DateTime(2026, 11, 24, 9, 0, 0));
        booked.Value.TimeZoneId.Should().Be("Asia/Dhaka");
        (await SlotAsync(TuesdayNine)).Reason.Should().Be("Already booked");
        (await Queries.MineAsync(ayesha)).Should().ContainSingle(v => v.Status == AppointmentStatus.Pending && v.PatientNote == "Follow-up after the ECG");
        harness.Events.Published.Should().Contain(new AvailabilityChanged(tanvirId));
    }

    [Fact]
    public async Task A_booking_checks_its_slot_with_two_reads_and_recomputes_no_day()
    {
        var ayesha = await As("ayesha@patients.example");

        var (booked, commands) = await SqlCommands.RecordAsync(() => Booking.BookAsync(ayesha, new BookingRequest(tanvirId, TuesdayNine)));

        booked.Succeeded.Should().BeTrue(booked.Error);
        var reads = commands.Where(c => c.TrimStart().StartsWith("SELECT", StringComparison.Ordinal)).ToList();
        reads.Should().HaveCount(3, "the doctor's day as scheduled, the seats at that start, and the clinic team who hear of a request");
        reads.Should().NotContain(c => c.Contains("GROUP BY"), "one slot needs no day of seat counts");
        commands.Except(reads).Should().OnlyContain(c => c.Contains("INSERT INTO"), "the rest is the appointment, its history and its notices");
    }

    [Fact]
    public async Task Staff_book_for_a_chosen_patient_and_it_is_confirmed_at_once()
    {
        var staff = await As("staff1@gomoti.example");
        var rahim = await harness.ActorAsync("rahim@patients.example");

        var booked = await Booking.BookAsync(staff, new BookingRequest(tanvirId, TuesdayNine, PatientUserId: rahim.UserId));

        booked.Value!.Status.Should().Be(AppointmentStatus.Confirmed);
        var detail = (await Queries.DetailAsync(staff, booked.Value.AppointmentId)).Value!;
        detail.Appointment.PatientName.Should().Be("Rahim Chowdhury");
        detail.History.Single().ByName.Should().Be("Sadia Islam");
    }

    [Fact]
    public async Task Slots_that_cannot_be_taken_are_refused_with_the_calculator_s_reason()
    {
        var ayesha = await As("ayesha@patients.example");
        var tanvir = await harness.ActorAsync("tanvir.ahmed@gomoti.example");
        await harness.Get<ScheduleEditor>().SetSlotAsync(tanvir, tanvirId, TuesdayNine.AddMinutes(30), SlotAction.Disable);
        await harness.Get<ScheduleEditor>().AddTimeOffAsync(tanvir, tanvirId, new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 25), "Conference");

        (await Booking.BookAsync(ayesha, new(tanvirId, new DateTime(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc)))).Error.Should().Be("This time has passed.");
        (await Booking.BookAsync(ayesha, new(tanvirId, TuesdayNine.AddMinutes(30)))).Error.Should().Be("The doctor has made this slot unavailable.");
        (await Booking.BookAsync(ayesha, new(tanvirId, TuesdayNine.AddDays(1)))).Error.Should().Be("Closed: Conference");
        (await Booking.BookAsync(ayesha, new(tanvirId, TuesdayNine.AddDays(63)))).Error.Should().Be("Bookings open 60 days ahead.");
        (await Booking.BookAsync(ayesha, new(tanvirId, TuesdayNine.AddMinutes(7)))).Error.Should().Be("That time is not in the doctor's schedule.");
        harness.Clock.Advance(TimeSpan.FromHours(17.5)); // Tuesday 08:30 in Dhaka
        (await Booking.BookAsync(ayesha, new(tanvirId, TuesdayNine))).Error.Should().Be("Bookings close 2 hours before the start.");
        (await Queries.MineAsync(ayesha)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_patient_cannot_hold_two_overlapping_appointments()
    {
        var ayesha = await As("ayesha@patients.example");
        var farhanaId = await harness.DoctorIdAsync("farhana.rahman@gomoti.example");
        var thursdayFive = new DateTime(2026, 11, 26, 11, 0, 0, DateTimeKind.Utc);
        (await Booking.BookAsync(ayesha, new(farhanaId, thursdayFive))).Succeeded.Should().BeTrue();

        var imranId = await harness.DoctorIdAsync("imran.hossain@gomoti.example");
        var overlapping = await Booking.BookAsync(ayesha, new(imranId, thursdayFive.AddMinutes(30)));

        overlapping.Error.Should().Be("You already have an appointment at that time.");
    }

    [Fact]
    public async Task Only_patients_book_for_themselves_and_only_the_clinic_for_others()
    {
        var doctor = await As("tanvir.ahmed@gomoti.example");
        var ayesha = await As("ayesha@patients.example");
        var rahim = await harness.ActorAsync("rahim@patients.example");

        (await Booking.BookAsync(doctor, new(tanvirId, TuesdayNine))).Succeeded.Should().BeFalse();
        (await Booking.BookAsync(ayesha, new(tanvirId, TuesdayNine, PatientUserId: rahim.UserId))).Error.Should().Be("Only the clinic's staff can book for a patient.");
    }

    [Fact]
    public async Task No_patient_reads_or_changes_another_patient_s_appointment_by_its_id()
    {
        var ayesha = await As("ayesha@patients.example");
        var rahim = await As("rahim@patients.example");
        var id = (await Booking.BookAsync(ayesha, new(tanvirId, TuesdayNine))).Value!.AppointmentId;

        (await Queries.DetailAsync(rahim, id)).Error.Should().Be(AppointmentPermissions.NotYours);
        (await Booking.CancelAsync(rahim, id, null, "mine now")).Error.Should().Be(AppointmentPermissions.NotYours);
        (await Booking.RescheduleAsync(rahim, id, null, TuesdayNine.AddMinutes(30))).Error.Should().Be(AppointmentPermissions.NotYours);
        (await Booking.ConfirmAsync(rahim, id, null)).Error.Should().Be(AppointmentPermissions.NotYours);
        (await Queries.MineAsync(rahim)).Should().BeEmpty();
        (await Queries.DetailAsync(ayesha, id)).Value!.Appointment.Status.Should().Be(AppointmentStatus.Pending);
    }

    [Fact]
    public async Task Cancelling_frees_the_seat_and_the_patient_sees_the_reason()
    {
        var ayesha = await As("ayesha@patients.example");
        var staff = await As("staff2@gomoti.example");
        var id = (await Booking.BookAsync(ayesha, new(tanvirId, TuesdayNine))).Value!.AppointmentId;

        (await Booking.CancelAsync(staff, id, null, "Dr. Ahmed is in surgery that morning.")).Succeeded.Should().BeTrue();

        (await SlotAsync(TuesdayNine)).State.Should().Be(SlotState.Available);
        (await Queries.MineAsync(ayesha)).Single().CancelReason.Should().Be("Dr. Ahmed is in surgery that morning.");
    }

    [Fact]
    public async Task Rescheduling_takes_the_new_seat_and_frees_the_old_or_changes_nothing()
    {
        var ayesha = await As("ayesha@patients.example");
        var rahim = await As("rahim@patients.example");
        var wednesdayNine = TuesdayNine.AddDays(1); // more than the 24-hour cutoff ahead
        var id = (await Booking.BookAsync(ayesha, new(tanvirId, wednesdayNine))).Value!.AppointmentId;
        await Booking.BookAsync(rahim, new(tanvirId, wednesdayNine.AddMinutes(30)));

        var toFull = await Booking.RescheduleAsync(ayesha, id, null, wednesdayNine.AddMinutes(30));
        var toFree = await Booking.RescheduleAsync(ayesha, id, null, wednesdayNine.AddHours(1));

        toFull.Error.Should().Be("Already booked");
        toFree.Succeeded.Should().BeTrue(toFree.Error);
        (await SlotAsync(wednesdayNine)).State.Should().Be(SlotState.Available);
        (await SlotAsync(wednesdayNine.AddHours(1))).State.Should().Be(SlotState.Full);
        (await Queries.DetailAsync(ayesha, id)).Value!.History.Last().Kind.Should().Be(HistoryKind.Time);
    }

    [Fact]
    public async Task The_clinic_moves_an_appointment_to_another_doctor_and_all_three_hear_of_it()
    {
        // Wednesday 17:00 in Dhaka: Dr. Farhana Rahman's evening session and Dr. Nusrat Jahan's last hour.
        var wednesdayFive = new DateTime(2026, 11, 25, 11, 0, 0, DateTimeKind.Utc);
        var farhanaId = await harness.DoctorIdAsync("farhana.rahman@gomoti.example");
        var nusratId = await harness.DoctorIdAsync("nusrat.jahan@gomoti.example");
        var ayesha = await As("ayesha@patients.example");
        var staff = await As("staff1@gomoti.example");
        var id = (await Booking.BookAsync(ayesha, new(farhanaId, wednesdayFive))).Value!.AppointmentId;

        var byPatient = await Booking.RescheduleAsync(ayesha, id, null, wednesdayFive, newDoctorId: nusratId);
        var byClinic = await Booking.RescheduleAsync(staff, id, null, wednesdayFive, newDoctorId: nusratId);

        byPatient.Code.Should().Be(RefusalCodes.Forbidden, "a patient picks another doctor by booking anew");
        byClinic.Succeeded.Should().BeTrue(byClinic.Error);
        var detail = (await Queries.DetailAsync(staff, id)).Value!;
        detail.Appointment.DoctorId.Should().Be(nusratId);
        detail.Appointment.StartUtc.Should().Be(wednesdayFive);
        detail.History.Last().Kind.Should().Be(HistoryKind.Doctor, "the time stayed, the doctor changed");
        detail.DoctorNames.Values.Should().BeEquivalentTo(["Dr. Farhana Rahman", "Dr. Nusrat Jahan"]);
        var nusratDay = await harness.Get<AvailabilityQueries>().ForDoctorAsync(nusratId, new DateOnly(2026, 11, 25), 1);
        nusratDay!.Slots.Single(s => s.StartUtc == wednesdayFive).State.Should().Be(SlotState.Full);
        var farhanaDay = await harness.Get<AvailabilityQueries>().ForDoctorAsync(farhanaId, new DateOnly(2026, 11, 25), 1);
        farhanaDay!.Slots.Single(s => s.StartUtc == wednesdayFive).SeatsLeft.Should().Be(15, "the seat it left is free again");
        harness.Events.Published.Should().Contain([new AvailabilityChanged(farhanaId), new AvailabilityChanged(nusratId)]);
        await using var db = await harness.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<Clinic.Data.Persistence.ClinicDbContext>>().CreateDbContextAsync();
        var told = db.Notifications.Where(n => n.Title == "Appointment moved" || n.Title == "Booking moved" || n.Title == "New booking")
            .Select(n => new { n.UserId, n.Title, n.Text }).ToList();
        told.Should().Contain(n => n.UserId == ayesha.UserId && n.Text.Contains("is now with Dr. Nusrat Jahan"));
        told.Should().Contain(n => n.Title == "New booking" && n.Text.Contains("moved from Dr. Farhana Rahman"));
        told.Should().Contain(n => n.Title == "Booking moved" && n.Text.Contains("moved to Dr. Nusrat Jahan"));
    }

    [Fact]
    public async Task A_deleted_appointment_leaves_every_list_and_frees_its_seat()
    {
        var ayesha = await As("ayesha@patients.example");
        var owner = await As("owner@gomoti.example");
        var id = (await Booking.BookAsync(ayesha, new(tanvirId, TuesdayNine))).Value!.AppointmentId;

        (await Booking.DeleteAsync(owner, id, null)).Succeeded.Should().BeTrue();

        (await Queries.MineAsync(ayesha)).Should().BeEmpty();
        (await Queries.PendingAsync(owner)).Should().NotContain(v => v.Id == id);
        (await SlotAsync(TuesdayNine)).State.Should().Be(SlotState.Available);
        await using var db = await harness.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<Clinic.Data.Persistence.ClinicDbContext>>().CreateDbContextAsync();
        db.AppointmentHistory.Count(h => h.AppointmentId == id).Should().Be(3, "created, cancelled and deleted stay on record");
    }

    [Fact]
    public async Task The_queue_shows_pending_requests_oldest_first_to_the_clinic_only()
    {
        var ayesha = await As("ayesha@patients.example");
        var rahim = await As("rahim@patients.example");
        var staff = await As("staff1@gomoti.example");
        var first = (await Booking.BookAsync(rahim, new(tanvirId, TuesdayNine.AddHours(1)))).Value!.AppointmentId;
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = (await Booking.BookAsync(ayesha, new(tanvirId, TuesdayNine))).Value!.AppointmentId;

        (await Queries.PendingAsync(staff)).Select(v => v.Id).Should().Equal(first, second);
        (await Queries.PendingAsync(staff, date: new DateOnly(2026, 11, 24))).Should().HaveCount(2);
        (await Queries.PendingAsync(ayesha)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_table_searches_filters_and_pages_in_the_database_and_doctors_see_only_theirs()
    {
        var staff = await As("staff1@gomoti.example");
        var farhanaId = await harness.DoctorIdAsync("farhana.rahman@gomoti.example");
        foreach (var email in new[] { "ayesha@patients.example", "rahim@patients.example", "mitu@patients.example" })
            await Booking.BookAsync(await As(email), new(farhanaId, new DateTime(2026, 11, 30, 11, 0, 0, DateTimeKind.Utc)));
        await Booking.BookAsync(await As("jamal@patients.example"), new(tanvirId, TuesdayNine));

        var all = await Queries.SearchAsync(staff, new AppointmentFilter(), 0, 2);
        var second = await Queries.SearchAsync(staff, new AppointmentFilter(), 1, 2);
        var byText = await Queries.SearchAsync(staff, new AppointmentFilter(Text: "mitu"), 0, 20);
        var byDoctor = await Queries.SearchAsync(staff, new AppointmentFilter(DoctorId: tanvirId), 0, 20);
        var tanvirOwn = await Queries.SearchAsync(await As("tanvir.ahmed@gomoti.example"), new AppointmentFilter(DoctorId: farhanaId), 0, 20);
        var patient = await Queries.SearchAsync(await As("ayesha@patients.example"), new AppointmentFilter(), 0, 20);

        (all.Total, all.Items.Count, second.Items.Count).Should().Be((4, 2, 2));
        byText.Items.Should().ContainSingle().Which.PatientName.Should().Be("Mitu Akter");
        byDoctor.Items.Should().ContainSingle().Which.PatientName.Should().Be("Jamal Hasan");
        tanvirOwn.Items.Should().ContainSingle("a doctor sees only their own, whatever the filter says").Which.DoctorId.Should().Be(tanvirId);
        patient.Total.Should().Be(0, "patients use their own list");
        (await Queries.LoadAsync(staff, days: 8)).Single(l => l.DoctorId == farhanaId).Days.Sum(d => d.Bookings).Should().Be(3);
    }
}
