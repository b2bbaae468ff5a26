using Clinic.Data.Booking;
using Clinic.Data.Persistence;
using Clinic.Tests.Support;
using Clinic.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Tests.Data.Notifications;

/// <summary>
/// What a change writes for others to read later (the team's notices, the emails) is in the clinic's
/// working language and formats, whatever language the person making the change reads the pages in.
/// </summary>
public sealed class StoredTextLanguageTests : IAsyncLifetime
{
    // The harness clock: Monday 23 November 2026, 15:00 in Dhaka.
    private readonly DataHarness harness = new();
    private static readonly DateTime TuesdayNine = new(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc);

    public Task InitializeAsync() => harness.InitializeAsync();

    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task A_booking_made_on_a_Bangla_page_tells_the_clinic_in_English()
    {
        var tanvir = await harness.DoctorIdAsync("tanvir.ahmed@gomoti.example");
        var ayesha = await harness.Get<AppointmentActors>().ResolveAsync(await harness.ActorAsync("ayesha@patients.example"));
        using (LanguageScope.For("bn"))
            (await harness.Get<BookingService>().BookAsync(ayesha, new BookingRequest(tanvir, TuesdayNine))).Succeeded.Should().BeTrue();

        await using var db = await harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var notices = await db.Notifications.Select(n => n.Title + " " + n.Text).ToListAsync();
        var mails = await db.Outbox.Select(m => m.Subject + " " + m.Body).ToListAsync();
        notices.Should().NotBeEmpty();
        notices.Concat(mails).Should().OnlyContain(text => !text.Any(c => c >= '\u0980' && c <= '\u09FF'), "no Bangla letter in what the team reads");
        notices.Should().Contain(text => text.Contains("Tue 24 Nov 2026, 09:00"));
    }
}
