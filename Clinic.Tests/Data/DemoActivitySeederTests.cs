using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Data.Seeding;
using Clinic.Domain.Appointments;
using Clinic.Domain.Scheduling;
using Clinic.Domain.Waitlist;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Tests.Data;

/// <summary>
/// The demo clinic a newcomer first sees is in full swing: on a Monday at 10:50 in Dhaka the
/// cardiologist's morning is under way and the evening session is ahead.
/// </summary>
public sealed class DemoActivitySeederTests : IAsyncLifetime
{
    private static readonly DateTimeOffset MondayTenFifty = new(2026, 11, 30, 4, 50, 0, TimeSpan.Zero);
    private static readonly DateOnly Monday = new(2026, 11, 30);

    private readonly DataHarness harness = new();

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        harness.Clock.SetUtcNow(MondayTenFifty);
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    private async Task<ClinicDbContext> DbAsync() => await harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();

    private async Task<List<Appointment>> AppointmentsAsync()
    {
        await using var db = await DbAsync();
        return await db.Appointments.AsNoTracking().ToListAsync();
    }

    private static DateOnly DhakaDate(DateTime utc) => DateOnly.FromDateTime(utc.AddHours(6));

    [Fact]
    public async Task Today_shows_visits_at_every_stage_across_doctors_with_requests_waiting()
    {
        (await harness.Get<DemoActivitySeeder>().SeedAsync()).Should().BeTrue();

        var all = await AppointmentsAsync();
        var today = all.Where(a => DhakaDate(a.StartUtc) == Monday && a.Status is AppointmentStatus.Confirmed or AppointmentStatus.Completed).ToList();
        today.Select(a => a.DoctorId).Distinct().Should().HaveCountGreaterThanOrEqualTo(2, "Dr. Tanvir Ahmed's morning and Dr. Farhana Rahman's evening");
        today.Select(a => a.Stage).Should().Contain([VisitStage.Done, VisitStage.InConsultation, VisitStage.Waiting, VisitStage.Expected]);
        today.Where(a => a.Stage == VisitStage.InConsultation).Should().OnlyContain(a => a.StartUtc <= MondayTenFifty.UtcDateTime && a.EndUtc > MondayTenFifty.UtcDateTime);
        today.Where(a => a.Stage == VisitStage.Done).Should().OnlyContain(a => a.Status == AppointmentStatus.Completed && a.EndUtc <= MondayTenFifty.UtcDateTime);
        all.Count(a => a.Status == AppointmentStatus.Pending && a.StartUtc > MondayTenFifty.UtcDateTime).Should().BeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task The_weeks_before_hold_completed_visits_a_no_show_and_cancellations_with_reasons()
    {
        await harness.Get<DemoActivitySeeder>().SeedAsync();

        var all = await AppointmentsAsync();
        all.Count(a => a.Status == AppointmentStatus.Completed && DhakaDate(a.StartUtc) < Monday).Should().BeGreaterThanOrEqualTo(20);
        all.Should().ContainSingle(a => a.Status == AppointmentStatus.NoShow).Which.StartUtc.Should().BeBefore(MondayTenFifty.UtcDateTime);
        all.Where(a => a.Status == AppointmentStatus.Cancelled).Should().HaveCountGreaterThanOrEqualTo(2)
            .And.OnlyContain(a => !string.IsNullOrWhiteSpace(a.CancelReason));
    }

    [Theory]
    [InlineData(0.0)]       // Monday 10:50
    [InlineData(0.8)]       // Tuesday, early morning
    [InlineData(2.5)]       // Wednesday evening, during the shared session
    [InlineData(3.55)]      // Thursday night, every session over
    [InlineData(4.3)]       // Friday: nobody works
    [InlineData(5.1)]       // Saturday, before opening
    [InlineData(6.6)]       // Sunday late
    public async Task Every_booking_sits_in_a_real_slot_within_its_seats_and_no_patient_is_in_two_places(double daysLater)
    {
        harness.Clock.Advance(TimeSpan.FromDays(daysLater));
        var today = DhakaDate(harness.Clock.GetUtcNow().UtcDateTime);
        (await harness.Get<DemoActivitySeeder>().SeedAsync()).Should().BeTrue();

        var holders = (await AppointmentsAsync()).Where(a => a.Status.HoldsSeat()).ToList();
        var queries = harness.Get<AvailabilityQueries>();
        foreach (var doctor in holders.GroupBy(a => a.DoctorId))
        {
            var slots = (await queries.ForDoctorAsync(doctor.Key, today.AddDays(-15), 23))!.Slots.ToDictionary(s => s.StartUtc);
            foreach (var booking in doctor)
            {
                slots.Should().ContainKey(booking.StartUtc, "a booking stands on a slot of the doctor's schedule");
                var slot = slots[booking.StartUtc];
                // A longer visit holds the slots after its first one too, and ends with the last.
                var held = booking.Seats.Select(s => s.StartUtc).Order().ToList();
                held.Should().OnlyContain(start => slots.ContainsKey(start)).And.Contain(booking.StartUtc);
                held.Zip(held.Skip(1)).All(pair => slots[pair.First].EndUtc == pair.Second).Should().BeTrue("the slots of one visit follow each other");
                booking.EndUtc.Should().Be(slots[held[^1]].EndUtc);
                booking.SeatNumber.Should().BeInRange(1, slot.SeatsTotal);
                slot.State.Should().NotBe(SlotState.Closed);
            }
        }
        holders.Should().ContainSingle(a => a.Seats.Count == 2, "the cardiologist has one exercise stress test ahead, an hour on 30-minute slots");
        foreach (var patient in holders.GroupBy(a => a.PatientUserId))
        {
            var visits = patient.OrderBy(a => a.StartUtc).ToList();
            visits.Zip(visits.Skip(1)).Where(pair => pair.First.EndUtc > pair.Second.StartUtc).Should().BeEmpty("a patient is in one place at a time");
        }
    }

    [Fact]
    public async Task Staff_have_unread_requests_a_question_waits_in_the_chat_and_a_patient_waits_for_a_full_day()
    {
        await harness.Get<DemoActivitySeeder>().SeedAsync();

        var sadia = await harness.ActorAsync("staff1@gomoti.example");
        var ayesha = await harness.ActorAsync("ayesha@patients.example");
        var mitu = await harness.ActorAsync("mitu@patients.example");
        await using var db = await DbAsync();
        (await db.Notifications.CountAsync(n => n.UserId == sadia.UserId && n.ReadUtc == null)).Should().BeGreaterThan(0);

        var lastFromAyesha = await db.ChatMessages.Where(m => m.PatientUserId == ayesha.UserId && !m.FromClinic).MaxAsync(m => m.Id);
        var sadiaRead = await db.ChatReads.Where(r => r.UserId == sadia.UserId && r.PatientUserId == ayesha.UserId).Select(r => r.LastReadMessageId).SingleAsync();
        sadiaRead.Should().BeLessThan(lastFromAyesha, "Ayesha's latest question is unread at the clinic");

        var walkIn = await db.Users.SingleAsync(u => u.FullName == "Abdul Karim");
        (walkIn.Email, walkIn.PasswordHash).Should().Be((null, null), "a walk-in recorded at the front desk has no account");

        var place = await db.Waitlist.SingleAsync();
        place.PatientUserId.Should().Be(mitu.UserId);
        place.Status.Should().Be(WaitlistStatus.Waiting);
        var day = (await harness.Get<AvailabilityQueries>().ForDoctorAsync(place.DoctorId, place.FromDate, 1))!;
        day.Slots.Should().NotBeEmpty().And.OnlyContain(s => s.State == SlotState.Full, "a waitlist place is for a day with no free time");
    }

    [Fact]
    public async Task One_patient_reads_the_clinic_in_Bangla_and_has_visits_to_read_about()
    {
        await harness.Get<DemoActivitySeeder>().SeedAsync();

        await using var db = await DbAsync();
        var readers = await db.Users.Where(u => u.Language != null).Select(u => new { u.Email, u.Language, u.Id }).ToListAsync();
        readers.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Email = DemoActivitySeeder.BanglaReader, Language = "bn" }, o => o.ExcludingMissingMembers());
        (await db.Appointments.CountAsync(a => a.PatientUserId == readers[0].Id)).Should().BeGreaterThan(0, "her pages show a clinic in use");
    }

    [Fact]
    public async Task A_clinic_that_already_has_appointments_is_left_alone()
    {
        await harness.Get<DemoActivitySeeder>().SeedAsync();
        var before = (await AppointmentsAsync()).Count;

        (await harness.Get<DemoActivitySeeder>().SeedAsync()).Should().BeFalse();

        (await AppointmentsAsync()).Should().HaveCount(before);
    }
}
