using Bunit;
using Clinic.Data.Doctors;
using Clinic.Data.Overview;
using Clinic.Data.Team;
using Clinic.Domain.Events;
using Clinic.Tests.Support;
using Clinic.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Components;

public sealed class HomePageTests : IAsyncLifetime
{
    private readonly DataHarness data = new();

    public Task InitializeAsync() => data.InitializeAsync();
    public Task DisposeAsync() => data.DisposeAsync();

    private BunitContext Context(out Clinic.Web.Live.ClinicEventHub hub)
    {
        var context = MudTestContext.Create(out hub);
        context.Services.AddSingleton(data.Get<DoctorDirectory>());
        context.Services.AddSingleton(data.Get<ClinicOverview>());
        context.Services.AddSingleton(data.Get<Clinic.Data.Scheduling.AvailabilityQueries>());
        context.Services.AddSingleton(data.Get<Clinic.Data.Branches.BranchAdministration>());
        context.AddAuthorization();
        return context;
    }

    [Fact]
    public async Task Visitors_see_the_clinic_and_a_card_for_each_doctor()
    {
        await using var context = Context(out _);

        var page = context.Render<Home>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=doctor-card]").Should().HaveCount(4));
        page.Markup.Should().Contain("Gomoti Hospital");
        var tanvir = page.FindAll("[data-testid=doctor-card]").Single(c => c.TextContent.Contains("Dr. Tanvir Ahmed"));
        tanvir.QuerySelector("[data-testid=doctor-specialization]")!.TextContent.Should().Be("Cardiology");
        tanvir.QuerySelector("[data-testid=doctor-experience]")!.TextContent.Should().Be("18 years of experience");
        tanvir.QuerySelector("[data-testid=doctor-fee]")!.TextContent.Should().Be("Consultation BDT 1,500");
        page.Find("[data-testid=hero-register]").GetAttribute("href").Should().Be("Account/Register");
    }

    [Fact]
    public async Task Visitors_see_where_each_branch_is_when_it_is_open_and_who_works_there_with_a_way_to_its_doctors()
    {
        await using var context = Context(out _);

        var page = context.Render<Home>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=branch-card-name]").Select(n => n.Shown()).Should().Equal("Dhanmondi", "Uttara"));
        var uttara = page.FindAll("[data-testid=branch-card]")[1];
        uttara.Shown().Should().Contain("House 7, Road 11, Sector 4, Uttara, Dhaka 1230").And.Contain("+880 2 4895 6100").And.Contain("Saturday–Thursday 10:00–20:00");
        uttara.QuerySelector("[data-testid=branch-card-doctors]")!.Shown().Should().Be("Dr. Imran Hossain, Dr. Nusrat Jahan");
        uttara.QuerySelector("[data-testid=branch-doctors]")!.GetAttribute("href").Should().Be("/doctors?branch=Uttara");
        page.Markup.Should().Contain("at 2 branches");
    }

    [Fact]
    public async Task The_list_shows_a_changed_profile_when_the_change_is_announced()
    {
        await using var context = Context(out var hub);
        var page = context.Render<Home>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=doctor-card]").Should().HaveCount(4));
        var owner = await data.ActorAsync("owner@gomoti.example");
        var doctor = (await data.Get<DoctorDirectory>().ListAsync()).First(d => d.FullName == "Dr. Nusrat Jahan");
        var team = data.Get<TeamAdministration>();
        var details = (await team.GetDoctorAsync(owner, doctor.Id))!;
        await team.UpdateDoctorAsync(owner, doctor.Id, details with { Specialization = "Neonatology" });

        hub.Publish(new DoctorProfileChanged(doctor.Id));

        page.WaitForAssertion(() => page.Markup.Should().Contain("Neonatology"));
    }
}
