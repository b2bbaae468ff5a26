using Clinic.Data.Booking;
using Clinic.Domain.Appointments;
using Clinic.Tests.Support;

namespace Clinic.Tests.Data.Booking;

/// <summary>The front desk's day: visits with what may be done to each now, and today's requests apart.</summary>
public sealed class FrontDeskTests : IAsyncLifetime
{
    // The harness clock: Monday 23 Nov 2026, 15:00 in Dhaka. Dr. Farhana Rahman's session starts at 17:00.
    private static readonly DateTime FiveInDhaka = new(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc);

    private readonly DataHarness harness = new();
    private ClinicPeople people = null!;
    private Guid farhanaId;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        people = await ClinicPeople.LoadAsync(harness);
        farhanaId = await harness.DoctorIdAsync("farhana.rahman@gomoti.example");
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    private BookingService Booking => harness.Get<BookingService>();
    private AppointmentQueries Queries => harness.Get<AppointmentQueries>();

    [Fact]
    public async Task Today_s_requests_are_listed_apart_and_can_be_confirmed_from_the_desk()
    {
        var visit = (await Booking.BookAsync(people.Sadia, new BookingRequest(farhanaId, FiveInDhaka, PatientUserId: people.Ayesha.UserId))).Value!;
        var request = (await Booking.BookAsync(people.Rahim, new BookingRequest(farhanaId, FiveInDhaka.AddHours(1), Note: "Cough for ten days."))).Value!;

        var day = await Queries.FrontDeskAsync(people.Sadia);

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
        harness.Clock.SetUtcNow(new DateTime(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc));
        var imranId = await harness.DoctorIdAsync("imran.hossain@gomoti.example");
        var afternoon = (await Booking.BookAsync(people.Rahim, new BookingRequest(imranId, new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc)))).Value!;
        var morning = (await Booking.BookAsync(people.Ayesha, new BookingRequest(people.TanvirId, new DateTime(2026, 11, 24, 6, 0, 0, DateTimeKind.Utc)))).Value!;

        var day = await Queries.FrontDeskAsync(people.Sadia);

        day.Requests.Select(r => r.Visit.Id).Should().Equal(morning.AppointmentId, afternoon.AppointmentId);
    }

    [Fact]
    public async Task The_day_s_list_of_visits_comes_in_the_order_of_their_times_whoever_the_doctor()
    {
        harness.Clock.SetUtcNow(new DateTime(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc));
        var imranId = await harness.DoctorIdAsync("imran.hossain@gomoti.example");
        var afternoon = (await Booking.BookAsync(people.Sadia, new BookingRequest(imranId, new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc), PatientUserId: people.Rahim.UserId))).Value!;
        var morning = (await Booking.BookAsync(people.Sadia, new BookingRequest(people.TanvirId, new DateTime(2026, 11, 24, 6, 0, 0, DateTimeKind.Utc), PatientUserId: people.Ayesha.UserId))).Value!;

        var today = await Queries.TodayAsync(people.Sadia);

        today.Select(v => v.Id).Should().Equal(morning.AppointmentId, afternoon.AppointmentId);
    }

    [Fact]
    public async Task A_no_show_is_offered_once_the_visit_has_started_and_cancelling_only_before()
    {
        await Booking.BookAsync(people.Sadia, new BookingRequest(farhanaId, FiveInDhaka, PatientUserId: people.Ayesha.UserId));

        var before = (await Queries.FrontDeskAsync(people.Sadia)).Visits.Single().Actions;
        before.Can(AppointmentAction.Stage).Should().BeTrue("check-in is open all day");
        before.Can(AppointmentAction.NoShow).Should().BeFalse();
        before.Can(AppointmentAction.Cancel).Should().BeTrue();

        harness.Clock.SetUtcNow(FiveInDhaka.AddMinutes(20));
        var after = (await Queries.FrontDeskAsync(people.Sadia)).Visits.Single().Actions;
        after.Can(AppointmentAction.NoShow).Should().BeTrue();
        after.Can(AppointmentAction.Cancel).Should().BeFalse();
    }

    [Fact]
    public async Task A_doctor_sees_only_their_own_day_and_a_patient_nothing()
    {
        await Booking.BookAsync(people.Sadia, new BookingRequest(farhanaId, FiveInDhaka, PatientUserId: people.Ayesha.UserId));

        (await Queries.FrontDeskAsync(people.Tanvir)).Visits.Should().BeEmpty();
        (await Queries.FrontDeskAsync(people.Ayesha)).Visits.Should().BeEmpty();
    }
}
