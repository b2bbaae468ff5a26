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
        await using var context = AyeshasContext();

        var page = context.Render<MyAppointments>();

        page.WaitForAssertion(() => page.Find("[data-testid=card-reason]").Shown()
            .Should().Be("Appointments can be cancelled or moved online until 24 hours before the start."));
        page.Find("[data-testid=appointment-cancel]").HasAttribute("disabled").Should().BeTrue();
        page.Find("[data-testid=appointment-reschedule]").HasAttribute("disabled").Should().BeTrue();
        page.Find("[data-testid=clinic-phone]").GetAttribute("href").Should().StartWith("tel:");
    }

    [Fact]
    public async Task A_visit_seen_says_what_is_still_due_and_once_something_was_paid_offers_its_receipt()
    {
        var booking = Harness.Get<BookingService>();
        var five = new DateTime(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc);
        var visit = (await booking.BookAsync(People.Sadia, new BookingRequest(await Harness.DoctorIdAsync("farhana.rahman@gomoti.example"), five,
            PatientUserId: People.Ayesha.UserId))).Value!.AppointmentId;
        Harness.Clock.SetUtcNow(five.AddMinutes(5));
        foreach (var _ in Enumerable.Range(0, 3))
            (await booking.AdvanceStageAsync(People.Sadia, visit, null)).Succeeded.Should().BeTrue();
        Harness.Clock.SetUtcNow(five.AddHours(2));
        await using (var context = AyeshasContext())
        {
            var page = PastTab(context);

            page.WaitForAssertion(() => page.Find("[data-testid=payment-state]").Shown().Should().Be("Due BDT 800"));
            page.FindAll("[data-testid=card-receipt]").Should().BeEmpty("nothing was paid yet");
        }

        (await booking.TakePaymentAsync(People.Sadia, visit, null, new Clinic.Domain.Payments.PaymentDetails(800, Clinic.Domain.Payments.PaymentMethod.Cash))).Succeeded.Should().BeTrue();
        await using (var context = AyeshasContext())
        {
            var page = PastTab(context);

            page.WaitForAssertion(() => page.Find("[data-testid=payment-state]").Shown().Should().Be("Paid"));
            page.Find("[data-testid=card-receipt]").GetAttribute("href").Should().Be($"/appointments/{visit}/receipt");
        }
    }

    private static IRenderedComponent<MyAppointments> PastTab(Bunit.BunitContext context)
    {
        var page = context.Render<MyAppointments>();
        page.WaitForAssertion(() => page.FindAll(".mud-tab").Should().Contain(t => t.TextContent.StartsWith("Past (1)")));
        page.FindAll(".mud-tab").First(t => t.TextContent.StartsWith("Past")).Click();
        return page;
    }

    private Bunit.BunitContext AyeshasContext()
    {
        var context = MudTestContext.Create(out _, Harness.Clock);
        context.Services.AddSingleton(Harness.Get<AppointmentQueries>());
        context.Services.AddSingleton(Harness.Get<BookingService>());
        context.Services.AddSingleton(Harness.Get<Clinic.Data.Waitlist.WaitlistService>());
        context.Services.AddSingleton(Harness.Get<Clinic.Data.Feeds.CalendarFeeds>());
        context.Services.AddSingleton(Harness.Get<Clinic.Data.Overview.ClinicOverview>());
        context.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new Clinic.Web.Email.EmailOptions { PublicBaseUrl = "https://booking.gomoti.example" }));
        context.SignInActing(Harness, People.Ayesha, ClinicRoles.Patient);
        return context;
    }
}
