using Clinic.Data.Scheduling;
using Clinic.Domain.Events;
using Clinic.Domain.Scheduling;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clinic.Tests.Data;

/// <summary>Events announce committed facts: a change that is rolled back publishes nothing.</summary>
public sealed class PublishAfterCommitTests : IAsyncLifetime
{
    private sealed class FailingSaves : SaveChangesInterceptor
    {
        public bool Armed { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Armed ? throw new DbUpdateException("The disk is full.") : base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private readonly FailingSaves failing = new();
    private readonly DataHarness harness;

    public PublishAfterCommitTests() => harness = new DataHarness(interceptor: failing);

    public Task InitializeAsync() => harness.InitializeAsync();
    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task A_change_whose_save_fails_is_rolled_back_and_announces_nothing()
    {
        var doctor = await harness.ActorAsync("imran.hossain@gomoti.example");
        var doctorId = await harness.DoctorIdAsync("imran.hossain@gomoti.example");
        var before = harness.Events.Published.Count;
        failing.Armed = true;

        var saving = () => harness.Get<ScheduleEditor>().AddRuleAsync(doctor, doctorId,
            new WeeklyRuleDetails(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(11, 0), 30, 1));

        await saving.Should().ThrowAsync<DbUpdateException>();
        harness.Events.Published.Should().HaveCount(before);
        failing.Armed = false;
        (await harness.Get<ScheduleEditor>().GetAsync(doctor, doctorId)).Value!.Rules.Should().NotContain(r => r.Day == DayOfWeek.Monday);
    }

    [Fact]
    public async Task A_committed_change_announces_itself_once()
    {
        var doctor = await harness.ActorAsync("imran.hossain@gomoti.example");
        var doctorId = await harness.DoctorIdAsync("imran.hossain@gomoti.example");
        var before = harness.Events.Published.Count;

        await harness.Get<ScheduleEditor>().AddRuleAsync(doctor, doctorId, new WeeklyRuleDetails(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(11, 0), 30, 1));

        harness.Events.Published.Skip(before).Should().Equal(new AvailabilityChanged(doctorId));
    }
}

/// <summary>A change announces each fact once, through the one after-commit path, whatever the use case.</summary>
public sealed class AnnounceOnceTests : DemoClinicTests
{
    [Fact]
    public async Task A_reschedule_announces_each_fact_once_and_tells_the_waitlist_the_old_seat_is_free()
    {
        var id = await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine);
        var before = Harness.Events.Published.Count;
        var waitlist = Harness.Get<Clinic.Data.Waitlist.WaitlistSignal>();

        var moved = await Harness.Get<Clinic.Data.Booking.BookingService>().RescheduleAsync(People.Sadia, id, null, ClinicPeople.WednesdayNine.AddMinutes(30));

        moved.Succeeded.Should().BeTrue(moved.Error);
        var announced = Harness.Events.Published.Skip(before).ToList();
        announced.Should().OnlyHaveUniqueItems("each fact is announced once (a move used to announce its availability twice)");
        announced.Should().ContainSingle(e => e is AppointmentChanged);
        announced.Should().ContainSingle(e => e is AvailabilityChanged);
        announced.OfType<NotificationsChanged>().Should().NotBeEmpty("the patient and the doctor are told");
        announced.Should().NotContain(e => e is SeatsMayHaveFreed, "the waitlist is signalled, pages are not told");
        var signalled = await waitlist.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        signalled.Should().Be(People.TanvirId);
    }

    [Fact]
    public async Task A_booking_whose_transaction_is_refused_announces_nothing()
    {
        var first = await People.RequestAsync(Harness, ClinicPeople.WednesdayNine);
        var before = Harness.Events.Published.Count;

        var second = await Harness.Get<Clinic.Data.Booking.BookingService>().BookAsync(People.Rahim, new Clinic.Data.Booking.BookingRequest(People.TanvirId, ClinicPeople.WednesdayNine));

        second.Succeeded.Should().BeFalse();
        first.Should().NotBeEmpty();
        Harness.Events.Published.Skip(before).Should().BeEmpty();
    }
}
