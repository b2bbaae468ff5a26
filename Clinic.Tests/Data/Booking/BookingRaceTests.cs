using System.Diagnostics;
using Clinic.Data.Booking;
using Clinic.Domain.Appointments;
using Clinic.Tests.Support;
using Xunit.Abstractions;

namespace Clinic.Tests.Data.Booking;

/// <summary>Two people click at once: the database, not a check before the insert, decides.</summary>
public sealed class BookingRaceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly DataHarness harness = new();

    public Task InitializeAsync() => harness.InitializeAsync();

    /// <summary>How many times the last race's writers chose a seat another took first: 0 where writers take turns (SQLite).</summary>
    private long LostRaces { get; set; }
    public Task DisposeAsync() => harness.DisposeAsync();

    private async Task<IReadOnlyList<Clinic.Domain.Common.Result<Booked>>> RaceAsync(Guid doctorId, DateTime startUtc, int racers)
    {
        var actors = harness.Get<AppointmentActors>();
        var booking = harness.Get<BookingService>();
        var patients = await Task.WhenAll((await harness.CreatePatientsAsync(racers)).Select(p => actors.ResolveAsync(p)));
        using var gate = new ManualResetEventSlim();
        using var races = new SeatRaceCounter(harness.Services);
        var clock = Stopwatch.StartNew();
        var attempts = patients.Select(p => Task.Run(async () =>
        {
            gate.Wait();
            return await booking.BookAsync(p, new BookingRequest(doctorId, startUtc));
        })).ToList();
        gate.Set();
        var results = await Task.WhenAll(attempts);
        output.WriteLine($"{harness.Database.Provider}: {racers} concurrent bookings finished in {clock.ElapsedMilliseconds} ms; " +
            $"{races.Lost} seat races lost to another writer and retried.");
        LostRaces = races.Lost;
        return results;
    }

    [Fact]
    public async Task Fifty_patients_racing_for_a_one_seat_slot_leave_exactly_one_booking()
    {
        var tanvirId = await harness.DoctorIdAsync("tanvir.ahmed@gomoti.example");
        var tuesdayNine = new DateTime(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc);

        var results = await RaceAsync(tanvirId, tuesdayNine, 50);

        results.Count(r => r.Succeeded).Should().Be(1);
        results.Where(r => !r.Succeeded).Should().HaveCount(49).And.OnlyContain(r => r.Error == "Already booked");
        (await SeatsAsync(tanvirId, tuesdayNine)).Should().Equal(1);
    }

    [Fact]
    public async Task Fifty_patients_racing_for_a_fifteen_seat_slot_leave_exactly_fifteen_bookings_on_distinct_seats()
    {
        var farhanaId = await harness.DoctorIdAsync("farhana.rahman@gomoti.example");
        var mondayFive = new DateTime(2026, 11, 30, 11, 0, 0, DateTimeKind.Utc);

        var results = await RaceAsync(farhanaId, mondayFive, 50);

        results.Count(r => r.Succeeded).Should().Be(15);
        results.Where(r => !r.Succeeded).Should().HaveCount(35).And.OnlyContain(r => r.Error == "Fully booked (15 of 15 seats taken)");
        (await SeatsAsync(farhanaId, mondayFive)).Should().BeEquivalentTo(Enumerable.Range(1, 15));
    }

    [Fact]
    public async Task Two_staff_confirming_and_cancelling_at_once_end_in_one_state_and_the_loser_is_told()
    {
        var tanvirId = await harness.DoctorIdAsync("tanvir.ahmed@gomoti.example");
        var actors = harness.Get<AppointmentActors>();
        var booking = harness.Get<BookingService>();
        var patient = await actors.ResolveAsync(await harness.ActorAsync("ayesha@patients.example"));
        var sadia = await actors.ResolveAsync(await harness.ActorAsync("staff1@gomoti.example"));
        var karim = await actors.ResolveAsync(await harness.ActorAsync("staff2@gomoti.example"));
        var id = (await booking.BookAsync(patient, new BookingRequest(tanvirId, new DateTime(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc)))).Value!.AppointmentId;
        var seen = (await harness.Get<AppointmentQueries>().DetailAsync(sadia, id)).Value!.Appointment.Version;

        var both = await Task.WhenAll(
            Task.Run(() => booking.ConfirmAsync(sadia, id, seen)),
            Task.Run(() => booking.CancelAsync(karim, id, seen, "The patient called to cancel.")));

        both.Count(r => r.Succeeded).Should().Be(1);
        both.Single(r => !r.Succeeded).Error.Should().Be(BookingService.ChangedMeanwhile);
        var final = (await harness.Get<AppointmentQueries>().DetailAsync(sadia, id)).Value!;
        final.Appointment.Status.Should().Be(both[0].Succeeded ? AppointmentStatus.Confirmed : AppointmentStatus.Cancelled);
        final.History.Should().HaveCount(2, "the creation and the one change that won");
    }

    [Fact]
    public async Task Two_staff_moving_visits_between_two_doctors_in_opposite_directions_at_once_both_succeed()
    {
        // Each move frees a seat of one doctor and takes one of the other. Moves the other way round
        // meet the two doctors in the other order: the database may make one writer wait for the
        // other and break the tie by failing one; that writer must simply try again.
        // Dr. Tanvir Ahmed and Dr. Nusrat Jahan both see patients 10:00–13:00 on Tuesdays and Sundays.
        var tanvirId = await harness.DoctorIdAsync("tanvir.ahmed@gomoti.example");
        var nusratId = await harness.DoctorIdAsync("nusrat.jahan@gomoti.example");
        var availability = harness.Get<Clinic.Data.Scheduling.AvailabilityQueries>();
        var week = new DateOnly(2026, 11, 24);
        var nusratFree = (await availability.ForDoctorAsync(nusratId, week, 7))!.Slots.Where(s => s.IsBookable).Select(s => s.StartUtc).ToHashSet();
        var shared = (await availability.ForDoctorAsync(tanvirId, week, 7))!.Slots
            .Where(s => s.IsBookable && nusratFree.Contains(s.StartUtc)).Select(s => s.StartUtc).ToList();
        shared.Should().HaveCount(12);
        var actors = harness.Get<AppointmentActors>();
        var booking = harness.Get<BookingService>();
        var sadia = await actors.ResolveAsync(await harness.ActorAsync("staff1@gomoti.example"));
        var karim = await actors.ResolveAsync(await harness.ActorAsync("staff2@gomoti.example"));
        var patients = await harness.CreatePatientsAsync(shared.Count);
        var visits = new List<(Guid Id, DateTime StartUtc, Guid From, Guid To)>();
        for (var i = 0; i < shared.Count; i++)
        {
            var (from, to) = i % 2 == 0 ? (tanvirId, nusratId) : (nusratId, tanvirId);
            var booked = await booking.BookAsync(sadia, new BookingRequest(from, shared[i], PatientUserId: patients[i].UserId));
            booked.Succeeded.Should().BeTrue(booked.Error);
            visits.Add((booked.Value!.AppointmentId, shared[i], from, to));
        }

        using var gate = new ManualResetEventSlim();
        var moves = visits.Select((visit, i) => Task.Run(async () =>
        {
            gate.Wait();
            return await booking.RescheduleAsync(i % 2 == 0 ? sadia : karim, visit.Id, null, visit.StartUtc, newDoctorId: visit.To);
        })).ToList();
        gate.Set();
        var results = await Task.WhenAll(moves);

        results.Should().OnlyContain(r => r.Succeeded);
        await using var db = await harness.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<Clinic.Data.Persistence.ClinicDbContext>>().CreateDbContextAsync();
        foreach (var visit in visits)
        {
            db.Appointments.Single(a => a.Id == visit.Id).DoctorId.Should().Be(visit.To);
            db.Seats.Where(s => s.AppointmentId == visit.Id).Select(s => s.DoctorId).Should().Equal(visit.To);
        }
    }

    private async Task<IReadOnlyList<int>> SeatsAsync(Guid doctorId, DateTime startUtc)
    {
        await using var db = await harness.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<Clinic.Data.Persistence.ClinicDbContext>>().CreateDbContextAsync();
        return [.. db.Appointments.Where(a => a.DoctorId == doctorId && a.StartUtc == startUtc).Select(a => a.SeatNumber).OrderBy(s => s)];
    }
}
