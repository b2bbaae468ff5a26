using Bunit;
using Clinic.Data.Agenda;
using Clinic.Data.Booking;
using Clinic.Domain.Appointments;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Clinic.Web.Components.Pages.Agenda;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Components;

/// <summary>The agenda: a column per doctor for the clinic's day, each booking with its patient and state, free slots to book, live.</summary>
public sealed class AgendaPageTests : LivePageTests
{
    // The harness clock: Monday 23 November 2026, 15:00 in Dhaka. Dr. Farhana Rahman's session is 17:00–22:00.
    private static readonly DateTime FiveInDhaka = new(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc);

    private Guid farhanaId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        farhanaId = await Harness.DoctorIdAsync("farhana.rahman@gomoti.example");
    }

    private BunitContext Context(AppointmentActor viewer, string role)
    {
        var context = MudTestContext.Create(Hub, Harness.Clock);
        context.Services.AddSingleton(Harness.Get<AgendaQueries>());
        context.Services.AddSingleton(Harness.Get<Clinic.Data.Branches.BranchAdministration>());
        context.Services.AddSingleton(Harness.Get<BookingService>());
        context.SignInActing(Harness, viewer, role);
        return context;
    }

    [Fact]
    public async Task Staff_see_today_with_a_column_per_doctor_working_ones_first_their_bookings_and_a_now_line()
    {
        await Harness.Get<BookingService>().BookAsync(People.Sadia, new BookingRequest(farhanaId, FiveInDhaka, PatientUserId: People.Ayesha.UserId, Note: "Cough"));
        await Harness.Get<BookingService>().BookAsync(People.Rahim, new BookingRequest(farhanaId, FiveInDhaka.AddHours(1)));
        await using var context = Context(People.Sadia, ClinicRoles.Staff);

        var page = context.Render<AgendaPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=agenda-date]").TextContent.Should().Be("Mon 23 November 2026"));
        page.FindAll("[data-testid=agenda-column]").Should().HaveCount(4, "every doctor has a column, closed or not");
        page.FindAll(".agenda-doctor").Select(d => d.TextContent).Should().Equal(["Dr. Farhana Rahman", "Dr. Tanvir Ahmed", "Dr. Imran Hossain", "Dr. Nusrat Jahan"],
            "who works on Monday comes first, then those without hours, each by name");
        var farhana = page.Find($"[data-testid=agenda-column][data-doctor='{farhanaId}']");
        var bookings = farhana.QuerySelectorAll("[data-testid=agenda-booking]");
        bookings.Select(b => b.GetAttribute("data-status")).Should().Equal("Confirmed", "Pending");
        bookings[0].TextContent.Should().Contain("Ayesha Siddiqua");
        bookings[0].QuerySelector(".agenda-note").Should().NotBeNull("a booking with a note is marked");
        bookings[1].ClassList.Should().Contain("agenda-booking-pending");
        farhana.QuerySelectorAll("[data-testid=agenda-free]").Should().NotBeEmpty();
        farhana.QuerySelector("[data-testid=agenda-now]")!.TextContent.Should().Be("Now 15:00");
    }

    [Fact]
    public async Task A_booking_made_elsewhere_appears_without_a_reload()
    {
        await using var context = Context(People.Sadia, ClinicRoles.Staff);
        var page = context.Render<AgendaPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=agenda-column]").Should().HaveCount(4));

        await Harness.Get<BookingService>().BookAsync(People.Karim, new BookingRequest(farhanaId, FiveInDhaka.AddHours(2), PatientUserId: People.Rahim.UserId));
        Harness.Clock.Advance(TimeSpan.FromMilliseconds(100)); // the live page's shared window

        page.WaitForAssertion(() => page.Find($"[data-testid=agenda-column][data-doctor='{farhanaId}'] [data-testid=agenda-booking]").TextContent.Should().Contain("Rahim Chowdhury"));
    }

    [Fact]
    public async Task A_doctor_sees_only_their_own_column_and_no_booking_links()
    {
        await using var context = Context(People.Tanvir, ClinicRoles.Doctor);

        var page = context.Render<AgendaPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=agenda-column]").Should().ContainSingle()
            .Which.GetAttribute("data-doctor").Should().Be(People.TanvirId.ToString()));
        page.FindAll("[data-testid=agenda-free]").Should().BeEmpty();
    }

    [Fact]
    public async Task The_week_view_shows_one_doctor_s_seven_days_with_their_bookings()
    {
        await Harness.Get<BookingService>().BookAsync(People.Sadia, new BookingRequest(People.TanvirId, ClinicPeople.WednesdayNine, PatientUserId: People.Ayesha.UserId));
        await using var context = Context(People.Tanvir, ClinicRoles.Doctor);
        var page = context.Render<AgendaPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=agenda-column]").Should().ContainSingle());

        await page.InvokeAsync(() => page.Find("[data-testid=agenda-week-view]").ClickAsync(new()));

        page.WaitForAssertion(() => page.FindAll("[data-testid=agenda-column-date]").Select(d => d.TextContent).Should().Equal(
            "Monday 23 Nov", "Tuesday 24 Nov", "Wednesday 25 Nov", "Thursday 26 Nov", "Friday 27 Nov", "Saturday 28 Nov", "Sunday 29 Nov"));
        var wednesday = page.FindAll("[data-testid=agenda-column]")[2];
        wednesday.QuerySelector("[data-testid=agenda-booking]")!.TextContent.Should().Contain("Ayesha Siddiqua");
        page.FindAll("[data-testid=agenda-column]")[4].TextContent.Should().Contain("No hours on this day.");
    }

    [Fact]
    public async Task Staff_drag_a_booking_to_a_later_slot_and_it_moves()
    {
        var id = (await Harness.Get<BookingService>().BookAsync(People.Sadia, new BookingRequest(farhanaId, FiveInDhaka.AddHours(2), PatientUserId: People.Ayesha.UserId))).Value!.AppointmentId;
        await using var context = Context(People.Sadia, ClinicRoles.Staff);
        var page = context.Render<AgendaPage>();
        page.WaitForAssertion(() => page.Find($"[data-appointment='{id}']"));

        await page.Find($"[data-appointment='{id}']").TriggerEventAsync("ondragstart", new Microsoft.AspNetCore.Components.Web.DragEventArgs());
        await Slot(page, farhanaId, FiveInDhaka.AddHours(4)).TriggerEventAsync("ondrop", new Microsoft.AspNetCore.Components.Web.DragEventArgs());

        var moved = (await Harness.Get<AppointmentQueries>().DetailAsync(People.Sadia, id)).Value!.Appointment;
        moved.StartUtc.Should().Be(FiveInDhaka.AddHours(4));
        Harness.Clock.Advance(TimeSpan.FromMilliseconds(100));
        page.WaitForAssertion(() => Slot(page, farhanaId, FiveInDhaka.AddHours(4)).QuerySelector($"[data-appointment='{id}']").Should().NotBeNull());
    }

    [Fact]
    public async Task A_drop_the_rules_refuse_says_why_in_that_slot_and_saves_nothing()
    {
        var id = (await Harness.Get<BookingService>().BookAsync(People.Sadia, new BookingRequest(farhanaId, FiveInDhaka.AddHours(2), PatientUserId: People.Ayesha.UserId))).Value!.AppointmentId;
        await using var context = Context(People.Sadia, ClinicRoles.Staff);
        var page = context.Render<AgendaPage>();
        page.WaitForAssertion(() => page.Find($"[data-appointment='{id}']"));
        var tanvirMorning = ClinicPeople.WednesdayNine.AddDays(-2); // Monday 09:00, long past at 15:00

        await page.Find($"[data-appointment='{id}']").TriggerEventAsync("ondragstart", new Microsoft.AspNetCore.Components.Web.DragEventArgs());
        await Slot(page, People.TanvirId, tanvirMorning).TriggerEventAsync("ondrop", new Microsoft.AspNetCore.Components.Web.DragEventArgs());

        page.WaitForAssertion(() => Slot(page, People.TanvirId, tanvirMorning).QuerySelector("[data-testid=agenda-refusal]")!.TextContent.Should().Contain("Not moved:"));
        var kept = (await Harness.Get<AppointmentQueries>().DetailAsync(People.Sadia, id)).Value!.Appointment;
        (kept.DoctorId, kept.StartUtc, kept.Version).Should().Be((farhanaId, FiveInDhaka.AddHours(2), 1));
    }

    [Fact]
    public async Task Only_what_the_rules_let_the_person_move_can_be_dragged()
    {
        var ahead = (await Harness.Get<BookingService>().BookAsync(People.Sadia, new BookingRequest(farhanaId, FiveInDhaka.AddHours(2), PatientUserId: People.Ayesha.UserId))).Value!.AppointmentId;
        await using var staff = Context(People.Sadia, ClinicRoles.Staff);
        var page = staff.Render<AgendaPage>();
        page.WaitForAssertion(() => page.Find($"[data-appointment='{ahead}']").GetAttribute("draggable").Should().Be("true"));

        await using var doctor = Context(People.Tanvir, ClinicRoles.Doctor);
        var doctorsPage = doctor.Render<AgendaPage>();
        doctorsPage.WaitForAssertion(() => doctorsPage.FindAll("[data-testid=agenda-column]").Should().ContainSingle());
        doctorsPage.FindAll("[draggable=true]").Should().BeEmpty("a doctor reads the agenda; the clinic moves bookings");
    }

    private static AngleSharp.Dom.IElement Slot(IRenderedComponent<AgendaPage> page, Guid doctorId, DateTime startUtc) =>
        page.Find($"[data-testid=agenda-column][data-doctor='{doctorId}'] [data-testid=agenda-slot][data-start='{startUtc:O}']");
}
