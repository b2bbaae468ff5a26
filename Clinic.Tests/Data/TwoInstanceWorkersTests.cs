using Clinic.Data.Booking;
using Clinic.Data.Messaging;
using Clinic.Data.Persistence;
using Clinic.Data.Waitlist;
using Clinic.Domain.Appointments;
using Clinic.Domain.Waitlist;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Clinic.Tests.Data;

/// <summary>
/// Two app instances on one database, each with its own outbox and waitlist workers, as behind a
/// load balancer: every email goes out once and every freed seat is offered once.
/// </summary>
public sealed class TwoInstanceWorkersTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly DataHarness first = new();
    private DataHarness second = null!;
    private ClinicPeople people = null!;

    private static DateTime Slot(int index) => ClinicPeople.WednesdayNine.AddMinutes(30 * index);

    public async Task InitializeAsync()
    {
        await first.InitializeAsync();
        second = await DataHarness.SecondInstanceAsync(first);
        people = await ClinicPeople.LoadAsync(first);
    }

    public async Task DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync();
    }

    [Fact]
    public async Task Both_instances_dispatching_the_outbox_at_once_send_each_message_once()
    {
        for (var i = 0; i < 8; i++)
            await people.BookConfirmedAsync(first, Slot(i).AddDays(1));
        await using (var db = await first.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
            (await db.Outbox.CountAsync(m => m.Status == Clinic.Domain.Messaging.DeliveryStatus.Pending)).Should().BeGreaterThanOrEqualTo(8);

        var handled = await Task.WhenAll(
            Task.Run(() => first.Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None)),
            Task.Run(() => second.Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None)),
            Task.Run(() => first.Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None)),
            Task.Run(() => second.Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None)));

        var sent = first.Mail.Sent.Concat(second.Mail.Sent).ToList();
        output.WriteLine($"{first.Database.Provider}: instance A sent {first.Mail.Sent.Count}, instance B sent {second.Mail.Sent.Count}.");
        await using var check = await first.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var delivered = await check.Outbox.Where(m => m.Status == Clinic.Domain.Messaging.DeliveryStatus.Sent).CountAsync();
        sent.Should().HaveCount(delivered).And.HaveCount(handled.Sum());
        sent.Select(m => m.MessageId).Should().OnlyHaveUniqueItems("no message went out twice");
        var now = first.Clock.GetUtcNow().UtcDateTime;
        (await check.Outbox.CountAsync(m => m.Status == Clinic.Domain.Messaging.DeliveryStatus.Pending && m.NextAttemptUtc <= now)).Should().Be(0, "only reminders for later are left");
    }

    [Fact]
    public async Task Waitlist_matchers_on_both_instances_at_once_make_each_offer_once()
    {
        for (var i = 0; i < 8; i++)
            await first.BookAsync(people.TanvirId, Slot(i), patientEmail: "jamal@patients.example");
        var mitu = await first.Get<AppointmentActors>().ResolveAsync(await first.ActorAsync("mitu@patients.example"));
        foreach (var patient in new[] { people.Ayesha, people.Rahim, mitu })
        {
            (await first.Get<WaitlistService>().JoinAsync(patient, people.TanvirId, DateOnly.FromDateTime(Slot(0)), DateOnly.FromDateTime(Slot(0)))).Succeeded.Should().BeTrue();
            first.Clock.Advance(TimeSpan.FromSeconds(1));
            second.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        await using (var db = await first.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
        {
            var jamals = await db.Appointments.Where(a => a.StartUtc == Slot(2) || a.StartUtc == Slot(6)).ToListAsync();
            foreach (var appointment in jamals)
                appointment.Cancel(people.Sadia, "Jamal called to cancel.", first.Clock.GetUtcNow().UtcDateTime, 0).Succeeded.Should().BeTrue();
            await db.SaveChangesAsync();
        }
        using var racesOnA = new SeatRaceCounter(first.Services);
        using var racesOnB = new SeatRaceCounter(second.Services);

        var made = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).Get<WaitlistService>().OfferFreedSeatsAsync(people.TanvirId))));

        output.WriteLine($"{first.Database.Provider}: offers made {string.Join(", ", made)}; lost races on A {racesOnA.Lost}, on B {racesOnB.Lost}.");
        made.Sum().Should().Be(2, "two seats were freed");
        await using var check = await first.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var offers = await check.Appointments.AsNoTracking().Where(a => a.Status == AppointmentStatus.Offered).ToListAsync();
        offers.Select(o => o.PatientUserId).Should().BeEquivalentTo([people.Ayesha.UserId, people.Rahim.UserId]);
        offers.Select(o => o.StartUtc).Should().BeEquivalentTo([Slot(2), Slot(6)]);
        (await check.Waitlist.Where(e => e.PatientUserId == mitu.UserId).Select(e => e.Status).SingleAsync()).Should().Be(WaitlistStatus.Waiting);
    }
}
