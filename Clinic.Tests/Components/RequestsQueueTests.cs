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
    private BunitContext SadiasContext()
    {
        var context = MudTestContext.Create(out _, Harness.Clock);
        context.Services.AddSingleton(Harness.Get<AppointmentQueries>());
        context.Services.AddSingleton(Harness.Get<BookingService>());
        context.Services.AddSingleton(Harness.Get<DoctorDirectory>());
        context.Services.AddSingleton(Harness.Get<Clinic.Data.Branches.BranchAdministration>());
        context.SignInActing(Harness, People.Sadia, ClinicRoles.Staff);
        return context;
    }

    [Fact]
    public async Task The_queue_lists_requests_as_asked_and_on_request_with_the_soonest_visit_first()
    {
        // The harness clock: Monday 23 November, 15:00 in Dhaka. Ayesha asks for Wednesday, then Rahim for Tuesday.
        await People.RequestAsync(Harness, ClinicPeople.WednesdayNine);
        Harness.Clock.Advance(TimeSpan.FromMinutes(5));
        (await Harness.Get<BookingService>().BookAsync(People.Rahim, new BookingRequest(People.TanvirId, ClinicPeople.WednesdayNine.AddDays(-1)))).Succeeded.Should().BeTrue();
        await using var context = SadiasContext();

        var page = context.Render<RequestsQueue>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=request-when]").Select(c => c.Shown()).Should().Equal("Wed 25 Nov, 09:00", "Tue 24 Nov, 09:00"));
        page.Find("[data-testid=requests-table]").Shown().Should().Contain("2 waiting, by oldest request");

        page.Find("input[data-testid=requests-soonest]").Change(true);

        page.WaitForAssertion(() => page.FindAll("[data-testid=request-when]").Select(c => c.Shown()).Should().Equal("Tue 24 Nov, 09:00", "Wed 25 Nov, 09:00"));
        page.Find("[data-testid=requests-table]").Shown().Should().Contain("2 waiting, by soonest visit");
    }

    [Fact]
    public async Task At_one_branch_the_queue_shows_and_counts_only_its_doctors_requests()
    {
        // Ayesha asks for Dr. Tanvir Ahmed (Dhanmondi) on Wednesday; Rahim for Dr. Nusrat Jahan (Uttara) on Tuesday at 10:00.
        await People.RequestAsync(Harness, ClinicPeople.WednesdayNine);
        var nusrat = await Harness.DoctorIdAsync("nusrat.jahan@gomoti.example");
        (await Harness.Get<BookingService>().BookAsync(People.Rahim, new BookingRequest(nusrat, new DateTime(2026, 11, 24, 4, 0, 0, DateTimeKind.Utc)))).Succeeded.Should().BeTrue();
        await using var context = SadiasContext();
        context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/clinic/requests?branch=Uttara");

        var page = context.Render<RequestsQueue>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=request-when]").Select(c => c.Shown()).Should().Equal("Tue 24 Nov, 10:00"));
        page.Find("h4").Shown().Should().Be("Requests waiting for approval at Uttara");
        page.Find("[data-testid=requests-table]").Shown().Should().Contain("1 waiting");
    }
}
