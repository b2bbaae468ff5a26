using Bunit;
using Clinic.Data.Booking;
using Clinic.Data.Doctors;
using Clinic.Data.Feeds;
using Clinic.Data.Overview;
using Clinic.Data.Scheduling;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Clinic.Web.Components.Pages.Doctor;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Components;

/// <summary>A doctor's home: today's patients and the coming week, where a day off says so.</summary>
public sealed class DoctorHomeTests : LivePageTests
{
    [Fact]
    public async Task The_coming_week_counts_bookings_on_working_days_and_says_no_hours_on_days_off()
    {
        // The harness clock: Monday 23 November 2026, 15:00 in Dhaka. Dr. Tanvir Ahmed works Sunday to Thursday.
        await People.BookConfirmedAsync(Harness, new DateTime(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc));
        await using var context = MudTestContext.Create(Hub, Harness.Clock);
        foreach (var service in new object[] { Harness.Get<ClinicOverview>(), Harness.Get<DoctorDirectory>(), Harness.Get<AppointmentQueries>(), Harness.Get<AvailabilityQueries>(),
                     Harness.Get<AppointmentActors>(), Harness.Get<CalendarFeeds>() })
            context.Services.AddSingleton(service.GetType(), service);
        context.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new Clinic.Web.Email.EmailOptions { PublicBaseUrl = "https://booking.gomoti.example" }));
        context.SignInActing(Harness, People.Tanvir, ClinicRoles.Doctor);

        var page = context.Render<DoctorHome>();

        string Day(string date) => page.Find($"[data-testid=load-day][data-date='{date}']").Shown();
        page.WaitForAssertion(() => page.FindAll("[data-testid=load-day]").Should().HaveCount(7));
        Day("2026-11-23").Should().Be("Mon 23 Nov: 0 bookings", "Monday is a working day, its morning past");
        Day("2026-11-24").Should().Be("Tue 24 Nov: 1 booking");
        Day("2026-11-27").Should().Be("Fri 27 Nov: no hours");
        Day("2026-11-28").Should().Be("Sat 28 Nov: no hours");

        // Extra hours on the Friday: the page says so without a reload.
        var doctor = await Harness.ActorAsync("tanvir.ahmed@gomoti.example");
        (await Harness.Get<ScheduleEditor>().AddExtraHoursAsync(doctor, People.TanvirId, new DateOnly(2026, 11, 27), new TimeOnly(10, 0), new TimeOnly(12, 0), 30, 1)).Succeeded.Should().BeTrue();
        Harness.Clock.Advance(TimeSpan.FromMilliseconds(100)); // the live page's shared window
        page.WaitForAssertion(() => Day("2026-11-27").Should().Be("Fri 27 Nov: 0 bookings"));
    }
}
