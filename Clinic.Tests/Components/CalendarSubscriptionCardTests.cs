using Bunit;
using Clinic.Data.Feeds;
using Clinic.Data.Overview;
using Clinic.Domain.Feeds;
using Clinic.Tests.Support;
using Clinic.Web.Auth;
using Clinic.Web.Components.Feeds;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Components;

public sealed class CalendarSubscriptionCardTests : IAsyncLifetime
{
    private readonly DataHarness data = new();

    public Task InitializeAsync() => data.InitializeAsync();
    public Task DisposeAsync() => data.DisposeAsync();

    private async Task<(BunitContext Context, string AyeshaId)> ContextAsync()
    {
        var ayesha = await data.ActorAsync("ayesha@patients.example");
        var context = MudTestContext.Create(out _, data.Clock);
        context.Services.AddSingleton(data.Get<CalendarFeeds>());
        context.Services.AddSingleton(data.Get<ClinicOverview>());
        context.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new Clinic.Web.Email.EmailOptions { PublicBaseUrl = "https://booking.gomoti.example" }));
        context.Services.AddScoped<CurrentActor>();
        context.SignIn("ayesha@patients.example", "Patient", ayesha.UserId);
        return (context, ayesha.UserId);
    }

    [Fact]
    public async Task The_address_is_shown_once_with_a_copy_button_and_its_date_reads_in_the_clinic_s_zone()
    {
        // 19:00 UTC on 23 Nov is 01:00 on 24 Nov in Dhaka.
        data.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 19, 0, 0, TimeSpan.Zero));
        var (context, ayesha) = await ContextAsync();
        await using var _ = context;
        var card = context.Render<CalendarSubscriptionCard>(p => p.Add(c => c.Subject, FeedSubject.Patient(ayesha)));

        await card.Find("[data-testid=feed-issue]").ClickAsync(new());
        card.WaitForAssertion(() => card.Find("input[data-testid=feed-address]").GetAttribute("value").Should().StartWith("https://booking.gomoti.example/api/v1/feeds/"));
        var address = card.Find("input[data-testid=feed-address]").GetAttribute("value");
        await card.Find("button[aria-label='Copy the address']").ClickAsync(new());
        context.JSInterop.VerifyInvoke("navigator.clipboard.writeText").Arguments.Should().Equal(address);

        var later = context.Render<CalendarSubscriptionCard>(p => p.Add(c => c.Subject, FeedSubject.Patient(ayesha)));
        later.WaitForAssertion(() => later.Find("[data-testid=feed-active]").TextContent.Should().Be("An address is active since 24 Nov 2026."));
    }
}
