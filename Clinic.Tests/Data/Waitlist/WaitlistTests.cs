using Clinic.Data.Booking;
using Clinic.Data.Notifications;
using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Data.Waitlist;
using Clinic.Domain.Appointments;
using Clinic.Domain.Messaging;
using Clinic.Domain.Notifications;
using Clinic.Domain.Scheduling;
using Clinic.Domain.Waitlist;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Tests.Data.Waitlist;

/// <summary>A full day, patients waiting, and seats that free up: offered in order, held, accepted or passed on, never twice.</summary>
public sealed class WaitlistTests : DemoClinicTests
{
    private AppointmentActor mitu = null!;

    /// <summary>Dr. Tanvir's Wednesday 25 Nov: eight one-seat slots, 09:00–12:30 in Dhaka.</summary>
    private static readonly DateOnly Wednesday = new(2026, 11, 25);
    private static DateTime Slot(int index) => ClinicPeople.WednesdayNine.AddMinutes(30 * index);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        mitu = await Harness.Get<AppointmentActors>().ResolveAsync(await Harness.ActorAsync("mitu@patients.example"));
        for (var i = 0; i < 8; i++)
            await Harness.BookAsync(People.TanvirId, Slot(i), patientEmail: "jamal@patients.example");
    }

    private WaitlistService Waitlist => Harness.Get<WaitlistService>();

    private async Task<ClinicDbContext> DbAsync() => await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();

    private async Task<Guid> JamalsAppointmentAsync(int slot)
    {
        await using var db = await DbAsync();
        return await db.Appointments.Where(a => a.StartUtc == Slot(slot)).Select(a => a.Id).SingleAsync();
    }

    private async Task FreeAsync(int slot) =>
        (await Harness.Get<BookingService>().CancelAsync(People.Sadia, await JamalsAppointmentAsync(slot), null, "Jamal called to cancel.")).Succeeded.Should().BeTrue();

    private async Task<List<Appointment>> OffersAsync()
    {
        await using var db = await DbAsync();
        return await db.Appointments.AsNoTracking().Where(a => a.Status == AppointmentStatus.Offered).ToListAsync();
    }

    private async Task<WaitlistStatus> StatusOfAsync(AppointmentActor patient)
    {
        await using var db = await DbAsync();
        return await db.Waitlist.Where(e => e.PatientUserId == patient.UserId).Select(e => e.Status).SingleAsync();
    }

    private async Task JoinInOrderAsync(params AppointmentActor[] patients)
    {
        foreach (var patient in patients)
        {
            (await Waitlist.JoinAsync(patient, People.TanvirId, Wednesday, Wednesday)).Succeeded.Should().BeTrue();
            Harness.Clock.Advance(TimeSpan.FromSeconds(1)); // who came first is part of the test
        }
    }

    [Fact]
    public async Task Joining_is_for_patients_for_full_dates_once_per_doctor_and_date()
    {
        (await Waitlist.JoinAsync(People.Sadia, People.TanvirId, Wednesday, Wednesday)).Error.Should().Be(WaitlistService.OnlyPatients);
        (await Waitlist.JoinAsync(People.Ayesha, People.TanvirId, Wednesday, Wednesday.AddDays(1))).Error
            .Should().Be("Dr. Tanvir Ahmed still has free times on those dates (the first: Thu 26 Nov 2026, 09:00). Book one of those instead.");
        (await Waitlist.JoinAsync(People.Ayesha, People.TanvirId, Wednesday, Wednesday.AddDays(-1))).Error.Should().Be("The last date must be on or after the first.");

        (await Waitlist.JoinAsync(People.Ayesha, People.TanvirId, Wednesday, Wednesday)).Succeeded.Should().BeTrue();
        (await Waitlist.JoinAsync(People.Ayesha, People.TanvirId, Wednesday, Wednesday)).Error
            .Should().Be("You are already on Dr. Tanvir Ahmed's waitlist for some of those dates.");
        var mine = (await Waitlist.MineAsync(People.Ayesha)).Should().ContainSingle().Subject;
        mine.Status.Should().Be(WaitlistStatus.Waiting);
        mine.Position.Should().Be(1);
    }

    [Fact]
    public async Task Only_those_waiting_earlier_for_the_same_dates_are_ahead_in_line()
    {
        for (var i = 0; i < 8; i++)
            await Harness.BookAsync(People.TanvirId, Slot(i).AddDays(7), patientEmail: "jamal@patients.example");
        (await Waitlist.JoinAsync(mitu, People.TanvirId, Wednesday.AddDays(7), Wednesday.AddDays(7))).Succeeded.Should().BeTrue();
        Harness.Clock.Advance(TimeSpan.FromSeconds(1));

        await JoinInOrderAsync(People.Ayesha, People.Rahim);

        (await Waitlist.MineAsync(People.Ayesha)).Single().Position.Should().Be(1, "Mitu came first, but for another Wednesday: a seat freed on this one is Ayesha's");
        (await Waitlist.MineAsync(People.Rahim)).Single().Position.Should().Be(2);
        (await Waitlist.MineAsync(mitu)).Single().Position.Should().Be(1);
    }

    [Fact]
    public async Task A_freed_seat_is_offered_to_the_first_in_line_held_from_everyone_else_and_accepting_makes_a_pending_request()
    {
        await JoinInOrderAsync(People.Ayesha, People.Rahim);
        await FreeAsync(3);

        (await Waitlist.OfferFreedSeatsAsync(People.TanvirId)).Should().Be(1);

        var offer = (await OffersAsync()).Should().ContainSingle().Subject;
        offer.PatientUserId.Should().Be(People.Ayesha.UserId);
        offer.StartUtc.Should().Be(Slot(3));
        offer.OfferExpiresUtc.Should().Be(Harness.Clock.GetUtcNow().UtcDateTime.AddMinutes(30));
        (await StatusOfAsync(People.Rahim)).Should().Be(WaitlistStatus.Waiting);
        var bell = (await Harness.Get<NotificationCenter>().PageAsync(People.Ayesha.Actor, 0, 5)).Items[0];
        bell.Kind.Should().Be(NotificationKind.WaitlistOffer);
        bell.Link.Should().Be($"/appointments/{offer.Id}");
        await using (var db = await DbAsync())
            (await db.Outbox.CountAsync(m => m.Kind == OutboxKind.WaitlistOffer && m.RecipientUserId == People.Ayesha.UserId)).Should().Be(1);
        var day = await Harness.Get<AvailabilityQueries>().ForDoctorAsync(People.TanvirId, Wednesday, 1);
        day!.Slots.Single(s => s.StartUtc == Slot(3)).State.Should().Be(SlotState.Full, "the seat is held for Ayesha");
        (await Harness.Get<BookingService>().BookAsync(mitu, new BookingRequest(People.TanvirId, Slot(3)))).Succeeded.Should().BeFalse();

        (await Waitlist.AcceptAsync(People.Ayesha, offer.Id)).Succeeded.Should().BeTrue();

        await using (var db = await DbAsync())
            (await db.Appointments.SingleAsync(a => a.Id == offer.Id)).Status.Should().Be(AppointmentStatus.Pending);
        (await StatusOfAsync(People.Ayesha)).Should().Be(WaitlistStatus.Booked);
        (await Harness.Get<NotificationCenter>().PageAsync(People.Sadia.Actor, 0, 5)).Items[0].Title.Should().Be("New request to confirm");
    }

    [Fact]
    public async Task An_offer_not_accepted_in_time_lapses_and_the_same_seat_goes_to_the_next_in_line()
    {
        await JoinInOrderAsync(People.Ayesha, People.Rahim);
        await FreeAsync(5);
        await Waitlist.OfferFreedSeatsAsync(People.TanvirId);
        var first = (await OffersAsync()).Single();

        Harness.Clock.Advance(TimeSpan.FromMinutes(29));
        (await Waitlist.LapseExpiredOffersAsync()).Should().Be(0);
        Harness.Clock.Advance(TimeSpan.FromMinutes(1));
        (await Waitlist.LapseExpiredOffersAsync()).Should().Be(1);
        (await Waitlist.OfferFreedSeatsAsync(People.TanvirId)).Should().Be(1);

        var second = (await OffersAsync()).Single();
        second.PatientUserId.Should().Be(People.Rahim.UserId);
        second.StartUtc.Should().Be(Slot(5));
        (await StatusOfAsync(People.Ayesha)).Should().Be(WaitlistStatus.Missed);
        (await Waitlist.AcceptAsync(People.Ayesha, first.Id)).Error.Should().StartWith("This offer is no longer open");
        (await Harness.Get<NotificationCenter>().PageAsync(People.Ayesha.Actor, 0, 5)).Items[0].Title.Should().Be("Offer lapsed");
    }

    [Fact]
    public async Task Declining_passes_the_seat_on_and_nobody_can_answer_another_patients_offer()
    {
        await JoinInOrderAsync(People.Ayesha, People.Rahim);
        await FreeAsync(0);
        await Waitlist.OfferFreedSeatsAsync(People.TanvirId);
        var offer = (await OffersAsync()).Single();

        (await Waitlist.AcceptAsync(People.Rahim, offer.Id)).Error.Should().Be(WaitlistService.NotYourOffer);
        (await Waitlist.DeclineAsync(People.Rahim, offer.Id)).Error.Should().Be(WaitlistService.NotYourOffer);
        (await Waitlist.DeclineAsync(People.Ayesha, offer.Id)).Succeeded.Should().BeTrue();
        (await Waitlist.OfferFreedSeatsAsync(People.TanvirId)).Should().Be(1);

        (await OffersAsync()).Single().PatientUserId.Should().Be(People.Rahim.UserId);
    }

    [Fact]
    public async Task Two_seats_freed_at_once_go_to_the_first_two_in_line_and_no_seat_is_offered_twice()
    {
        await JoinInOrderAsync(People.Ayesha, People.Rahim, mitu);

        await Task.WhenAll(Task.Run(() => FreeAsync(2)), Task.Run(() => FreeAsync(6)));
        var made = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Waitlist.OfferFreedSeatsAsync(People.TanvirId))));

        made.Sum().Should().Be(2);
        var offers = await OffersAsync();
        offers.Select(o => o.PatientUserId).Should().BeEquivalentTo([People.Ayesha.UserId, People.Rahim.UserId]);
        offers.Select(o => o.StartUtc).Should().BeEquivalentTo([Slot(2), Slot(6)]);
        (await StatusOfAsync(mitu)).Should().Be(WaitlistStatus.Waiting);
    }

    [Fact]
    public async Task One_seat_freed_while_several_matchers_run_at_once_is_offered_exactly_once()
    {
        await JoinInOrderAsync(People.Ayesha, People.Rahim);
        await FreeAsync(4);

        var made = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => Waitlist.OfferFreedSeatsAsync(People.TanvirId))));

        made.Sum().Should().Be(1);
        (await OffersAsync()).Should().ContainSingle().Which.PatientUserId.Should().Be(People.Ayesha.UserId);
        (await StatusOfAsync(People.Rahim)).Should().Be(WaitlistStatus.Waiting);
    }

    [Fact]
    public async Task Leaving_while_holding_an_offer_frees_the_seat_for_the_next_in_line()
    {
        await JoinInOrderAsync(People.Ayesha, People.Rahim);
        await FreeAsync(1);
        await Waitlist.OfferFreedSeatsAsync(People.TanvirId);
        var entry = (await Waitlist.MineAsync(People.Ayesha)).Single();
        entry.Status.Should().Be(WaitlistStatus.Offered);

        (await Waitlist.LeaveAsync(People.Ayesha, entry.Id)).Succeeded.Should().BeTrue();
        await Waitlist.OfferFreedSeatsAsync(People.TanvirId);

        (await StatusOfAsync(People.Ayesha)).Should().Be(WaitlistStatus.Left);
        (await OffersAsync()).Single().PatientUserId.Should().Be(People.Rahim.UserId);
    }
}
