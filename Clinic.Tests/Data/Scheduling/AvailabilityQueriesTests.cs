using Clinic.Data.Scheduling;
using Clinic.Domain.Scheduling;
using Clinic.Tests.Support;

namespace Clinic.Tests.Data.Scheduling;

public sealed class AvailabilityQueriesTests : IAsyncLifetime
{
    // The harness clock: Monday 23 November 2026, 15:00 in Dhaka.
    private readonly DataHarness harness = new(interceptor: SqlCommands.Interceptor);
    private AvailabilityQueries Queries => harness.Get<AvailabilityQueries>();
    private static readonly DateOnly Monday = new(2026, 11, 23);

    public Task InitializeAsync() => harness.InitializeAsync();
    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task The_demo_hospital_doctor_offers_fifteen_seats_an_hour_in_the_evening_session()
    {
        var farhana = await harness.DoctorIdAsync("farhana.rahman@gomoti.example");

        var week = (await Queries.ForDoctorAsync(farhana, Monday.AddDays(7), 7))!;

        week.Days.Select(d => $"{d.Date:ddd} {d.AvailableSlots}x{(d.AvailableSlots == 0 ? 0 : d.SeatsLeft / d.AvailableSlots)}").Should().Equal(
            "Mon 5x15", "Tue 0x0", "Wed 5x15", "Thu 6x15", "Fri 0x0", "Sat 5x15", "Sun 0x0");
        week.Slots.First().LocalStart.Should().Be(new DateTime(2026, 11, 30, 17, 0, 0));
        week.Calendar.TimeZoneId.Should().Be("Asia/Dhaka");
        week.Calendar.LastBookableDate.Should().Be(Monday.AddDays(60));
    }

    [Fact]
    public async Task Bookings_in_the_database_take_seats_and_the_public_holiday_is_closed()
    {
        var farhana = await harness.DoctorIdAsync("farhana.rahman@gomoti.example");
        var mondayFive = new DateTime(2026, 11, 30, 11, 0, 0, DateTimeKind.Utc);
        await harness.BookAsync(farhana, mondayFive, seats: 4, minutes: 60);

        var slot = (await Queries.ForDoctorAsync(farhana, new DateOnly(2026, 11, 30), 1))!.Slots.First();
        var holiday = (await Queries.ForDoctorAsync(farhana, new DateOnly(2026, 12, 16), 1))!.Days.Single();

        slot.Should().Match<Slot>(s => s.SeatsBooked == 4 && s.SeatsLeft == 11 && s.Reason == "11 of 15 seats left");
        holiday.ClosedReason.Should().Be("Public holiday (Victory Day)");
    }

    [Fact]
    public async Task Every_active_doctor_has_a_next_available_slot_and_it_is_bookable()
    {
        var next = await Queries.NextAvailableAsync();

        next.Should().HaveCount(4);
        next.Values.Should().OnlyContain(s => s.State == SlotState.Available && s.StartUtc >= harness.Clock.GetUtcNow().UtcDateTime.AddHours(2));
    }

    [Fact]
    public async Task The_next_available_slot_skips_booked_ones()
    {
        var tanvir = await harness.DoctorIdAsync("tanvir.ahmed@gomoti.example");
        var first = (await Queries.NextAvailableAsync())[tanvir];

        await harness.BookAsync(tanvir, first.StartUtc);

        (await Queries.NextAvailableAsync())[tanvir].StartUtc.Should().Be(first.StartUtc.AddMinutes(30));
    }

    [Fact]
    public async Task A_doctor_s_weekly_hours_time_off_and_switched_slots_are_read_apart_so_their_rows_never_multiply()
    {
        // Read in one statement, 14 rules, 8 exceptions and 40 switches come back as 4,480 joined rows.
        var tanvir = await harness.DoctorIdAsync("tanvir.ahmed@gomoti.example");
        var doctor = await harness.ActorAsync("tanvir.ahmed@gomoti.example");
        var editor = harness.Get<ScheduleEditor>();
        await editor.AddTimeOffAsync(doctor, tanvir, Monday.AddDays(9), Monday.AddDays(9), "Conference");
        (await editor.SetSlotAsync(doctor, tanvir, new DateTime(2026, 11, 24, 3, 30, 0, DateTimeKind.Utc), SlotAction.Disable)).Succeeded.Should().BeTrue();

        var (month, commands) = await SqlCommands.RecordAsync(() => Queries.ForDoctorAsync(tanvir, Monday, 31));

        month!.Days.Single(d => d.Date == Monday.AddDays(9)).ClosedReason.Should().Be("Conference");
        month.Slots.Single(s => s.StartUtc == new DateTime(2026, 11, 24, 3, 30, 0, DateTimeKind.Utc)).State.Should().Be(SlotState.Disabled);
        commands.Where(c => Mentions(c, "WeeklyRules") + Mentions(c, "ScheduleExceptions") + Mentions(c, "SlotSwitches") > 1).Should().BeEmpty();

        static int Mentions(string sql, string table) => sql.Contains($"\"{table}\"", StringComparison.Ordinal) ? 1 : 0;
    }

    [Fact]
    public async Task The_bulk_view_answers_many_doctors_and_dates_with_the_same_few_queries_as_one()
    {
        var doctors = (await Queries.NextAvailableAsync()).Keys.ToList();
        var dates = Enumerable.Range(0, 14).Select(i => Monday.AddDays(i)).ToList();

        var (one, oneQueries) = await CountingQueriesAsync(() => Queries.BulkAsync([doctors[0]], [Monday]));
        var (many, manyQueries) = await CountingQueriesAsync(() => Queries.BulkAsync(doctors, dates));

        one.Should().ContainSingle().Which.Days.Should().ContainSingle();
        many.Should().HaveCount(4).And.OnlyContain(d => d.Days.Count == 14);
        oneQueries.Should().BePositive("every command is counted");
        manyQueries.Should().Be(oneQueries).And.BeLessThanOrEqualTo(6);
    }

    [Fact]
    public async Task The_bulk_view_refuses_an_unbounded_request()
    {
        var tooLong = Enumerable.Range(0, 100).Select(i => Monday.AddDays(i)).ToList();

        var asking = () => Queries.BulkAsync([Guid.NewGuid()], tooLong);

        await asking.Should().ThrowAsync<ArgumentException>().WithMessage("*at most 62 days*");
    }

    private static async Task<(T Result, int Queries)> CountingQueriesAsync<T>(Func<Task<T>> run)
    {
        var (result, commands) = await SqlCommands.RecordAsync(run);
        return (result, commands.Count);
    }
}
