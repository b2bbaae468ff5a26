using Clinic.Data.Booking;
using Clinic.Domain.Appointments;
using Clinic.Tests.Support;

namespace Clinic.Tests.Data.Booking;

/// <summary>The front desk's day: visits with what may be done to each now, and today's requests apart.</summary>
public sealed class FrontDeskTests : DemoClinicTests
{
    // The Harness clock: Monday 23 Nov 2026, 15:00 in Dhaka. Dr. Farhana Rahman's session starts at 17:00.
    private static readonly DateTime FiveInDhaka = new(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc);

    private Guid farhanaId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        farhanaId = await Harness.DoctorIdAsync("farhana.rahman@gomoti.example");
    }

    private BookingService Booking => Harness.Get<BookingService>();
    private AppointmentQueries Queries => Harness.Get<AppointmentQueries>();

    [Fact]
    public async Task Today_s_requests_are_listed_apart_and_can_be_confirmed_from_the_desk()
    {
        var visit = (await Booking.BookAsync(People.Sadia, new BookingRequest(farhanaId, FiveInDhaka, PatientUserId: People.Ayesha.UserId))).Value!;
        var request = (await Booking.BookAsync(People.Rahim, new BookingRequest(farhanaId, FiveInDhaka.AddHours(1), Note: "Cough for ten days."))).Value!;

        var day = await Queries.FrontDeskAsync(People.Sadia);

        day.Visits.Should().ContainSingle().Which.Visit.Id.Should().Be(visit.AppointmentId);
        var pending = day.Requests.Should().ContainSingle().Subject;
        pending.Visit.Id.Should().Be(request.AppointmentId);
        pending.Visit.PatientNote.Should().Be("Cough for ten days.");
        pending.Actions.Can(AppointmentAction.Confirm).Should().BeTrue();
        pending.Actions.Can(AppointmentAction.Stage).Should().BeFalse("a request is confirmed before the patient checks in");
    }

    [Fact]
    public async Task Today_s_requests_come_soonest_first_whoever_the_doctor()
    {
        // Tuesday 08:00 in Dhaka: Dr. Tanvir Ahmed works 09:00–13:00, Dr. Imran Hossain 15:00–19:00.
        Harness.Clock.SetUtcNow(new DateTime(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc));
        var imranId = await Harness.DoctorIdAsync("imran.hossain@gomoti.example");
        var afternoon = (await Booking.BookAsync(People.Rahim, new BookingRequest(imranId, new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc)))).Value!;
        var morning = (await Booking.BookAsync(People.Ayesha, new BookingRequest(People.TanvirId, new DateTime(2026, 11, 24, 6, 0, 0, DateTimeKind.Utc)))).Value!;

        var day = await Queries.FrontDeskAsync(People.Sadia);

        day.Requests.Select(r => r.Visit.Id).Should().Equal(morning.AppointmentId, afternoon.AppointmentId);
    }

    [Fact]
    public async Task The_day_s_list_of_visits_comes_in_the_order_of_their_times_whoever_the_doctor()
    {
        Harness.Clock.SetUtcNow(new DateTime(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc));
        var imranId = await Harness.DoctorIdAsync("imran.hossain@gomoti.example");
        var afternoon = (await Booking.BookAsync(People.Sadia, new BookingRequest(imranId, new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc), PatientUserId: People.Rahim.UserId))).Value!;
        var morning = (await Booking.BookAsync(People.Sadia, new BookingRequest(People.TanvirId, new DateTime(2026, 11, 24, 6, 0, 0, DateTimeKind.Utc), PatientUserId: People.Ayesha.UserId))).Value!;

        var today = await Queries.TodayAsync(People.Sadia);

        today.Select(v => v.Id).Should().Equal(morning.AppointmentId, afternoon.AppointmentId);
    }

    [Fact]
    public async Task A_no_show_is_offered_once_the_visit_has_started_and_cancelling_only_before()
    {
        await Booking.BookAsync(People.Sadia, new BookingRequest(farhanaId, FiveInDhaka, PatientUserId: People.Ayesha.UserId));

        var before = (await Queries.FrontDeskAsync(People.Sadia)).Visits.Single().Actions;
        before.Can(AppointmentAction.Stage).Should().BeTrue("check-in is open all day");
        before.Can(AppointmentAction.NoShow).Should().BeFalse();
        before.Can(AppointmentAction.Cancel).Should().BeTrue();

        Harness.Clock.SetUtcNow(FiveInDhaka.AddMinutes(20));
        var after = (await Queries.FrontDeskAsync(People.Sadia)).Visits.Single().Actions;
        after.Can(AppointmentAction.NoShow).Should().BeTrue();
        after.Can(AppointmentAction.Cancel).Should().BeFalse();
    }

    [Fact]
    public async Task Checked_in_patients_wait_in_line_by_their_time_then_by_arrival_and_the_next_moves_up_when_one_goes_in()
    {
        var shirin = await Harness.Get<AppointmentActors>().ResolveAsync(await Harness.ActorAsync("shirin@patients.example"));
        async Task<Guid> BookAsync(AppointmentActor patient, DateTime startUtc) =>
            (await Booking.BookAsync(People.Sadia, new BookingRequest(farhanaId, startUtc, PatientUserId: patient.UserId))).Value!.AppointmentId;
        var ayesha = await BookAsync(People.Ayesha, FiveInDhaka);
        var rahim = await BookAsync(People.Rahim, FiveInDhaka);
        var early = await BookAsync(shirin, FiveInDhaka.AddHours(1));
        async Task CheckInAsync(Guid visit, int minutesAfterFive)
        {
            Harness.Clock.SetUtcNow(FiveInDhaka.AddMinutes(minutesAfterFive));
            (await Booking.AdvanceStageAsync(People.Sadia, visit, null)).Succeeded.Should().BeTrue();
        }
        // Shirin, due at 18:00, comes at 16:30; Rahim at 16:50 and Ayesha at 17:05, both due at 17:00.
        await CheckInAsync(early, -30);
        await CheckInAsync(rahim, -10);
        await CheckInAsync(ayesha, 5);

        var visits = (await Queries.FrontDeskAsync(People.Sadia)).Visits;
        var line = visits.ToDictionary(r => r.Visit.Id);
        (line[rahim].PlaceInLine, line[ayesha].PlaceInLine, line[early].PlaceInLine).Should().Be((1, 2, 3));
        visits.Select(r => r.Visit.Id).Should().Equal([rahim, ayesha, early], "the desk lists those due at the same time in the order they go in");
        line[rahim].WaitingSince.Should().Be(new DateTime(2026, 11, 23, 16, 50, 0));

        (await Queries.DetailAsync(People.Ayesha, ayesha)).Value!.PlaceInLine.Should().Be(2, "Ayesha's own page says where she is in line");

        (await Booking.AdvanceStageAsync(People.Sadia, rahim, null)).Succeeded.Should().BeTrue("Rahim goes in");
        (await Queries.DetailAsync(People.Ayesha, ayesha)).Value!.PlaceInLine.Should().Be(1);
        (await Queries.DetailAsync(People.Rahim, rahim)).Value!.PlaceInLine.Should().BeNull("he is in with the doctor");
        var after = (await Queries.FrontDeskAsync(People.Sadia)).Visits.ToDictionary(r => r.Visit.Id);
        (after[rahim].PlaceInLine, after[ayesha].PlaceInLine, after[early].PlaceInLine).Should().Be(((int?)null, 1, 2));
    }

    [Fact]
    public async Task A_doctor_sees_only_their_own_day_and_a_patient_nothing()
    {
        await Booking.BookAsync(People.Sadia, new BookingRequest(farhanaId, FiveInDhaka, PatientUserId: People.Ayesha.UserId));

        (await Queries.FrontDeskAsync(People.Tanvir)).Visits.Should().BeEmpty();
        (await Queries.FrontDeskAsync(People.Ayesha)).Visits.Should().BeEmpty();
    }
}
