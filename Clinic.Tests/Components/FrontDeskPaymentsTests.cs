using Bunit;
using Clinic.Data.Booking;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Clinic.Web.Components.Live;
using Clinic.Web.Components.Pages.Appointments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace Clinic.Tests.Components;

/// <summary>At the front desk a row says what is due; the payment dialog refuses a wrong amount in place and, once taken, the row and the day's takings show it.</summary>
public sealed class FrontDeskPaymentsTests : IAsyncLifetime
{
    // The harness clock: Monday 23 Nov 2026, 15:00 in Dhaka. Dr. Farhana Rahman (fee BDT 800) sees patients from 17:00.
    private static readonly DateTime FiveInDhaka = new(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc);

    private readonly Clinic.Web.Live.ClinicEventHub hub = new(Microsoft.Extensions.Logging.Abstractions.NullLogger<Clinic.Web.Live.ClinicEventHub>.Instance);
    private readonly DataHarness harness;

    public FrontDeskPaymentsTests() => harness = new DataHarness { LiveHub = hub };

    public Task InitializeAsync() => harness.InitializeAsync();
    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task The_desk_sees_what_is_due_is_told_in_the_dialog_when_the_amount_is_too_much_and_then_sees_it_paid()
    {
        var people = await ClinicPeople.LoadAsync(harness);
        var farhanaId = await harness.DoctorIdAsync("farhana.rahman@gomoti.example");
        (await harness.Get<BookingService>().BookAsync(people.Sadia, new BookingRequest(farhanaId, FiveInDhaka, PatientUserId: people.Ayesha.UserId))).Succeeded.Should().BeTrue();
        var clock = new FakeTimeProvider(harness.Clock.GetUtcNow());
        await using var context = MudTestContext.Create(hub, clock);
        context.Services.AddSingleton(harness.Get<AppointmentQueries>());
        context.Services.AddSingleton(harness.Get<Clinic.Data.Branches.BranchAdministration>());
        context.Services.AddSingleton(harness.Get<BookingService>());
        context.SignInActing(harness, people.Sadia, ClinicRoles.Staff);
        var dialogs = context.Render<MudDialogProvider>();
        var page = context.Render<FrontDesk>();
        page.WaitForAssertion(() => page.Find("[data-testid=payment-state]").Shown().Should().Be("Due BDT 800"));
        page.Find("[data-testid=takings]").Shown().Should().Contain("BDT 0").And.Contain("No payments yet today.");

        // The click waits for the dialog to close, so it is not awaited here.
        var clicked = page.Find("[data-testid=visit-take-payment]").ClickAsync(new());
        dialogs.WaitForElement("[data-testid=payment-dialog]");
        dialogs.Find("input[data-testid=payment-amount]").GetAttribute("value").Should().Be("800", "the whole fee is offered");
        dialogs.Find("input[data-testid=payment-amount]").Input("1000");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=payment-save]").Click());
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=payment-error]").Shown().Should().Be("Only BDT 800 is still due; take at most that."));
        dialogs.Find("input[data-testid=payment-amount]").Input("800");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=payment-save]").Click());
        clock.Advance(LiveEvents<Clinic.Domain.Events.ClinicEvent>.CoalesceWindow);

        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid=payment-dialog]").Should().BeEmpty());
        await clicked;
        page.WaitForAssertion(() => page.Find("[data-testid=payment-state]").Shown().Should().Be("Paid"));
        page.Find("[data-testid=takings-total]").Shown().Should().Be("BDT 800");
        page.Find("[data-testid=takings-method]").Shown().Should().Be("Cash (1) BDT 800");
        page.FindAll("[data-testid=visit-take-payment]").Should().BeEmpty();
    }

    [Fact]
    public async Task Beside_today_s_visit_the_desk_sees_what_the_patient_owes_from_an_earlier_visit_with_their_file_a_tap_away()
    {
        var people = await ClinicPeople.LoadAsync(harness);
        var farhanaId = await harness.DoctorIdAsync("farhana.rahman@gomoti.example");
        var booking = harness.Get<BookingService>();
        var monday = (await booking.BookAsync(people.Sadia, new BookingRequest(farhanaId, FiveInDhaka, PatientUserId: people.Ayesha.UserId))).Value!.AppointmentId;
        harness.Clock.SetUtcNow(FiveInDhaka.AddMinutes(5));
        foreach (var _ in Enumerable.Range(0, 3))
            (await booking.AdvanceStageAsync(people.Sadia, monday, null)).Succeeded.Should().BeTrue();
        // Wednesday: Dr. Farhana Rahman's next evening, and Ayesha is booked again.
        harness.Clock.SetUtcNow(FiveInDhaka.AddDays(2).AddHours(-4));
        (await booking.BookAsync(people.Sadia, new BookingRequest(farhanaId, FiveInDhaka.AddDays(2), PatientUserId: people.Ayesha.UserId))).Succeeded.Should().BeTrue();
        await using var context = MudTestContext.Create(hub, new FakeTimeProvider(harness.Clock.GetUtcNow()));
        context.Services.AddSingleton(harness.Get<AppointmentQueries>());
        context.Services.AddSingleton(harness.Get<Clinic.Data.Branches.BranchAdministration>());
        context.Services.AddSingleton(harness.Get<BookingService>());
        context.SignInActing(harness, people.Karim, ClinicRoles.Staff);

        var page = context.Render<FrontDesk>();

        page.WaitForAssertion(() => page.Find("[data-testid=visit-owed-before]").Shown().Should().Be("+ BDT 800 from before"));
        page.Find("[data-testid=visit-owed-before]").GetAttribute("href").Should().Be($"/clinic/patients/{people.Ayesha.UserId}");
        page.Find("[data-testid=payment-state]").Shown().Should().Be("Due BDT 800", "today's visit is owed apart");
    }
}
