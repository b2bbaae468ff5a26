using System.Data.Common;
using Bunit;
using Clinic.Data.Booking;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Clinic.Web.Components.Live;
using Clinic.Web.Components.Pages.Appointments;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Tests.Components;

/// <summary>The page that made a change reloads once: from the change's own announcement, not also by itself.</summary>
public sealed class OwnChangeReloadTests : IAsyncLifetime
{
    /// <summary>Counts the statements that read: those of an appointment with its history (one per change, one per reload of the appointment page), and all.</summary>
    private sealed class Reads : DbCommandInterceptor
    {
        private int history;
        private int all;

        public int History => Volatile.Read(ref history);

        public int All => Volatile.Read(ref all);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref all);
                if (command.CommandText.Contains("\"AppointmentHistory\"", StringComparison.Ordinal))
                    Interlocked.Increment(ref history);
            }
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private readonly Reads reads = new();
    private readonly Clinic.Web.Live.ClinicEventHub hub = new(Microsoft.Extensions.Logging.Abstractions.NullLogger<Clinic.Web.Live.ClinicEventHub>.Instance);
    private readonly DataHarness harness;

    public OwnChangeReloadTests() => harness = new DataHarness(interceptor: reads) { LiveHub = hub };

    public Task InitializeAsync() => harness.InitializeAsync();
    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task Confirming_on_the_appointment_page_reloads_it_once_and_shows_the_new_state()
    {
        var people = await ClinicPeople.LoadAsync(harness);
        var id = await people.RequestAsync(harness, ClinicPeople.WednesdayNine);
        var clock = new FakeTimeProvider();
        await using var context = MudTestContext.Create(hub, clock);
        context.Services.AddSingleton(harness.Get<AppointmentQueries>());
        context.Services.AddSingleton(harness.Get<BookingService>());
        context.Services.AddSingleton(harness.Get<Clinic.Data.Waitlist.WaitlistService>());
        context.Services.AddSingleton(harness.Get<Clinic.Data.Series.SeriesChanges>());
        context.SignInActing(harness, people.Sadia, ClinicRoles.Staff);
        var page = context.Render<AppointmentDetailPage>(p => p.Add(d => d.AppointmentId, id));
        page.WaitForElement("[data-testid=detail-confirm]");
        var before = reads.History;

        await page.Find("[data-testid=detail-confirm]").ClickAsync(new());
        clock.Advance(LiveEvents<Clinic.Domain.Events.ClinicEvent>.CoalesceWindow);

        page.WaitForAssertion(() => page.Find("[data-testid=status-badge]").GetAttribute("data-status").Should().Be("Confirmed"));
        clock.Advance(LiveEvents<Clinic.Domain.Events.ClinicEvent>.CoalesceWindow * 10);
        (reads.History - before).Should().Be(2, "one read by the confirmation itself and one reload of the page, not two");
    }

    [Fact]
    public async Task Moving_a_visit_on_at_the_front_desk_reloads_the_desk_once()
    {
        var people = await ClinicPeople.LoadAsync(harness);
        var id = await people.BookConfirmedAsync(harness, ClinicPeople.WednesdayNine);
        harness.Clock.SetUtcNow(ClinicPeople.WednesdayNine.AddMinutes(-30));
        var booking = harness.Get<BookingService>();
        var queries = harness.Get<AppointmentQueries>();
        // What the change reads by itself, and what one reload of the desk reads (nobody listens yet).
        var start = reads.All;
        (await booking.AdvanceStageAsync(people.Sadia, id, null)).Succeeded.Should().BeTrue();
        var change = reads.All - start;

        var clock = new FakeTimeProvider(harness.Clock.GetUtcNow());
        await using var context = MudTestContext.Create(hub, clock);
        context.Services.AddSingleton(queries);
        context.Services.AddSingleton(harness.Get<Clinic.Data.Branches.BranchAdministration>());
        context.Services.AddSingleton(booking);
        context.SignInActing(harness, people.Sadia, ClinicRoles.Staff);
        var page = context.Render<FrontDesk>();
        page.WaitForAssertion(() => page.Find("[data-testid=visit-stage]").GetAttribute("data-stage").Should().Be("Waiting"));
        page.Find("[data-testid=visit-in-line]").Shown().Should().StartWith("Next · since ");
        var before = reads.All;

        await page.Find("[data-testid=visit-next]").ClickAsync(new());
        clock.Advance(LiveEvents<Clinic.Domain.Events.ClinicEvent>.CoalesceWindow);

        page.WaitForAssertion(() => page.Find("[data-testid=visit-stage]").GetAttribute("data-stage").Should().Be("InConsultation"));
        page.FindAll("[data-testid=visit-in-line]").Should().BeEmpty("nobody is waiting now");
        clock.Advance(LiveEvents<Clinic.Domain.Events.ClinicEvent>.CoalesceWindow * 10);
        var onPage = reads.All - before;
        // What one reload of the desk reads as it now stands (nobody listens to this one).
        var atRest = reads.All;
        await queries.FrontDeskAsync(people.Sadia);
        var reload = reads.All - atRest;
        onPage.Should().Be(change + reload, "the change reads what it needs and the desk reloads once, on its announcement");
    }

    [Fact]
    public async Task A_booking_announced_as_two_kinds_of_change_reloads_the_agenda_once()
    {
        var people = await ClinicPeople.LoadAsync(harness);
        var agenda = harness.Get<Clinic.Data.Agenda.AgendaQueries>();
        var today = DateOnly.FromDateTime(Clinic.Domain.Clinics.ClinicTime.LocalOf(harness.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Asia/Dhaka")));
        // What a booking reads by itself, and what one reload of the agenda reads (nobody listens yet;
        // the first booking reads what later ones find cached).
        await people.RequestAsync(harness, ClinicPeople.WednesdayNine.AddHours(1));
        await agenda.DayAsync(people.Sadia, today);
        var start = reads.All;
        await people.RequestAsync(harness, ClinicPeople.WednesdayNine);
        var change = reads.All - start;
        start = reads.All;
        await agenda.DayAsync(people.Sadia, today);
        var reload = reads.All - start;

        var clock = new FakeTimeProvider(harness.Clock.GetUtcNow());
        await using var context = MudTestContext.Create(hub, clock);
        context.Services.AddSingleton(agenda);
        context.Services.AddSingleton(harness.Get<Clinic.Data.Branches.BranchAdministration>());
        context.Services.AddSingleton(harness.Get<BookingService>());
        context.SignInActing(harness, people.Sadia, ClinicRoles.Staff);
        var page = context.Render<Clinic.Web.Components.Pages.Agenda.AgendaPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=agenda-column]").Should().HaveCount(4));
        var before = reads.All;

        // The booking says both that an appointment changed and that the doctor's availability did.
        await people.RequestAsync(harness, ClinicPeople.WednesdayNine.AddMinutes(30));
        clock.Advance(LiveEvents<Clinic.Domain.Events.ClinicEvent>.CoalesceWindow);

        page.WaitForAssertion(() => (reads.All - before).Should().BeGreaterThanOrEqualTo(change + reload));
        clock.Advance(LiveEvents<Clinic.Domain.Events.ClinicEvent>.CoalesceWindow * 10);
        await Task.Delay(100);
        (reads.All - before).Should().Be(change + reload, "the agenda listens to both kinds through one subscription: one reload per burst, never two side by side");
    }

    [Fact]
    public async Task A_refused_change_at_the_front_desk_says_why_and_shows_what_changed_instead()
    {
        var people = await ClinicPeople.LoadAsync(harness);
        var id = await people.BookConfirmedAsync(harness, ClinicPeople.WednesdayNine);
        harness.Clock.SetUtcNow(ClinicPeople.WednesdayNine.AddMinutes(-30));
        var clock = new FakeTimeProvider(harness.Clock.GetUtcNow());
        await using var context = MudTestContext.Create(out _, clock);
        context.Services.AddSingleton(harness.Get<AppointmentQueries>());
        context.Services.AddSingleton(harness.Get<BookingService>());
        context.Services.AddSingleton(harness.Get<Clinic.Data.Branches.BranchAdministration>());
        context.SignInActing(harness, people.Sadia, ClinicRoles.Staff);
        var page = context.Render<FrontDesk>(); // not listening: only its own reload can show the change
        page.WaitForElement("[data-testid=visit-next]");
        // Karim checks her in from another desk first; this page still offers "Check in".
        (await harness.Get<BookingService>().AdvanceStageAsync(people.Karim, id, null)).Succeeded.Should().BeTrue();

        await page.Find("[data-testid=visit-next]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=visit-stage]").GetAttribute("data-stage").Should().Be("Waiting"));
        context.Services.GetRequiredService<MudBlazor.ISnackbar>().ShownSnackbars.Select(s => s.Message)
            .Should().Equal(BookingService.ChangedMeanwhile);
    }
}
