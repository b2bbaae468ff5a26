using Bunit;
using Clinic.Data.Doctors;
using Clinic.Data.Scheduling;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Clinic.Web.Components.Pages.Schedule;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Components;

/// <summary>The front desk's availability table: per doctor and day, the free slots and seats left, or why there are none.</summary>
public sealed class FrontDeskAvailabilityTests : DemoClinicTests
{
    private BunitContext SadiasContext()
    {
        var context = MudTestContext.Create(out _, Harness.Clock);
        context.Services.AddSingleton(Harness.Get<AvailabilityQueries>());
        context.Services.AddSingleton(Harness.Get<DoctorDirectory>());
        context.Services.AddSingleton(Harness.Get<Clinic.Data.Branches.BranchAdministration>());
        context.SignInActing(Harness, People.Sadia, ClinicRoles.Staff);
        return context;
    }

    [Fact]
    public async Task Each_day_says_how_many_slots_and_seats_are_free_or_that_none_are_left()
    {
        await using var context = SadiasContext();

        var page = context.Render<FrontDeskAvailability>();

        // The harness clock: Monday 23 November 2026, 15:00 in Dhaka. Dr. Tanvir Ahmed works Sunday to Thursday, 09:00–13:00.
        page.WaitForAssertion(() => page.FindAll("[data-testid=bulk-row]").Should().HaveCount(4));
        var tanvir = page.FindAll("[data-testid=bulk-row]").Single(r => r.TextContent.Contains("Dr. Tanvir Ahmed"));
        var days = tanvir.QuerySelectorAll("[data-testid=bulk-cell]").Select(c => c.Shown()).ToList();
        days.Should().HaveCount(7);
        days[0].Should().Be("None left", "Monday's morning has passed");
        days[1].Should().Be("8 free 8 seats", "Tuesday's eight half-hours are all free");
        days[4].Should().Be("–", "he does not work on Fridays");
    }

    [Fact]
    public async Task At_a_branch_s_desk_the_table_opens_with_that_branch_s_doctors()
    {
        var uttara = (await Harness.Get<Clinic.Data.Branches.BranchAdministration>().ListAsync()).Single(b => b.Name == "Uttara").Id;
        (await Harness.Get<Clinic.Data.Team.TeamAdministration>().SetDeskAsync(People.Owner.Actor, People.Sadia.UserId, uttara)).Succeeded.Should().BeTrue();
        await using var context = SadiasContext();

        var page = context.Render<FrontDeskAvailability>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=bulk-row] td:first-child a").Select(c => c.Shown()).Should().Equal("Dr. Imran Hossain", "Dr. Nusrat Jahan"));
        page.Find("h4").Shown().Should().Be("Availability at Uttara");
    }
}
