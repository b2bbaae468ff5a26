using Bunit;
using Clinic.Data.Booking;
using Clinic.Data.Doctors;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Clinic.Web.Components.Pages.Appointments;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Components;

/// <summary>The approval queue: requests in the order they were asked, or with the soonest visits first.</summary>
public sealed class RequestsQueueTests : DemoClinicTests
{
    [Fact]
    public async Task The_queue_lists_requests_as_asked_and_on_request_with_the_soonest_visit_first()
    {
        // The harness clock: Monday 23 November, 15:00 in Dhaka. Ayesha asks for Wednesday, then Rahim for Tuesday.
        await People.RequestAsync(Harness, ClinicPeople.WednesdayNine);
        Harness.Clock.Advance(TimeSpan.FromMinutes(5));
        (await Harness.Get<BookingService>().BookAsync(People.Rahim, new BookingRequest(People.TanvirId, ClinicPeople.WednesdayNine.AddDays(-1)))).Succeeded.Should().BeTrue();
        await using var context = MudTestContext.Create(out _, Harness.Clock);
        context.Services.AddSingleton(Harness.Get<AppointmentQueries>());
        context.Services.AddSingleton(Harness.Get<BookingService>());
        context.Services.AddSingleton(Harness.Get<DoctorDirectory>());
        context.SignInActing(Harness, People.Sadia, ClinicRoles.Staff);

        var page = context.Render<RequestsQueue>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=request-when]").Select(c => c.Shown()).Should().Equal("Wed 25 Nov, 09:00", "Tue 24 Nov, 09:00"));
        page.Find("[data-testid=requests-table]").Shown().Should().Contain("2 waiting, oldest request first");

        page.Find("input[data-testid=requests-soonest]").Change(true);

        page.WaitForAssertion(() => page.FindAll("[data-testid=request-when]").Select(c => c.Shown()).Should().Equal("Tue 24 Nov, 09:00", "Wed 25 Nov, 09:00"));
        page.Find("[data-testid=requests-table]").Shown().Should().Contain("2 waiting, soonest visit first");
    }
}
