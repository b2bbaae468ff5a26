using Bunit;
using Clinic.Data.Doctors;
using Clinic.Data.Scheduling;
using Clinic.Domain.Identity;
using Clinic.Domain.Scheduling;
using Clinic.Tests.Support;
using Clinic.Web.Components.Pages.Schedule;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Clinic.Tests.Components;

// Find and click run in one renderer turn in these tests: a re-render in between (an input change,
// a live refresh) would drop the handler that was found.
public sealed class ScheduleComponentTests : IAsyncLifetime
{
    // The harness clock: Monday 23 November 2026, 15:00 in Dhaka. Dr. Tanvir Ahmed works Sunday–Thursday 09:00–13:00.
    private readonly DataHarness data = new();
    private Guid tanvirId;
    private Actor tanvir = default!;

    public async Task InitializeAsync()
    {
        await data.InitializeAsync();
        tanvirId = await data.DoctorIdAsync("tanvir.ahmed@gomoti.example");
        tanvir = await data.ActorAsync("tanvir.ahmed@gomoti.example");
    }

    public Task DisposeAsync() => data.DisposeAsync();

    private BunitContext Context()
    {
        var context = MudTestContext.Create(out _);
        context.Services.AddSingleton(data.Get<ScheduleEditor>());
        context.Services.AddSingleton(data.Get<AvailabilityQueries>());
        context.Services.AddSingleton(data.Get<DoctorDirectory>());
        context.Services.AddSingleton(data.Get<Clinic.Data.Booking.AppointmentQueries>());
        context.Services.AddSingleton(data.Get<Clinic.Data.Booking.AppointmentActors>());
        context.Services.AddScoped<Clinic.Web.Auth.CurrentActor>();
        context.Services.AddScoped<Clinic.Web.Components.Appointments.ActingUser>();
        context.SignIn("tanvir.ahmed@gomoti.example", ClinicRoles.Doctor, tanvir.UserId);
        context.Render<MudPopoverProvider>();
        return context;
    }

    private IRenderedComponent<WeeklyRulesEditor> RulesEditor(BunitContext context, IReadOnlyList<WeeklyRule> rules, Action onRefused) =>
        context.Render<WeeklyRulesEditor>(p => p.Add(e => e.DoctorId, tanvirId).Add(e => e.Actor, tanvir).Add(e => e.Rules, rules).Add(e => e.OnRefused, onRefused));

    private async Task<IReadOnlyList<WeeklyRule>> RulesAsync() => (await data.Get<ScheduleEditor>().GetAsync(tanvir, tanvirId)).Value!.Rules;

    [Fact]
    public async Task The_weekly_editor_lists_the_doctor_s_hours()
    {
        await using var context = Context();
        var rules = await RulesAsync();

        var editor = context.Render<WeeklyRulesEditor>(p => p.Add(e => e.DoctorId, tanvirId).Add(e => e.Actor, tanvir).Add(e => e.Rules, rules));

        editor.FindAll("[data-testid=rule-day]").Select(c => c.TextContent).Should().Equal("Monday", "Tuesday", "Wednesday", "Thursday", "Sunday");
        editor.FindAll("[data-testid=rule-hours]").Should().OnlyContain(c => c.TextContent == "09:00–13:00");
    }

    [Fact]
    public async Task More_seats_than_a_slot_takes_are_refused_with_the_reason_not_quietly_lowered()
    {
        await using var context = Context();
        var rules = await RulesAsync();
        var editor = RulesEditor(context, rules, () => { });

        editor.Find("input[data-testid=rule-from]").Change("14:00");
        editor.Find("input[data-testid=rule-to]").Change("16:00");
        editor.Find("[data-testid=rule-capacity] input, input[data-testid=rule-capacity]").Change("500");
        await editor.InvokeAsync(() => editor.Find("[data-testid=rule-save]").ClickAsync(new()));

        editor.WaitForAssertion(() => editor.Find("[data-testid=rule-error]").TextContent.Should().Be("Seats per slot must be between 1 and 200."));
        (await RulesAsync()).Should().HaveCount(5, "nothing is saved with a number the doctor did not type");
    }

    [Fact]
    public async Task Hours_that_overlap_are_refused_in_the_editor_with_the_reason()
    {
        await using var context = Context();
        var refused = 0;
        var rules = await RulesAsync();
        var editor = RulesEditor(context, rules, () => refused++);

        editor.Find("input[data-testid=rule-from]").Change("12:00");
        editor.Find("input[data-testid=rule-to]").Change("14:00");
        await editor.InvokeAsync(() => editor.Find("[data-testid=rule-save]").ClickAsync(new()));

        editor.WaitForAssertion(() => editor.Find("[data-testid=rule-error]").TextContent.Should().Be("These hours overlap the existing Monday 09:00–13:00 hours."));
        refused.Should().Be(0, "the form says why; nothing changed that the page should reload for");
        (await RulesAsync()).Should().HaveCount(5);
    }

