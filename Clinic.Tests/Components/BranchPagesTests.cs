using Bunit;
using Clinic.Data.Booking;
using Clinic.Data.Branches;
using Clinic.Data.Doctors;
using Clinic.Data.Scheduling;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Clinic.Web.Components.Pages.Appointments;
using Clinic.Web.Components.Pages.Doctors;
using Clinic.Web.Components.Pages.Staff;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Tests.Components;

/// <summary>
/// Branches on the pages: the front desk works one branch's day (chosen in a tap, kept in the
/// address), and patients narrow the doctors to a branch. The demo clinic has Dhanmondi and Uttara.
/// </summary>
public sealed class BranchPagesTests : IAsyncLifetime
{
    // The harness clock: Monday 23 Nov 2026, 15:00 in Dhaka. Dr. Farhana Rahman (Dhanmondi) sees patients from 17:00.
    private static readonly DateTime FiveInDhaka = new(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc);

    private readonly Clinic.Web.Live.ClinicEventHub hub = new(Microsoft.Extensions.Logging.Abstractions.NullLogger<Clinic.Web.Live.ClinicEventHub>.Instance);
    private readonly DataHarness harness;
    private ClinicPeople people = null!;

    public BranchPagesTests() => harness = new DataHarness { LiveHub = hub };

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        people = await ClinicPeople.LoadAsync(harness);
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    // Ayesha is booked with Dr. Farhana Rahman (Dhanmondi) at 17:00 today; then the front desk as this staff member sees it.
    private async Task<BunitContext> FrontDeskDayAsync(Clinic.Domain.Appointments.AppointmentActor who)
    {
        var farhana = await harness.DoctorIdAsync("farhana.rahman@gomoti.example");
        (await harness.Get<BookingService>().BookAsync(people.Sadia, new BookingRequest(farhana, FiveInDhaka, PatientUserId: people.Ayesha.UserId))).Succeeded.Should().BeTrue();
        var context = MudTestContext.Create(hub, new FakeTimeProvider(harness.Clock.GetUtcNow()));
        context.Services.AddSingleton(harness.Get<AppointmentQueries>());
        context.Services.AddSingleton(harness.Get<BookingService>());
        context.Services.AddSingleton(harness.Get<BranchAdministration>());
        context.SignInActing(harness, who, ClinicRoles.Staff);
        return context;
    }

    [Fact]
    public async Task The_front_desk_shows_one_branch_s_day_when_its_address_names_the_branch_and_a_tap_on_another_moves_the_address()
    {
        await using var context = await FrontDeskDayAsync(people.Sadia);
        var navigation = context.Services.GetRequiredService<NavigationManager>();

        navigation.NavigateTo("/clinic/frontdesk?branch=dhanmondi");
        var page = context.Render<FrontDesk>();
        page.WaitForAssertion(() => page.Find("h4").Shown().Should().Be("Today's visits at Dhanmondi"));
        page.Find("[data-testid=frontdesk-patient]").Shown().Should().Contain("Ayesha Siddiqua");
        page.FindAll("[data-testid=branch-picker] .mud-chip").Select(c => c.Shown()).Should().Equal("All branches", "Dhanmondi", "Uttara");

        await page.InvokeAsync(() => page.FindAll("[data-testid=branch-picker] .mud-chip").Single(c => c.Shown() == "Uttara").Click());
        navigation.Uri.Should().EndWith("/clinic/frontdesk?branch=Uttara");

        navigation.NavigateTo("/clinic/frontdesk?branch=Uttara");
        var uttara = context.Render<FrontDesk>();
        uttara.WaitForAssertion(() => uttara.Find("[data-testid=frontdesk-empty]").Shown().Should().Be("No confirmed visits today."));
        uttara.Find("h4").Shown().Should().Be("Today's visits at Uttara");
    }

