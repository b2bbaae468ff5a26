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
