using System.Data.Common;
using Bunit;
using Clinic.Data.Booking;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Clinic.Web.Auth;
using Clinic.Web.Components.Appointments;
using Clinic.Web.Components.Live;
using Clinic.Web.Components.Pages.Appointments;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Tests.Components;

/// <summary>The page that made a change reloads once: from the change's own announcement, not also by itself.</summary>
public sealed class OwnChangeReloadTests : IAsyncLifetime
{
    /// <summary>Counts reads of an appointment with its history: one per change, one per reload of the appointment page.</summary>
    private sealed class HistoryReads : DbCommandInterceptor
    {
        private int reads;

        public int Count => Volatile.Read(ref reads);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.Ordinal) && command.CommandText.Contains("\"AppointmentHistory\"", StringComparison.Ordinal))
                Interlocked.Increment(ref reads);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private readonly HistoryReads reads = new();
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
        context.Services.AddSingleton(harness.Get<AppointmentActors>());
        context.Services.AddScoped<CurrentActor>();
        context.Services.AddScoped<ActingUser>();
        context.SignIn("Sadia Islam", ClinicRoles.Staff, people.Sadia.UserId);
        var page = context.Render<AppointmentDetailPage>(p => p.Add(d => d.AppointmentId, id));
        page.WaitForElement("[data-testid=detail-confirm]");
        var before = reads.Count;

        await page.Find("[data-testid=detail-confirm]").ClickAsync(new());
        clock.Advance(LiveEvents<Clinic.Domain.Events.ClinicEvent>.CoalesceWindow);

        page.WaitForAssertion(() => page.Find("[data-testid=status-badge]").GetAttribute("data-status").Should().Be("Confirmed"));
        clock.Advance(LiveEvents<Clinic.Domain.Events.ClinicEvent>.CoalesceWindow * 10);
        (reads.Count - before).Should().Be(2, "one read by the confirmation itself and one reload of the page, not two");
    }
}
