using Clinic.Data.Scheduling;
using Clinic.Domain.Events;
using Clinic.Domain.Scheduling;
using Clinic.Tests.Support;

namespace Clinic.Tests.Data.Scheduling;

public sealed class ScheduleEditorTests : IAsyncLifetime
{
    private readonly DataHarness harness = new();
    private ScheduleEditor Editor => harness.Get<ScheduleEditor>();
    private AvailabilityQueries Queries => harness.Get<AvailabilityQueries>();
    private static readonly DateOnly Tuesday = new(2026, 12, 1);

    public Task InitializeAsync() => harness.InitializeAsync();
    public Task DisposeAsync() => harness.DisposeAsync();

    private static WeeklyRuleDetails Rule(DayOfWeek day, int from, int to, int minutes = 30, int capacity = 1) =>
        new(day, new TimeOnly(from, 0), new TimeOnly(to, 0), minutes, capacity);

    private async Task<Slot> SlotAsync(Guid doctorId, DateOnly date, int hour) =>
        (await Queries.ForDoctorAsync(doctorId, date, 1))!.Slots.Single(s => s.LocalStart.Hour == hour && s.LocalStart.Minute == 0);

    [Fact]
    public async Task A_doctor_adds_hours_to_their_own_schedule_and_it_is_announced()
    {
        var imran = await harness.ActorAsync("imran.hossain@gomoti.example");
        var imranId = await harness.DoctorIdAsync("imran.hossain@gomoti.example");

        var result = await Editor.AddRuleAsync(imran, imranId, Rule(DayOfWeek.Monday, 9, 11));

        result.Succeeded.Should().BeTrue(result.Error);
        (await Queries.ForDoctorAsync(imranId, new DateOnly(2026, 11, 30), 1))!.Slots.Should().HaveCount(4);
        harness.Events.Published.Should().Contain(new AvailabilityChanged(imranId));
    }

    [Fact]
    public async Task A_doctor_cannot_change_another_doctor_s_schedule_nor_can_a_patient()
    {
        var imran = await harness.ActorAsync("imran.hossain@gomoti.example");
        var patient = await harness.ActorAsync("ayesha@patients.example");
        var tanvirId = await harness.DoctorIdAsync("tanvir.ahmed@gomoti.example");

        (await Editor.AddRuleAsync(imran, tanvirId, Rule(DayOfWeek.Friday, 9, 11))).Error.Should().Be("You can only change your own schedule.");
        (await Editor.AddTimeOffAsync(patient, tanvirId, Tuesday, Tuesday, "Mine")).Error.Should().Be("You can only change your own schedule.");
        (await Editor.GetAsync(patient, tanvirId)).Succeeded.Should().BeFalse();
        (await Queries.ForDoctorAsync(tanvirId, new DateOnly(2026, 11, 27), 1))!.Slots.Should().BeEmpty("Friday stays closed");
    }

    [Fact]
    public async Task Staff_manage_any_doctor_and_overlapping_hours_are_refused()
    {
        var staff = await harness.ActorAsync("staff1@gomoti.example");
        var tanvirId = await harness.DoctorIdAsync("tanvir.ahmed@gomoti.example");

        var overlap = await Editor.AddRuleAsync(staff, tanvirId, Rule(DayOfWeek.Monday, 12, 14));
        var adjacent = await Editor.AddRuleAsync(staff, tanvirId, Rule(DayOfWeek.Monday, 13, 14));

        overlap.Error.Should().Be("These hours overlap the existing Monday 09:00–13:00 hours.");
        adjacent.Succeeded.Should().BeTrue(adjacent.Error);
    }

    [Fact]
    public async Task A_free_slot_is_disabled_and_enabled_again()
    {
        var nusrat = await harness.ActorAsync("nusrat.jahan@gomoti.example");
        var nusratId = await harness.DoctorIdAsync("nusrat.jahan@gomoti.example");
        var slot = await SlotAsync(nusratId, Tuesday, 10);

        (await Editor.SetSlotAsync(nusrat, nusratId, slot.StartUtc, SlotAction.Disable)).Succeeded.Should().BeTrue();
        (await SlotAsync(nusratId, Tuesday, 10)).State.Should().Be(SlotState.Disabled);

        (await Editor.SetSlotAsync(nusrat, nusratId, slot.StartUtc, SlotAction.Enable)).Succeeded.Should().BeTrue();
        (await SlotAsync(nusratId, Tuesday, 10)).State.Should().Be(SlotState.Available);
    }