    [Fact]
    public async Task Fitting_hours_are_saved_and_announced_which_reloads_the_page_once()
    {
        await using var context = Context();
        var refused = 0;
        var rules = await RulesAsync();
        var editor = RulesEditor(context, rules, () => refused++);

        editor.Find("input[data-testid=rule-from]").Change("15:00");
        editor.Find("input[data-testid=rule-to]").Change("17:00");
        await editor.InvokeAsync(() => editor.Find("[data-testid=rule-save]").ClickAsync(new()));

        editor.WaitForAssertion(() => data.Events.Published.Should().Contain(new Clinic.Domain.Events.AvailabilityChanged(tanvirId)));
        (await RulesAsync()).Should().ContainSingle(r => r.Day == DayOfWeek.Monday && r.From == new TimeOnly(15, 0));
        refused.Should().Be(0, "the page reloads on the announcement, not also by hand");
    }

    [Fact]
    public async Task Removing_hours_someone_else_removed_meanwhile_says_so_and_has_the_page_reload()
    {
        await using var context = Context();
        var refused = 0;
        var rules = await RulesAsync();
        var editor = RulesEditor(context, rules, () => refused++);
        (await data.Get<ScheduleEditor>().RemoveRuleAsync(tanvir, tanvirId, rules[0].Id)).Succeeded.Should().BeTrue();

        await editor.InvokeAsync(() => editor.FindAll("[data-testid=rule-remove]")[0].ClickAsync(new()));

        editor.WaitForAssertion(() => refused.Should().Be(1));
        context.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message).Should().Equal("Those hours no longer exist.");
    }

    [Fact]
    public async Task The_calendar_locks_a_booked_slot_and_disables_a_free_one()
    {
        var tuesday = new DateOnly(2026, 11, 24);
        var booked = new DateTime(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc); // 09:00 in Dhaka
        var free = booked.AddMinutes(30);
        await data.BookAsync(tanvirId, booked);
        await using var context = Context();

        var calendar = context.Render<SlotCalendar>(p => p.Add(c => c.DoctorId, tanvirId).Add(c => c.Actor, tanvir).Add(c => c.StartDate, tuesday));

        calendar.WaitForAssertion(() => calendar.FindAll("[data-testid=slot]").Should().HaveCount(8));
        var bookedRow = Row(calendar, booked);
        bookedRow.QuerySelector("[data-testid=slot-state]")!.GetAttribute("data-state").Should().Be("Full");
        bookedRow.QuerySelector("[data-testid=slot-locked]")!.TextContent.Should().Be("Booked: cannot be disabled or removed");
        bookedRow.QuerySelector("[data-testid=slot-disable]")!.HasAttribute("disabled").Should().BeTrue();
        bookedRow.QuerySelector("[data-testid=slot-remove]")!.HasAttribute("disabled").Should().BeTrue();
        // Who holds it, with the request's state and a way to it.
        var holder = bookedRow.QuerySelector("[data-testid=slot-booking]")!;
        holder.TextContent.Should().Contain("Ayesha Siddiqua").And.Contain("Pending");
        holder.QuerySelector("a")!.GetAttribute("href").Should().StartWith("/appointments/");

        await calendar.InvokeAsync(() => calendar.Find($"[data-start='{free:O}'] [data-testid=slot-disable]").ClickAsync(new()));
        // The switch is announced; the schedule page hears it and bumps the calendar's version.
        calendar.WaitForAssertion(() => data.Events.Published.Should().Contain(new Clinic.Domain.Events.AvailabilityChanged(tanvirId)));
        calendar.Render(p => p.Add(c => c.Version, 1));

        calendar.WaitForAssertion(() => Row(calendar, free).QuerySelector("[data-testid=slot-state]")!.GetAttribute("data-state").Should().Be("Disabled"));
        Row(calendar, free).QuerySelector("[data-testid=slot-enable]").Should().NotBeNull();
    }

    [Fact]
    public async Task The_week_view_shows_seven_days_with_closed_days_marked()
    {
        await using var context = Context();
        var calendar = context.Render<SlotCalendar>(p => p.Add(c => c.DoctorId, tanvirId).Add(c => c.Actor, tanvir).Add(c => c.StartDate, new DateOnly(2026, 12, 14)));

        await calendar.InvokeAsync(() => calendar.Find("[data-testid=view-week]").ClickAsync(new()));

        calendar.WaitForAssertion(() => calendar.FindAll("[data-testid=week-day]").Should().HaveCount(7));
        calendar.Find("[data-testid=week-grid]").TextContent.Should().Contain("Closed: Public holiday (Victory Day)");
    }

    [Fact]
    public async Task The_week_view_names_the_patient_of_a_booked_slot()
    {
        var booked = new DateTime(2026, 11, 24, 3, 30, 0, DateTimeKind.Utc); // Tuesday 09:30 in Dhaka
        await data.BookAsync(tanvirId, booked, patientEmail: "rahim@patients.example");
        await using var context = Context();
        var calendar = context.Render<SlotCalendar>(p => p.Add(c => c.DoctorId, tanvirId).Add(c => c.Actor, tanvir).Add(c => c.StartDate, new DateOnly(2026, 11, 23)));

        await calendar.InvokeAsync(() => calendar.Find("[data-testid=view-week]").ClickAsync(new()));

        calendar.WaitForAssertion(() => calendar.Find("[data-testid=week-grid] [data-testid=slot-booking]").TextContent.Should().Be("Rahim Chowdhury"));
        calendar.FindAll("[data-testid=week-slot]").Select(s => s.TextContent).Should().NotContain(t => t.Contains("1/1"));
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<SlotCalendar> calendar, DateTime startUtc) =>
        calendar.Find($"[data-testid=slot][data-start='{startUtc:O}']");
}
