using Bunit;
using Clinic.Data.Booking;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Clinic.Web.Components.Pages.Patient;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Components;

/// <summary>A patient's own appointments: what they may still do with each, and why not when they may not.</summary>
public sealed class MyAppointmentsTests : DemoClinicTests
{
    [Fact]
    public async Task A_confirmed_visit_inside_the_cut_off_says_once_why_it_cannot_be_changed_online_and_whom_to_call()
    {
        // The harness clock: Monday 23 November, 15:00 in Dhaka; Dr. Farhana Rahman's session starts at 17:00.
        var farhana = await Harness.DoctorIdAsync("farhana.rahman@gomoti.example");
        var booked = await Harness.Get<BookingService>().BookAsync(People.Sadia,
            new BookingRequest(farhana, new DateTime(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc), PatientUserId: People.Ayesha.UserId));
        booked.Succeeded.Should().BeTrue(booked.Error);
        await using var context = MudTestContext.Create(out _, Harness.Clock);
        context.Services.AddSingleton(Harness.Get<AppointmentQueries>());
        context.Services.AddSingleton(Harness.Get<BookingService>());
        context.Services.AddSingleton(Harness.Get<Clinic.Data.Waitlist.WaitlistService>());
        context.Services.AddSingleton(Harness.Get<Clinic.Data.Feeds.CalendarFeeds>());
        context.Services.AddSingleton(Harness.Get<Clinic.Data.Overview.ClinicOverview>());
        context.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new Clinic.Web.Email.EmailOptions { PublicBaseUrl = "https://booking.gomoti.example" }));
        context.SignInActing(Harness, People.Ayesha, ClinicRoles.Patient);

        var page = context.Render<MyAppointments>();

        page.WaitForAssertion(() => page.Find("[data-testid=card-reason]").Shown()
            .Should().Be("Appointments can be cancelled or moved online until 24 hours before the start."));
        page.Find("[data-testid=appointment-cancel]").HasAttribute("disabled").Should().BeTrue();
        page.Find("[data-testid=appointment-reschedule]").HasAttribute("disabled").Should().BeTrue();
        page.Find("[data-testid=clinic-phone]").GetAttribute("href").Should().StartWith("tel:");
    }
}