    [Fact]
    public async Task A_staff_member_s_front_desk_opens_at_their_own_desk_s_branch_all_shows_every_branch_and_a_mistyped_one_says_so()
    {
        var uttara = (await harness.Get<BranchAdministration>().ListAsync()).Single(b => b.Name == "Uttara").Id;
        (await harness.Get<Clinic.Data.Team.TeamAdministration>().SetDeskAsync(people.Owner.Actor, people.Karim.UserId, uttara)).Succeeded.Should().BeTrue();
        await using var context = await FrontDeskDayAsync(people.Karim);
        var navigation = context.Services.GetRequiredService<NavigationManager>();

        navigation.NavigateTo("/clinic/frontdesk");
        var own = context.Render<FrontDesk>();
        own.WaitForAssertion(() => own.Find("h4").Shown().Should().Be("Today's visits at Uttara"));
        own.FindAll("[data-testid=frontdesk-patient]").Should().BeEmpty("Dr. Farhana Rahman works at Dhanmondi");

        await own.InvokeAsync(() => own.FindAll("[data-testid=branch-picker] .mud-chip").Single(c => c.Shown() == "All branches").Click());
        navigation.Uri.Should().EndWith("/clinic/frontdesk?branch=all");
        var all = context.Render<FrontDesk>();
        all.WaitForAssertion(() => all.Find("h4").Shown().Should().Be("Today's visits"));
        all.Find("[data-testid=frontdesk-patient]").Shown().Should().Contain("Ayesha Siddiqua");
        all.FindAll("[data-testid=branch-unknown]").Should().BeEmpty();

        navigation.NavigateTo("/clinic/frontdesk?branch=Uttra");
        var mistyped = context.Render<FrontDesk>();
        mistyped.WaitForAssertion(() => mistyped.Find("[data-testid=branch-unknown]").Shown().Should().Be("No branch is called “Uttra”, so every branch is shown. Choose one above."));
        mistyped.Find("[data-testid=frontdesk-patient]").Shown().Should().Contain("Ayesha Siddiqua");
    }

    [Fact]
    public async Task A_staff_member_s_home_counts_the_visits_requests_and_doctors_of_their_desk_s_branch()
    {
        var dhanmondi = (await harness.Get<BranchAdministration>().ListAsync()).Single(b => b.Name == "Dhanmondi").Id;
        (await harness.Get<Clinic.Data.Team.TeamAdministration>().SetDeskAsync(people.Owner.Actor, people.Sadia.UserId, dhanmondi)).Succeeded.Should().BeTrue();
        // A request for Dr. Nusrat Jahan at Uttara, beside Ayesha's visit at Dhanmondi.
        var nusrat = await harness.DoctorIdAsync("nusrat.jahan@gomoti.example");
        (await harness.Get<BookingService>().BookAsync(people.Rahim, new BookingRequest(nusrat, new DateTime(2026, 11, 24, 4, 0, 0, DateTimeKind.Utc)))).Succeeded.Should().BeTrue();
        await using var context = await FrontDeskDayAsync(people.Sadia);
        context.Services.AddSingleton(harness.Get<Clinic.Data.Overview.ClinicOverview>());
        context.Services.AddSingleton(harness.Get<DoctorDirectory>());
        var navigation = context.Services.GetRequiredService<NavigationManager>();

        navigation.NavigateTo("/staff");
        var home = context.Render<StaffHome>();
        home.WaitForAssertion(() => home.Find("[data-testid=staff-title]").Shown().Should().Be("Front office at Dhanmondi"));
        home.Find("[data-testid=stat-today] [data-testid=stat-value]").Shown().Should().Be("1");
        home.Find("[data-testid=stat-pending] [data-testid=stat-value]").Shown().Should().Be("0", "the only request is for an Uttara doctor");
        home.Markup.Should().Contain("Dr. Tanvir Ahmed").And.NotContain("Dr. Nusrat Jahan");

        navigation.NavigateTo("/staff?branch=Uttara");
        var uttara = context.Render<StaffHome>();
        uttara.WaitForAssertion(() => uttara.Find("[data-testid=staff-title]").Shown().Should().Be("Front office at Uttara"));
        uttara.Find("[data-testid=stat-pending] [data-testid=stat-value]").Shown().Should().Be("1");
        uttara.Find("[data-testid=stat-today] [data-testid=stat-value]").Shown().Should().Be("0");
        uttara.FindAll("a").Select(a => a.GetAttribute("href")).Should().Contain("/clinic/requests?branch=Uttara");
    }

    [Fact]
    public async Task Patients_narrow_the_doctors_to_a_branch_and_each_card_says_where_the_doctor_works()
    {
        await using var context = MudTestContext.Create(hub, new FakeTimeProvider(harness.Clock.GetUtcNow()));
        context.Services.AddSingleton(harness.Get<DoctorDirectory>());
        context.Services.AddSingleton(harness.Get<AvailabilityQueries>());
        context.Services.GetRequiredService<NavigationManager>().NavigateTo("/doctors?branch=uttara");

        var page = context.Render<DoctorsPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=doctor-name]").Select(n => n.Shown()).Should().Equal("Dr. Imran Hossain", "Dr. Nusrat Jahan"));
        page.Find("[data-testid=doctor-branch]").Shown().Should().Be("Uttara branch");
        page.Find("[data-testid=doctor-address]").Shown().Should().EndWith("House 7, Road 11, Sector 4, Uttara, Dhaka 1230");
        page.FindAll("[data-testid=branch-filter]").Should().ContainSingle("the clinic has two branches to choose between");
    }
}