    [Fact]
    public async Task A_booked_slot_can_be_neither_disabled_nor_removed()
    {
        var nusrat = await harness.ActorAsync("nusrat.jahan@gomoti.example");
        var nusratId = await harness.DoctorIdAsync("nusrat.jahan@gomoti.example");
        var slot = await SlotAsync(nusratId, Tuesday, 11);
        await harness.BookAsync(nusratId, slot.StartUtc);

        var disable = await Editor.SetSlotAsync(nusrat, nusratId, slot.StartUtc, SlotAction.Disable);
        var remove = await Editor.SetSlotAsync(nusrat, nusratId, slot.StartUtc, SlotAction.Remove);

        disable.Error.Should().Be("This slot has 1 booking, so it cannot be disabled. Cancel or move it first.");
        remove.Error.Should().Be("This slot has 1 booking, so it cannot be removed. Cancel or move it first.");
        (await SlotAsync(nusratId, Tuesday, 11)).State.Should().Be(SlotState.Full);
    }

    [Fact]
    public async Task A_removed_slot_disappears_and_a_removed_single_slot_is_deleted()
    {
        var owner = await harness.ActorAsync("owner@gomoti.example");
        var imranId = await harness.DoctorIdAsync("imran.hossain@gomoti.example");
        (await Editor.AddSingleSlotAsync(owner, imranId, Tuesday, new TimeOnly(9, 0), new TimeOnly(9, 45), 2)).Succeeded.Should().BeTrue();
        var single = await SlotAsync(imranId, Tuesday, 9);
        var weekly = await SlotAsync(imranId, Tuesday, 15);

        (await Editor.SetSlotAsync(owner, imranId, weekly.StartUtc, SlotAction.Remove)).Succeeded.Should().BeTrue();
        (await Editor.SetSlotAsync(owner, imranId, single.StartUtc, SlotAction.Remove)).Succeeded.Should().BeTrue();

        var day = (await Queries.ForDoctorAsync(imranId, Tuesday, 1))!.Slots;
        day.Should().NotContain(s => s.StartUtc == weekly.StartUtc || s.StartUtc == single.StartUtc);
        (await Editor.GetAsync(owner, imranId)).Value!.Extras.Should().BeEmpty();
    }

    [Fact]
    public async Task Extra_hours_on_a_day_off_or_over_weekly_hours_are_refused()
    {
        var imran = await harness.ActorAsync("imran.hossain@gomoti.example");
        var imranId = await harness.DoctorIdAsync("imran.hossain@gomoti.example");
        (await Editor.AddTimeOffAsync(imran, imranId, Tuesday, Tuesday.AddDays(2), "Conference in Chattogram")).Succeeded.Should().BeTrue();

        var onDayOff = await Editor.AddExtraHoursAsync(imran, imranId, Tuesday.AddDays(1), new TimeOnly(9, 0), new TimeOnly(10, 0), 30, 1);
        var overHours = await Editor.AddExtraHoursAsync(imran, imranId, Tuesday.AddDays(5), new TimeOnly(18, 0), new TimeOnly(20, 0), 30, 1);
        var inThePast = await Editor.AddSingleSlotAsync(imran, imranId, new DateOnly(2026, 11, 1), new TimeOnly(9, 0), new TimeOnly(9, 30), 1);

        onDayOff.Error.Should().Be("The doctor is off on Wed 2 Dec 2026 (Conference in Chattogram).");
        overHours.Error.Should().Be("This overlaps the weekly Sunday 15:00–19:00 hours.");
        inThePast.Error.Should().Be("That date has passed.");
    }

    [Fact]
    public async Task Removing_hours_keeps_their_bookings_and_lists_them_as_needing_attention()
    {
        var doctor = await harness.ActorAsync("tanvir.ahmed@gomoti.example");
        var tanvirId = await harness.DoctorIdAsync("tanvir.ahmed@gomoti.example");
        var slot = await SlotAsync(tanvirId, Tuesday, 10);
        await harness.BookAsync(tanvirId, slot.StartUtc);
        var tuesdayRule = (await Editor.GetAsync(doctor, tanvirId)).Value!.Rules.Single(r => r.Day == DayOfWeek.Tuesday);

        (await Editor.RemoveRuleAsync(doctor, tanvirId, tuesdayRule.Id)).Succeeded.Should().BeTrue();
        var attention = await Editor.NeedsAttentionAsync(doctor, tanvirId);

        attention.Value.Should().ContainSingle().Which.Should().Match<AttentionItem>(i =>
            i.StartUtc == slot.StartUtc && i.Bookings == 1 && i.Reason == "No longer within the doctor's hours.");
    }
}
