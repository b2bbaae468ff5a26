using Bunit;
using Clinic.Data.Booking;
using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Data.Series;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Clinic.Web.Components.Appointments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Clinic.Tests.Components;

/// <summary>The series dialog: every visit checked and shown before anything is saved; a conflict's alternative kept or dropped; the rest booked together.</summary>
public sealed class SeriesDialogTests : DemoClinicTests
{
    // The harness clock: Monday 23 November 2026, 15:00 in Dhaka. Dr. Tanvir Ahmed: Sun–Thu 09:00–13:00.
    private BunitContext context = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        context = MudTestContext.Create(out _, Harness.Clock);
        context.Services.AddSingleton(Harness.Get<SeriesBooking>());
        context.SignInActing(Harness, People.Sadia, ClinicRoles.Staff);
    }

    public override async Task DisposeAsync()
    {
        await context.DisposeAsync();
        await base.DisposeAsync();
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync()
    {
        var first = (await Harness.Get<AvailabilityQueries>().ForDoctorAsync(People.TanvirId, new DateOnly(2026, 11, 25), 1))!.Slots.Single(s => s.StartUtc == ClinicPeople.WednesdayNine);
        var ayesha = (await Harness.Get<AppointmentQueries>().PatientChoiceAsync(People.Sadia, People.Ayesha.UserId))!;
        var provider = context.Render<MudDialogProvider>();
        IDialogReference? dialog = null;
        await provider.InvokeAsync(async () => dialog = await context.Services.GetRequiredService<IDialogService>().ShowAsync<SeriesDialog>("Series",
            new DialogParameters<SeriesDialog> { { d => d.First, first }, { d => d.DoctorName, "Dr. Tanvir Ahmed" }, { d => d.ForPatient, ayesha } }));
        provider.WaitForElement("[data-testid=series-check]");
        return (provider, dialog!);
    }

    [Fact]
    public async Task A_conflict_is_shown_with_its_alternative_and_dropping_it_books_only_the_free_visits()
    {
        await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine.AddDays(7), People.Rahim);
        var (provider, dialog) = await OpenAsync();

        provider.Find("input[data-testid=series-count]").Input("3");
        await provider.InvokeAsync(() => provider.Find("[data-testid=series-check]").Click());

        provider.WaitForAssertion(() => provider.FindAll("[data-testid=series-row]").Select(r => r.GetAttribute("data-free")).Should().Equal("true", "false", "true"));
        provider.FindAll("[data-testid=series-row]")[1].TextContent.Should().Contain("Already booked").And.Contain("Instead: Wed 2 Dec, 09:30");
        provider.Find("[data-testid=series-book]").TextContent.Trim().Should().Be("Book 3 visits", "the alternative is kept unless dropped");

        provider.Find("input[data-testid=series-alternative]").Change(false);
        provider.Find("[data-testid=series-book]").TextContent.Trim().Should().Be("Book 2 visits");
        await provider.InvokeAsync(() => provider.Find("[data-testid=series-book]").Click());

        var booked = (SeriesBooked)(await dialog.Result)!.Data!;
        await using var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        (await db.Appointments.Where(a => a.SeriesId == booked.SeriesId).OrderBy(a => a.StartUtc).Select(a => a.StartUtc).ToListAsync())
            .Should().Equal(ClinicPeople.WednesdayNine, ClinicPeople.WednesdayNine.AddDays(14));
    }

    [Fact]
    public async Task Nothing_is_booked_before_every_visit_was_checked()
    {
        var (provider, _) = await OpenAsync();

        provider.Find("[data-testid=series-book]").HasAttribute("disabled").Should().BeTrue();
        await using var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        (await db.Appointments.CountAsync(a => a.SeriesId != null)).Should().Be(0);
    }
}
