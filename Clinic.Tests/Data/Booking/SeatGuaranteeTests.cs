using Clinic.Data.Booking;
using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Clinic.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Xunit.Abstractions;

namespace Clinic.Tests.Data.Booking;

/// <summary>
/// The database itself keeps one live appointment per seat, whatever the code above it does, and
/// only that refusal reads as "Already booked". Runs on SQLite and, in ./test.sh, on PostgreSQL.
/// </summary>
public sealed class SeatGuaranteeTests(ITestOutputHelper output) : DemoClinicTests
{
    private async Task<ClinicDbContext> DbAsync() => await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();

    private static DateTime Slot(int index) => ClinicPeople.WednesdayNine.AddMinutes(30 * index);

    private Appointment Holder(string patientUserId, int slot, int seat = 1) =>
        Appointment.Request(People.TanvirId, patientUserId, Slot(slot), Slot(slot).AddMinutes(30), seat, Harness.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task A_second_holder_of_one_seat_written_straight_to_the_database_is_refused_by_the_database()
    {
        await using (var db = await DbAsync())
        {
            db.Appointments.Add(Holder(People.Ayesha.UserId, 0));
            await db.SaveChangesAsync();
        }

        await using var second = await DbAsync();
        second.Appointments.Add(Holder(People.Rahim.UserId, 0));
        var save = () => second.SaveChangesAsync();

        var refused = (await save.Should().ThrowAsync<DbUpdateException>()).Which;
        DatabaseFaults.IsSeatTaken(refused).Should().BeTrue($"{Harness.Database.Provider} reported: {refused.InnerException?.Message}");
        output.WriteLine($"{Harness.Database.Provider}: {refused.InnerException?.Message}");
    }

    [Fact]
    public async Task A_cancelled_appointment_leaves_its_seat_to_the_next_holder()
    {
        var ayeshas = Holder(People.Ayesha.UserId, 1);
        await using (var db = await DbAsync())
        {
            db.Appointments.Add(ayeshas);
            await db.SaveChangesAsync();
            ayeshas.Cancel(People.Sadia, "Ayesha called.", Harness.Clock.GetUtcNow().UtcDateTime, 0).Succeeded.Should().BeTrue();
            await db.SaveChangesAsync();
        }

        await using var second = await DbAsync();
        second.Appointments.Add(Holder(People.Rahim.UserId, 1));
        await second.SaveChangesAsync();

        (await second.Appointments.CountAsync(a => a.StartUtc == Slot(1) && a.SeatNumber == 1)).Should().Be(2);
    }

    [Fact]
    public async Task Another_unique_violation_is_not_mistaken_for_a_taken_seat()
    {
        await using var db = await DbAsync();
        var ayesha = await db.Users.SingleAsync(u => u.Id == People.Ayesha.UserId);
        db.Users.Add(new Clinic.Data.Identity.ClinicUser { UserName = "copy", NormalizedUserName = ayesha.NormalizedUserName, FullName = "Copy" });

        var refused = (await ((Func<Task>)(() => db.SaveChangesAsync())).Should().ThrowAsync<DbUpdateException>()).Which;

        DatabaseFaults.IsSeatTaken(refused).Should().BeFalse("a duplicate user name is not a seat");
    }

    [Fact]
    public async Task Two_contexts_changing_one_appointment_let_the_first_save_win_and_refuse_the_second()
    {
        var id = await People.RequestAsync(Harness, Slot(2));
        await using var first = await DbAsync();
        await using var second = await DbAsync();
        var seenByFirst = await first.Appointments.Include(a => a.History).SingleAsync(a => a.Id == id);
        var seenBySecond = await second.Appointments.Include(a => a.History).SingleAsync(a => a.Id == id);
        var now = Harness.Clock.GetUtcNow().UtcDateTime;

        seenByFirst.Confirm(People.Sadia, now).Succeeded.Should().BeTrue();
        await first.SaveChangesAsync();
        seenBySecond.Cancel(People.Karim, "Double-checked: cancel.", now, 0).Succeeded.Should().BeTrue();
        var late = () => second.SaveChangesAsync();

        await late.Should().ThrowAsync<DbUpdateConcurrencyException>("the row's version moved on under the second context");
        await using var check = await DbAsync();
        (await check.Appointments.SingleAsync(a => a.Id == id)).Status.Should().Be(AppointmentStatus.Confirmed);
    }

    [Fact]
    public async Task Concurrent_moves_into_the_last_seat_leave_one_appointment_there_and_tell_the_others_it_is_full()
    {
        var booking = Harness.Get<BookingService>();
        var racers = await Task.WhenAll((await Harness.CreatePatientsAsync(8)).Select(p => Harness.Get<AppointmentActors>().ResolveAsync(p)));
        var ids = new List<Guid>();
        for (var i = 0; i < racers.Length; i++)
        {
            var booked = await booking.BookAsync(People.Sadia, new BookingRequest(People.TanvirId, Slot(i).AddDays(1), PatientUserId: racers[i].UserId));
            booked.Succeeded.Should().BeTrue(booked.Error);
            ids.Add(booked.Value!.AppointmentId);
        }
        using var races = new SeatRaceCounter(Harness.Services);
        using var gate = new ManualResetEventSlim();

        var moves = ids.Select(id => Task.Run(async () =>
        {
            gate.Wait();
            return await booking.RescheduleAsync(People.Sadia, id, null, Slot(3));
        })).ToList();
        gate.Set();
        var results = await Task.WhenAll(moves);

        output.WriteLine($"{Harness.Database.Provider}: {ids.Count} moves into one free seat, {races.Lost} seat races lost and retried.");
        results.Count(r => r.Succeeded).Should().Be(1);
        results.Where(r => !r.Succeeded).Should().OnlyContain(r => r.Error == "Already booked");
        await using var db = await DbAsync();
        var seatHolding = AppointmentStatuses.SeatHolding.ToList();
        (await db.Appointments.CountAsync(a => a.DoctorId == People.TanvirId && a.StartUtc == Slot(3) && seatHolding.Contains(a.Status))).Should().Be(1);
        (await db.Appointments.CountAsync(a => ids.Contains(a.Id) && a.StartUtc != Slot(3))).Should().Be(ids.Count - 1, "a refused move leaves the appointment where it was");
    }

    /// <summary>The database fails for a reason that is not a seat: a full disk.</summary>
    private sealed class FullDisk : SaveChangesInterceptor
    {
        public bool Full { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Full && eventData.Context!.ChangeTracker.Entries<Appointment>().Any(e => e.State == EntityState.Added)
                ? throw new DbUpdateException("An error occurred while saving the entity changes.", new SqliteException("SQLite Error 13: 'database or disk is full'.", 13))
                : ValueTask.FromResult(result);
    }

    [Fact]
    public async Task A_database_fault_that_is_not_a_taken_seat_is_a_server_error_never_already_booked()
    {
        var disk = new FullDisk();
        var full = new DataHarness(seedDemo: true, interceptor: disk);
        try
        {
            await full.InitializeAsync();
            var ayesha = await full.Get<AppointmentActors>().ResolveAsync(await full.ActorAsync("ayesha@patients.example"));
            var tanvirId = await full.DoctorIdAsync("tanvir.ahmed@gomoti.example");
            disk.Full = true;

            var book = () => full.Get<BookingService>().BookAsync(ayesha, new BookingRequest(tanvirId, Slot(5)));

            (await book.Should().ThrowAsync<DbUpdateException>()).Which.InnerException!.Message.Should().Contain("disk is full");
        }
        finally
        {
            await full.DisposeAsync();
        }
    }
}
