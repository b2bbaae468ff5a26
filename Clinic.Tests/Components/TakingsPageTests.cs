using Bunit;
using Clinic.Data.Booking;
using Clinic.Data.Overview;
using Clinic.Data.Payments;
using Clinic.Domain.Identity;
using Clinic.Domain.Payments;
using Clinic.Tests.Support;
using Clinic.Web.Components.Live;
using Clinic.Web.Components.Pages.Owner;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Tests.Components;

/// <summary>The owner's takings page: this month by default, a payment taken anywhere shows at once, and a period that cannot be is said so.</summary>
public sealed class TakingsPageTests : IAsyncLifetime
{
    // The harness clock: Monday 23 Nov 2026, 15:00 in Dhaka. Dr. Farhana Rahman (fee BDT 800) sees patients from 17:00.
    private static readonly DateTime FiveInDhaka = new(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc);

    private readonly Clinic.Web.Live.ClinicEventHub hub = new(Microsoft.Extensions.Logging.Abstractions.NullLogger<Clinic.Web.Live.ClinicEventHub>.Instance);
    private readonly DataHarness harness;
    private ClinicPeople people = null!;

    public TakingsPageTests() => harness = new DataHarness { LiveHub = hub };

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        people = await ClinicPeople.LoadAsync(harness);
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    private Bunit.BunitContext Context(FakeTimeProvider clock)
    {
        var context = MudTestContext.Create(hub, clock);
        context.Services.AddSingleton(harness.Get<TakingsQueries>());
        context.Services.AddSingleton(harness.Get<ClinicOverview>());
        context.SignInActing(harness, people.Owner, ClinicRoles.Owner);
        return context;
    }

    [Fact]
    public async Task The_month_so_far_is_shown_first_and_a_payment_taken_at_the_desk_shows_at_once_with_who_took_it()
    {
        var clock = new FakeTimeProvider(harness.Clock.GetUtcNow());
        await using var context = Context(clock);
        var before = (await harness.Get<TakingsQueries>().ReportAsync(people.Owner, TakingsPeriod.MonthSoFar(new DateOnly(2026, 11, 23)))).Value!;

        var page = context.Render<TakingsPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=takings-total]").Shown().Should().Be(Clinic.Domain.Common.Money.Format(before.Total, "BDT")));
        page.Find("[data-testid=takings-download]").GetAttribute("href").Should().Be("/owner/takings.csv?from=2026-11-01&to=2026-11-23");
        page.Find("input[data-testid=takings-from]").GetAttribute("value").Should().Be("1 Nov 2026");
        page.Find("input[data-testid=takings-to]").GetAttribute("value").Should().Be("23 Nov 2026");
        page.FindAll("[data-testid=takings-presets] [aria-pressed=true]").Should().ContainSingle().Which.Shown().Should().Be("This month");

        var farhanaId = await harness.DoctorIdAsync("farhana.rahman@gomoti.example");
        var visit = (await harness.Get<BookingService>().BookAsync(people.Karim, new BookingRequest(farhanaId, FiveInDhaka, PatientUserId: people.Ayesha.UserId))).Value!;
        (await harness.Get<BookingService>().TakePaymentAsync(people.Karim, visit.AppointmentId, null, new PaymentDetails(800, PaymentMethod.Card, "Slip 4417")))
            .Succeeded.Should().BeTrue();
        clock.Advance(LiveEvents<Clinic.Domain.Events.ClinicEvent>.CoalesceWindow);

        page.WaitForAssertion(() => page.Find("[data-testid=takings-total]").Shown().Should().Be(Clinic.Domain.Common.Money.Format(before.Total + 800, "BDT")));
        page.Find("[data-testid=takings-by-desk]").Shown().Should().Contain("Karim Uddin");
        page.FindAll("[data-testid=takings-line-amount]").Select(c => c.Shown()).Should().Contain(s => s.Contains("BDT 800") && s.Contains("Card · Slip 4417"));
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_said_so_and_nothing_is_offered_for_download()
    {
        await using var context = Context(new FakeTimeProvider(harness.Clock.GetUtcNow()));

        context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/owner/takings?from=2026-11-20&to=2026-11-10");

        var page = context.Render<TakingsPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=takings-error]").Shown().Should().Be("The last day is before the first."));
        page.FindAll("[data-testid=takings-download]").Should().BeEmpty();
        page.FindAll("[data-testid=takings-total]").Should().BeEmpty();
    }
}
