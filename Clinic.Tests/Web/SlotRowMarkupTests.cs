using Clinic.Domain.Scheduling;
using Clinic.Web.Components.Scheduling;

namespace Clinic.Tests.Web;

/// <summary>What a slot's row and a day of the strip say, written once and shared by every page showing the same week.</summary>
public sealed class SlotRowMarkupTests
{
    private static readonly TimeZoneInfo Dhaka = TimeZoneInfo.FindSystemTimeZoneById("Asia/Dhaka");

    private static Slot At(int hour, int booked, int seats, SlotState state, string reason) =>
        new(Guid.NewGuid(), new DateTime(2026, 12, 1, hour - 6, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 1, hour - 5, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 12, 1, hour, 0, 0), new DateTime(2026, 12, 1, hour + 1, 0, 0), seats, booked, state, reason, SlotSource.Weekly, null);

    [Fact]
    public void A_free_shared_session_says_the_seats_left_and_a_taken_slot_says_why()
    {
        var free = SlotRowMarkup.Of(At(9, 3, 15, SlotState.Available, ""), Dhaka, showBookings: false).Value;
        var full = SlotRowMarkup.Of(At(10, 1, 1, SlotState.Full, "Already booked"), Dhaka, showBookings: false).Value;

        free.Should().Contain("09:00–10:00").And.Contain("data-state=\"Available\"").And.Contain(">12 of 15 left<").And.NotContain("slot-reason");
        full.Should().Contain("data-state=\"Full\"").And.Contain("<span class=\"slot-reason\" data-testid=\"slot-reason\">Already booked</span>");
    }

    [Fact]
    public void Doctors_also_see_how_many_are_booked()
    {
        var slot = At(11, 2, 15, SlotState.TooSoon, "Bookings close 2 hours before a visit.");

        SlotRowMarkup.Of(slot, Dhaka, showBookings: true).Value.Should().Contain(">Bookings close 2 hours before a visit. · 2 booked<");
        SlotRowMarkup.Of(slot, Dhaka, showBookings: false).Value.Should().Contain(">Bookings close 2 hours before a visit.<");
    }

    [Fact]
    public void A_reason_is_written_as_text_never_as_markup()
    {
        var slot = At(12, 0, 1, SlotState.Disabled, "Dr. <b>away</b> & \"back\" soon");

        SlotRowMarkup.Of(slot, Dhaka, showBookings: false).Value.Should().Contain("Dr. &lt;b&gt;away&lt;/b&gt; &amp; &quot;back&quot; soon").And.NotContain("<b>");
    }

    [Fact]
    public void The_same_slot_is_written_once_for_every_page_and_again_only_for_another_view()
    {
        var slot = At(9, 0, 1, SlotState.Available, "");

        var first = SlotRowMarkup.Of(slot, Dhaka, showBookings: false).Value;
        ReferenceEquals(first, SlotRowMarkup.Of(slot, Dhaka, showBookings: false).Value).Should().BeTrue();
        // An equal slot read again after a change is another answer: it is written for itself.
        ReferenceEquals(first, SlotRowMarkup.Of(slot with { }, Dhaka, showBookings: false).Value).Should().BeFalse();
        SlotRowMarkup.Of(slot, zone: null, showBookings: false).Value.Should().Contain("09:00–10:00");
    }

    [Fact]
    public void A_day_says_its_seats_or_times_left_or_why_none()
    {
        var open = new DaySummary(new DateOnly(2026, 12, 1), 8, 3, 1, null);
        var closed = new DaySummary(new DateOnly(2026, 12, 2), 0, 0, 0, "Victory <Day>");

        DayCellMarkup.Of(open, times: false).Value.Should().Be("<span class=\"day-name\">Tue</span><span class=\"day-date\">1 Dec</span><span class=\"day-seats\" data-testid=\"day-seats\">1 seat</span>");
        DayCellMarkup.Of(open, times: true).Value.Should().EndWith(">3 times</span>");
        DayCellMarkup.Of(closed, times: false).Value.Should().EndWith("<span class=\"day-note\" title=\"Victory &lt;Day&gt;\">Closed</span>");
        DayCellMarkup.Of(new DaySummary(new DateOnly(2026, 12, 3), 8, 0, 0, null), times: false).Value.Should().EndWith(">None free</span>");
        DayCellMarkup.Of(new DaySummary(new DateOnly(2026, 12, 4), 0, 0, 0, null), times: false).Value.Should().EndWith(">No hours</span>");
    }
}
