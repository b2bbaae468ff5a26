using Clinic.Data.Booking;
using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Data.Types;
using Clinic.Domain.Appointments;
using Clinic.Domain.Common;
using Clinic.Domain.Scheduling;
using Clinic.Domain.Services;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Clinic.Tests.Data.Booking;

/// <summary>
/// A type longer than the doctor's slot takes consecutive slots, each under the seats' key, and its
/// buffer holds the time after it: booked, refused, moved, cancelled and raced, on SQLite and (in
/// ./test.sh) on PostgreSQL.
/// </summary>
public sealed class MultiSlotBookingTests(ITestOutputHelper output) : DemoClinicTests
{
    private BookingService Booking => Harness.Get<BookingService>();

    // Tanvir's Wednesday: 09:00-13:00 in 30-minute slots of one seat.
    private static DateTime Wednesday(int hour, int minute = 0) => ClinicPeople.WednesdayNine.AddHours(hour - 9).AddMinutes(minute);

    private async Task<Guid> TypeAsync(string name, int minutes, int buffer = 0, Guid? doctorId = null)
    {
        var owner = await Harness.ActorAsync("owner@gomoti.example");
        var saved = await Harness.Get<AppointmentTypes>().SaveAsync(owner, null,
            new AppointmentTypeDetails(name, minutes, 2000m, "#6D4C41", buffer, false, true, [doctorId ?? People.TanvirId]));
        saved.Succeeded.Should().BeTrue(saved.Error);
        return saved.Value;
    }

    private async Task<List<(DateTime Start, int Seat, Guid AppointmentId)>> SeatsAsync(Guid doctorId)
    {
        await using var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var rows = await db.Seats.Where(s => s.DoctorId == doctorId).OrderBy(s => s.StartUtc).ToListAsync();
        return [.. rows.Select(s => (DateTime.SpecifyKind(s.StartUtc, DateTimeKind.Utc), s.SeatNumber, s.AppointmentId))];
    }

    private async Task<Dictionary<string, Slot>> WednesdayAsync(VisitLength? length = null) =>
        (await Harness.Get<AvailabilityQueries>().ForDoctorAsync(People.TanvirId, new DateOnly(2026, 11, 25), 1, length: length))!
            .Slots.ToDictionary(s => s.LocalStart.ToString("HH:mm"));

    [Fact]
    public async Task A_sixty_minute_type_on_a_thirty_minute_doctor_holds_both_slots_and_a_visit_in_the_second_is_refused()
    {
        var stress = await TypeAsync("Stress test", 60);

        var booked = await Booking.BookAsync(People.Ayesha, new BookingRequest(People.TanvirId, Wednesday(10), stress));
        var second = await Booking.BookAsync(People.Rahim, new BookingRequest(People.TanvirId, Wednesday(10, 30)));

        booked.Succeeded.Should().BeTrue(booked.Error);
        booked.Value!.LocalEnd.ToString("HH:mm").Should().Be("11:00");
        second.Code.Should().Be(RefusalCodes.SlotFull);
        (await SeatsAsync(People.TanvirId)).Should().Equal((Wednesday(10), 1, booked.Value.AppointmentId), (Wednesday(10, 30), 1, booked.Value.AppointmentId));
        var day = await WednesdayAsync();
        day["10:00"].State.Should().Be(SlotState.Full);
        day["10:30"].State.Should().Be(SlotState.Full, "the second half of the visit holds it");
        await using var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        (await db.Appointments.SingleAsync(a => a.Id == booked.Value.AppointmentId)).EndUtc.Should().Be(Wednesday(11));
    }

    [Fact]
    public async Task A_long_type_where_the_next_slot_is_taken_is_refused_with_the_reason_and_nothing_is_saved()
    {
        var stress = await TypeAsync("Stress test", 60);
        await People.RequestAsync(Harness, Wednesday(10, 30));

        var refused = await Booking.BookAsync(People.Rahim, new BookingRequest(People.TanvirId, Wednesday(10), stress));
        var pastTheHours = await Booking.BookAsync(People.Rahim, new BookingRequest(People.TanvirId, Wednesday(12, 30), stress));

        refused.Code.Should().Be(RefusalCodes.DoesNotFit);
        refused.Error.Should().Be("Needs 60 min: 10:30 is not free.");
        pastTheHours.Error.Should().Be("Needs 60 min: it would run past the doctor's hours (until 13:30).");
        (await SeatsAsync(People.TanvirId)).Should().ContainSingle();
    }

    [Fact]
    public async Task Availability_for_a_type_opens_only_the_starts_where_it_fits()
    {
        var stress = await TypeAsync("Stress test", 60);
        await People.RequestAsync(Harness, Wednesday(10, 30));

        var day = await WednesdayAsync(new VisitLength(60, 0));

        day.Where(d => d.Value.IsBookable).Select(d => d.Key).Should().Equal("09:00", "09:30", "11:00", "11:30", "12:00");
        day["10:00"].Reason.Should().Be("Needs 60 min: 10:30 is not free.");
        day["12:30"].State.Should().Be(SlotState.DoesNotFit);
        day["09:00"].LocalEnd.ToString("HH:mm").Should().Be("10:00");
    }

    [Fact]
    public async Task The_buffer_holds_the_slot_after_a_short_visit()
    {
        var ecgWithBuffer = await TypeAsync("Holter fitting", 20, buffer: 15);

        var booked = await Booking.BookAsync(People.Ayesha, new BookingRequest(People.TanvirId, Wednesday(9), ecgWithBuffer));
        var next = await Booking.BookAsync(People.Rahim, new BookingRequest(People.TanvirId, Wednesday(9, 30)));

        booked.Succeeded.Should().BeTrue(booked.Error);
        booked.Value!.LocalEnd.ToString("HH:mm").Should().Be("09:30");
        next.Code.Should().Be(RefusalCodes.SlotFull, "09:30 is kept free after the visit");
        (await SeatsAsync(People.TanvirId)).Select(s => s.Start).Should().Equal(Wednesday(9), Wednesday(9, 30));
    }

