using Bunit;
using Clinic.Data.Booking;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Clinic.Web.Components.Pages.Owner;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Components;

/// <summary>The owner's dashboard: the clinic at a glance and the requests to answer first.</summary>
public sealed class OwnerHomeTests : DemoClinicTests
{
    [Fact]
    public async Task The_requests_shown_are_those_whose_visits_come_first_not_those_asked_first()
    {
        // The harness clock: Monday 23 November, 15:00 in Dhaka. Ayesha asks for Wednesday first,
        // then Rahim for Tuesday morning: his visit comes first.
        var tuesdayNine = ClinicPeople.WednesdayNine.AddDays(-1);
        await People.RequestAsync(Harness, ClinicPeople.WednesdayNine);
        (await Harness.Get<BookingService>().BookAsync(People.Rahim, new BookingRequest(People.TanvirId, tuesdayNine))).Succeeded.Should().BeTrue();
        await using var context = MudTestContext.Create(out _, Harness.Clock);
        context.Services.AddSingleton(Harness.Get<Clinic.Data.Overview.ClinicOverview>());
        context.Services.AddSingleton(Harness.Get<AppointmentQueries>());
        context.Services.AddSingleton(Harness.Get<BookingService>());
        context.SignInActing(Harness, People.Owner, ClinicRoles.Owner);

        var page = context.Render<OwnerHome>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=owner-request]").Select(r => r.Shown()).Should().Equal(
            "Tue 24 Nov 09:00 · Rahim Chowdhury · Dr. Tanvir Ahmed Confirm Cancel",
            "Wed 25 Nov 09:00 · Ayesha Siddiqua · Dr. Tanvir Ahmed Confirm Cancel"));
    }
}
