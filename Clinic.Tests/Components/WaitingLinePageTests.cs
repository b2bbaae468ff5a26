using Bunit;
using Clinic.Data.Booking;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Clinic.Web.Components.Live;
using Clinic.Web.Components.Pages.Appointments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Tests.Components;

/// <summary>A patient in the waiting room sees on their appointment where they are in line, and moves up live when the one ahead goes in.</summary>
public sealed class WaitingLinePageTests : IAsyncLifetime
{
    // The harness clock: Monday 23 Nov 2026, 15:00 in Dhaka. Dr. Farhana Rahman's shared session starts at 17:00.
    private static readonly DateTime FiveInDhaka = new(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc);

    private readonly Clinic.Web.Live.ClinicEventHub hub = new(Microsoft.Extensions.Logging.Abstractions.NullLogger<Clinic.Web.Live.ClinicEventHub>.Instance);
    private readonly DataHarness harness;

    public WaitingLinePageTests() => harness = new DataHarness { LiveHub = hub };

    public Task InitializeAsync() => harness.InitializeAsync();
    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task Ayesha_reads_2nd_in_line_then_next_to_go_in_when_Rahim_goes_in()
    {
        var people = await ClinicPeople.LoadAsync(harness);
        var booking = harness.Get<BookingService>();
        var farhana = await harness.DoctorIdAsync("farhana.rahman@gomoti.example");
        async Task<Guid> CheckedInAsync(Clinic.Domain.Appointments.AppointmentActor patient, int minutesBeforeFive)
        {
            var id = (await booking.BookAsync(people.Sadia, new BookingRequest(farhana, FiveInDhaka, PatientUserId: patient.UserId))).Value!.AppointmentId;
            harness.Clock.SetUtcNow(FiveInDhaka.AddMinutes(-minutesBeforeFive));
            (await booking.AdvanceStageAsync(people.Sadia, id, null)).Succeeded.Should().BeTrue();
            return id;
        }
        var rahim = await CheckedInAsync(people.Rahim, 20);
        var ayesha = await CheckedInAsync(people.Ayesha, 10);
        var clock = new FakeTimeProvider(harness.Clock.GetUtcNow());
        await using var context = MudTestContext.Create(hub, clock);
        context.Services.AddSingleton(harness.Get<AppointmentQueries>());
        context.Services.AddSingleton(booking);
        context.Services.AddSingleton(harness.Get<Clinic.Data.Waitlist.WaitlistService>());
        context.Services.AddSingleton(harness.Get<Clinic.Data.Series.SeriesChanges>());
        context.SignInActing(harness, people.Ayesha, ClinicRoles.Patient);

        var page = context.Render<AppointmentDetailPage>(p => p.Add(d => d.AppointmentId, ayesha));
        page.WaitForAssertion(() => page.Find("[data-testid=detail-stage]").Shown().Should().Be("Waiting, 2nd in line"));

        (await booking.AdvanceStageAsync(people.Sadia, rahim, null)).Succeeded.Should().BeTrue();
        clock.Advance(LiveEvents<Clinic.Domain.Events.ClinicEvent>.CoalesceWindow);

        page.WaitForAssertion(() => page.Find("[data-testid=detail-stage]").Shown().Should().Be("Waiting, next to go in"));
        page.FindAll("[data-testid=change-notice]").Should().BeEmpty("her own appointment did not change");
    }
}
