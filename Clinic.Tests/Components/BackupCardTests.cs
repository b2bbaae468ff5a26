using Bunit;
using Clinic.Data.Backups;
using Clinic.Data.Overview;
using Clinic.Tests.Support;
using Clinic.Web.Components.Pages.Owner;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clinic.Tests.Components;

/// <summary>The owner sees when the clinic's data was last copied, a failed copy said plainly, and makes one on demand.</summary>
[Trait("Engine", "Sqlite")]
public sealed class BackupCardTests : IAsyncLifetime
{
    private readonly DataHarness data = new(seedDemo: true, new Dictionary<string, string?> { ["Clinic:Storage:Provider"] = "Sqlite" });

    public Task InitializeAsync() => data.InitializeAsync();

    public Task DisposeAsync() => data.DisposeAsync();

    /// <summary>What the card reads, from the harness's data layer.</summary>
    internal static void AddBackups(BunitContext context, DataHarness data)
    {
        context.Services.AddSingleton(data.Get<DatabaseBackups>());
        context.Services.AddSingleton(data.Get<BackupStatus>());
        context.Services.AddSingleton(data.Get<IOptions<BackupOptions>>());
        context.Services.AddSingleton(data.Get<ClinicOverview>());
    }

    [Fact]
    public async Task A_copy_made_on_demand_is_shown_on_the_clinic_s_clock_and_a_failed_one_is_said()
    {
        await using var context = MudTestContext.Create(out _);
        AddBackups(context, data);
        var card = context.Render<BackupCard>();
        card.WaitForAssertion(() => card.Find("[data-testid=backup-latest]").TextContent.Should().Contain("No copy yet: the first is made at 02:30 tonight"));
        card.Markup.Should().Contain("each night at 02:30 (Dhaka time)").And.Contain(data.Get<DatabaseBackups>().Folder);

        await card.InvokeAsync(() => card.Find("[data-testid=backup-now]").ClickAsync(new()));

        // The harness's clock is 09:00 UTC on Mon 23 Nov: 15:00 in Dhaka.
        card.WaitForAssertion(() => card.Find("[data-testid=backup-latest]").TextContent.Should().Contain("Latest copy: Mon 23 Nov 2026, 15:00").And.Contain("1 copy kept"));
        card.FindAll("[data-testid=backup-failed]").Should().BeEmpty();

        // The night's copy fails while the page stays open: it says so without a reload.
        data.Get<BackupStatus>().Failed(new DateTime(2026, 11, 23, 20, 30, 0, DateTimeKind.Utc), "No space left on device");
        card.WaitForAssertion(() => card.Find("[data-testid=backup-failed]").TextContent.Should()
            .Contain("The copy tried Tue 24 Nov 2026, 02:30 failed: No space left on device").And.Contain("tried again every hour"));
    }

    [Fact]
    public async Task A_copy_made_while_the_page_is_open_shows_on_it_and_a_closed_page_hears_no_more()
    {
        await using var context = MudTestContext.Create(out _);
        AddBackups(context, data);
        var card = context.Render<BackupCard>();
        card.WaitForAssertion(() => card.Find("[data-testid=backup-latest]").TextContent.Should().Contain("No copy yet"));

        // The nightly worker (or another owner) makes a copy: not this page's click.
        data.Clock.Advance(TimeSpan.FromHours(11.5));
        await data.Get<DatabaseBackups>().MakeAsync();

        card.WaitForAssertion(() => card.Find("[data-testid=backup-latest]").TextContent.Should().Contain("Latest copy: Tue 24 Nov 2026, 02:30").And.Contain("1 copy kept"));
        card.Instance.Dispose();
        var listening = typeof(BackupStatus).GetField(nameof(BackupStatus.Changed), System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.GetValue(data.Get<BackupStatus>());
        listening.Should().BeNull("a page gone no longer listens");
    }
}