    [Fact]
    public async Task Cancelling_a_long_visit_frees_every_slot_it_held()
    {
        var stress = await TypeAsync("Stress test", 60);
        var booked = await Booking.BookAsync(People.Sadia, new BookingRequest(People.TanvirId, Wednesday(11), stress, PatientUserId: People.Ayesha.UserId));

        var cancelled = await Booking.CancelAsync(People.Sadia, booked.Value!.AppointmentId, null, "The treadmill is broken.");

        cancelled.Succeeded.Should().BeTrue(cancelled.Error);
        (await SeatsAsync(People.TanvirId)).Should().BeEmpty();
        var day = await WednesdayAsync();
        day["11:00"].IsBookable.Should().BeTrue();
        day["11:30"].IsBookable.Should().BeTrue();
    }

    [Fact]
    public async Task A_long_visit_moves_half_an_hour_onto_its_own_second_slot_and_keeps_its_length()
    {
        var stress = await TypeAsync("Stress test", 60);
        var booked = await Booking.BookAsync(People.Sadia, new BookingRequest(People.TanvirId, Wednesday(9), stress, PatientUserId: People.Ayesha.UserId));
        var id = booked.Value!.AppointmentId;

        var moved = await Booking.RescheduleAsync(People.Sadia, id, null, Wednesday(9, 30));
        var blocked = await Booking.BookAsync(People.Rahim, new BookingRequest(People.TanvirId, Wednesday(10)));

        moved.Succeeded.Should().BeTrue(moved.Error);
        (await SeatsAsync(People.TanvirId)).Should().Equal((Wednesday(9, 30), 1, id), (Wednesday(10), 1, id));
        blocked.Code.Should().Be(RefusalCodes.SlotFull);
        (await WednesdayAsync())["09:00"].IsBookable.Should().BeTrue("the slot it left is free again");
    }

    [Fact]
    public async Task A_move_that_the_visit_no_longer_fits_is_refused_and_leaves_it_where_it_was()
    {
        var stress = await TypeAsync("Stress test", 60);
        var booked = await Booking.BookAsync(People.Sadia, new BookingRequest(People.TanvirId, Wednesday(9), stress, PatientUserId: People.Ayesha.UserId));
        await People.RequestAsync(Harness, Wednesday(11, 30));

        var refused = await Booking.RescheduleAsync(People.Sadia, booked.Value!.AppointmentId, null, Wednesday(11));

        refused.Code.Should().Be(RefusalCodes.DoesNotFit);
        (await SeatsAsync(People.TanvirId)).Where(s => s.AppointmentId == booked.Value.AppointmentId).Select(s => s.Start)
            .Should().Equal(Wednesday(9), Wednesday(9, 30));
    }

    [Fact]
    public async Task On_the_shared_session_a_type_longer_than_the_hour_is_refused()
    {
        var farhanaId = await Harness.DoctorIdAsync("farhana.rahman@gomoti.example");
        var long90 = await TypeAsync("Day-care infusion", 90, doctorId: farhanaId);
        var mondayFive = new DateTime(2026, 11, 30, 11, 0, 0, DateTimeKind.Utc);

        var refused = await Booking.BookAsync(People.Ayesha, new BookingRequest(farhanaId, mondayFive, long90));

        refused.Code.Should().Be(RefusalCodes.DoesNotFit);
        refused.Error.Should().Be("Needs 90 min: a shared 60-minute session must hold the whole visit.");
    }

    [Fact]
    public async Task Patients_racing_for_overlapping_long_visits_leave_one_visit_and_every_slot_held_once()
    {
        var stress = await TypeAsync("Stress test", 60);
        var actors = Harness.Get<AppointmentActors>();
        var racers = await Task.WhenAll((await Harness.CreatePatientsAsync(12)).Select(p => actors.ResolveAsync(p)));
        using var gate = new ManualResetEventSlim();
        using var races = new SeatRaceCounter(Harness.Services);

        // Half want 10:00-11:00, a third 10:30-11:30 (both hold 10:30), the rest a single 10:30.
        var attempts = racers.Select((patient, i) => Task.Run(async () =>
        {
            gate.Wait();
            var request = (i % 3) switch
            {
                0 => new BookingRequest(People.TanvirId, Wednesday(10), stress),
                1 => new BookingRequest(People.TanvirId, Wednesday(10, 30), stress),
                _ => new BookingRequest(People.TanvirId, Wednesday(10, 30)),
            };
            return await Booking.BookAsync(patient, request);
        })).ToList();
        gate.Set();
        var results = await Task.WhenAll(attempts);

        output.WriteLine($"{Harness.Database.Provider}: {racers.Length} overlapping bookings, {races.Lost} seat races lost and retried.");
        results.Count(r => r.Succeeded).Should().Be(1, "every request holds 10:30");
        results.Where(r => !r.Succeeded).Should().OnlyContain(r => r.Code == RefusalCodes.SlotFull || r.Code == RefusalCodes.DoesNotFit);
        var seats = await SeatsAsync(People.TanvirId);
        seats.Should().OnlyHaveUniqueItems(s => s.Start);
        seats.Select(s => s.AppointmentId).Distinct().Should().ContainSingle();
        seats.Should().Contain(s => s.Start == Wednesday(10, 30));
    }
}
