using Clinic.Data.Booking;
using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Domain.Scheduling;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Tests.Data.Scheduling;

/// <summary>
/// A doctor's days asked again are answered from what was worked out before only while nothing
/// behind them changed: not a seat, an hour, a clinic rule, on any instance or straight in the
/// database, and not the clock past a slot's start or notice. Runs on SQLite and PostgreSQL.
/// </summary>
public sealed class AvailabilityAnswersTests : IAsyncLifetime
{
    // The harness clock: Monday 23 November 2026, 15:00 in Dhaka. Dr. Tanvir Ahmed: Sun–Thu 09:00–13:00, 30-minute slots, one seat.
    private readonly DataHarness harness = new(interceptor: SqlCommands.Interceptor);
    private AvailabilityQueries Queries => harness.Get<AvailabilityQueries>();
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateTime TuesdayNine = new(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc);
    private Guid tanvir;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        tanvir = await harness.DoctorIdAsync("tanvir.ahmed@gomoti.example");
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    private async Task<ClinicDbContext> DbAsync() => await harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();

    private async Task<Slot> TuesdayNineAsync() => (await Queries.ForDoctorAsync(tanvir, Monday, 31))!.Slots.Single(s => s.StartUtc == TuesdayNine);

    [Fact]
    public async Task A_month_asked_again_unchanged_is_the_same_answer_for_one_small_statement()
    {
        var first = await Queries.ForDoctorAsync(tanvir, Monday, 31);

        var (again, commands) = await SqlCommands.RecordAsync(() => Queries.ForDoctorAsync(tanvir, Monday, 31));

        again.Should().BeSameAs(first);
        commands.Should().ContainSingle("only the doctor's availability version and the clinic's rules are read")
            .Which.Should().NotContain("Seats");
    }

    [Fact]
    public async Task A_booking_made_on_another_instance_shows_at_once_with_nothing_sent_between_them()
    {
        await using var other = await DataHarness.SecondInstanceAsync(harness);
        (await TuesdayNineAsync()).State.Should().Be(SlotState.Available);

        var rahim = await other.Get<AppointmentActors>().ResolveAsync(await other.ActorAsync("rahim@patients.example"));
        var booked = await other.Get<BookingService>().BookAsync(rahim, new BookingRequest(tanvir, TuesdayNine));

        booked.Succeeded.Should().BeTrue(booked.Error);
        (await TuesdayNineAsync()).State.Should().Be(SlotState.Full);
    }

    [Fact]
    public async Task Seats_removed_straight_in_the_database_show_at_once()
    {
        await harness.BookAsync(tanvir, TuesdayNine);
        (await TuesdayNineAsync()).State.Should().Be(SlotState.Full);

        await using (var db = await DbAsync())
            await db.Seats.Where(s => s.DoctorId == tanvir).ExecuteDeleteAsync();

        (await TuesdayNineAsync()).State.Should().Be(SlotState.Available);
    }

    [Fact]
    public async Task The_clinic_s_notice_and_the_doctor_s_hours_changed_in_the_database_show_at_once()
    {
        (await TuesdayNineAsync()).State.Should().Be(SlotState.Available);

        await using (var db = await DbAsync())
            await db.Clinics.ExecuteUpdateAsync(c => c.SetProperty(x => x.MinimumNoticeHours, 48));
        (await TuesdayNineAsync()).State.Should().Be(SlotState.TooSoon);

        await using (var db = await DbAsync())
            await db.WeeklyRules.Where(r => r.DoctorId == tanvir).ExecuteDeleteAsync();
        (await Queries.ForDoctorAsync(tanvir, Monday, 31))!.Slots.Should().NotContain(s => s.Source == SlotSource.Weekly);
    }

    [Fact]
    public async Task Once_the_clock_brings_a_slot_inside_the_notice_the_answer_is_worked_out_again()
    {
        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 0, 50, 0, TimeSpan.Zero)); // Tuesday 06:50 in Dhaka
        var before = await Queries.ForDoctorAsync(tanvir, Monday.AddDays(1), 7);

        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        (await Queries.ForDoctorAsync(tanvir, Monday.AddDays(1), 7)).Should().BeSameAs(before, "06:55: nothing has changed yet");

        harness.Clock.Advance(TimeSpan.FromMinutes(10));
        var after = await Queries.ForDoctorAsync(tanvir, Monday.AddDays(1), 7);
        after!.Slots.Single(s => s.StartUtc == TuesdayNine).State.Should().Be(SlotState.TooSoon, "at 07:05 the 09:00 slot is inside the two hours' notice");
        before!.Slots.Single(s => s.StartUtc == TuesdayNine).State.Should().Be(SlotState.Available);
    }
}
