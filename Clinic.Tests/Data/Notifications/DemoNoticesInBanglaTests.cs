using System.Globalization;
using Clinic.Data.Persistence;
using Clinic.Data.Seeding;
using Clinic.Tests.Support;
using Clinic.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Tests.Data.Notifications;

/// <summary>
/// Everything the demo clinic's day writes for people to read later (the bell's notices, the emails
/// waiting in the outbox) reads in Bangla for a Bangla reader, down to the last sentence: the day
/// walks the same transitions real use does, so a text added without its Bangla shows up here.
/// </summary>
public sealed class DemoNoticesInBanglaTests : IAsyncLifetime
{
    private readonly DataHarness harness = new();

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 4, 50, 0, TimeSpan.Zero));
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task Every_notice_and_email_of_the_demo_day_is_said_in_Bangla()
    {
        (await harness.Get<DemoActivitySeeder>().SeedAsync()).Should().BeTrue();
        await using var db = await harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var notices = await db.Notifications.Select(n => new[] { n.Title, n.Text }).ToListAsync();
        var emails = await db.Outbox.Select(m => new[] { m.Subject, m.Body }).ToListAsync();
        var written = notices.Concat(emails).SelectMany(texts => texts).Where(text => !string.IsNullOrEmpty(text)).Distinct().ToList();

        written.Should().HaveCountGreaterThan(10);
        using (LanguageScope.For("bn"))
            written.Where(text => Translations.Sentence(text) == text).Should().BeEmpty("each of these has its Bangla in the table");
    }
}
