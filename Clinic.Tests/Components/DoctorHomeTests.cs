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

/// <summary>A doctor's home: today's patients with the waiting room's line, and the coming week, where a day off says so.</summary>
public sealed class DoctorHomeTests : LivePageTests
{
    [Fact]
    public async Task The_coming_week_counts_bookings_on_working_days_and_says_no_hours_on_days_off()
    {
        // The harness clock: Monday 23 November 2026, 15:00 in Dhaka. Dr. Tanvir Ahmed works Sunday to Thursday.
        await People.BookConfirmedAsync(Harness, new DateTime(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc));
        await using var context = MudTestContext.Create(Hub, Harness.Clock);
        foreach (var service in new object[] { Harness.Get<ClinicOverview>(), Harness.Get<DoctorDirectory>(), Harness.Get<AppointmentQueries>(), Harness.Get<AvailabilityQueries>(),
                     Harness.Get<AppointmentActors>(), Harness.Get<CalendarFeeds>(), Harness.Get<BookingService>() })
            context.Services.AddSingleton(service.GetType(), service);
        context.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new Clinic.Web.Email.EmailOptions { PublicBaseUrl = "https://booking.gomoti.example" }));
        context.SignInActing(Harness, People.Tanvir, ClinicRoles.Doctor);

        var page = context.Render<DoctorHome>();

        string Day(string date) => page.Find($"[data-testid=load-day][data-date='{date}']").Shown();
        page.WaitForAssertion(() => page.FindAll("[data-testid=load-day]").Should().HaveCount(7));
        Day("2026-11-23").Should().Be("Mon 23 Nov: 0 bookings", "Monday is a working day, its morning past");
        Day("2026-11-24").Should().Be("Tue 24 Nov: 1 booking");
        Day("2026-11-27").Should().Be("Fri 27 Nov: no hours set");
        Day("2026-11-28").Should().Be("Sat 28 Nov: no hours set");

        // Extra hours on the Friday: the page says so without a reload.
        var doctor = await Harness.ActorAsync("tanvir.ahmed@gomoti.example");
        (await Harness.Get<ScheduleEditor>().AddExtraHoursAsync(doctor, People.TanvirId, new DateOnly(2026, 11, 27), new TimeOnly(10, 0), new TimeOnly(12, 0), 30, 1)).Succeeded.Should().BeTrue();
        Harness.Clock.Advance(TimeSpan.FromMilliseconds(100)); // the live page's shared window
        page.WaitForAssertion(() => Day("2026-11-27").Should().Be("Fri 27 Nov: 0 bookings"));
    }

    [Fact]
    public async Task The_doctor_sees_who_waits_in_what_order_and_calls_in_the_next_patient()
    {
        // Dr. Farhana Rahman's shared 17:00 session today: Rahim checked in at 16:40, Ayesha at 16:50.
        var farhana = await Harness.DoctorIdAsync("farhana.rahman@gomoti.example");
        var five = new DateTime(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc);
        var booking = Harness.Get<BookingService>();
        foreach (var (patient, minutesBefore) in new[] { (People.Rahim, 20), (People.Ayesha, 10) })
        {
            var id = (await booking.BookAsync(People.Sadia, new BookingRequest(farhana, five, PatientUserId: patient.UserId))).Value!.AppointmentId;
            Harness.Clock.SetUtcNow(five.AddMinutes(-minutesBefore));
            (await booking.AdvanceStageAsync(People.Sadia, id, null)).Succeeded.Should().BeTrue();
        }
        await using var context = MudTestContext.Create(Hub, Harness.Clock);
        foreach (var service in new object[] { Harness.Get<ClinicOverview>(), Harness.Get<DoctorDirectory>(), Harness.Get<AppointmentQueries>(), Harness.Get<AvailabilityQueries>(),
                     Harness.Get<AppointmentActors>(), Harness.Get<CalendarFeeds>(), booking })
            context.Services.AddSingleton(service.GetType(), service);
        context.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new Clinic.Web.Email.EmailOptions { PublicBaseUrl = "https://booking.gomoti.example" }));
        context.SignInActing(Harness, await Harness.Get<AppointmentActors>().ResolveAsync(await Harness.ActorAsync("farhana.rahman@gomoti.example")), ClinicRoles.Doctor);

        var page = context.Render<DoctorHome>();
        IEnumerable<string> Visits() => page.FindAll("[data-testid=doctor-today-visit] > .mud-typography").Select(v => v.Shown());
        page.WaitForAssertion(() => Visits().Should().Equal("17:00 · Rahim Chowdhury · Waiting, next to go in", "17:00 · Ayesha Siddiqua · Waiting, 2nd in line"));
        page.FindAll("[data-testid=doctor-call-in]").Should().ContainSingle("only the next patient is called in");

        await page.Find("[data-testid=doctor-call-in]").ClickAsync(new());
        Harness.Clock.Advance(TimeSpan.FromMilliseconds(100)); // the live page's shared window

        page.WaitForAssertion(() => Visits().Should().Equal("17:00 · Ayesha Siddiqua · Waiting, next to go in", "17:00 · Rahim Chowdhury · In consultation"));
    }
}
