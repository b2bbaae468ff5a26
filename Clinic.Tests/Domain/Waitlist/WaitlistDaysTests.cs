using Clinic.Domain.Scheduling;
using Clinic.Domain.Waitlist;

namespace Clinic.Tests.Domain.Waitlist;

public sealed class WaitlistDaysTests
{
    private static readonly DateOnly Thursday = new(2026, 12, 10);

    private static DaySummary Full(int after) => new(Thursday.AddDays(after), 8, 0, 0, null);
    private static DaySummary NoHours(int after) => new(Thursday.AddDays(after), 0, 0, 0, null);
    private static DaySummary Free(int after) => new(Thursday.AddDays(after), 8, 3, 3, null);
    private static DaySummary Closed(int after) => new(Thursday.AddDays(after), 0, 0, 0, "Victory Day");

    [Fact]
    public void A_wait_runs_over_days_off_to_the_full_days_after_them_and_ends_before_a_free_day()
    {
        var week = new[] { Full(0), NoHours(1), NoHours(2), Full(3), Full(4), Free(5), Full(6) };

        WaitlistDays.LaterEnds(week, Thursday).Should().Equal(Thursday.AddDays(3), Thursday.AddDays(4));
    }

    [Fact]
    public void Days_off_or_closed_alone_after_a_full_day_offer_no_longer_wait()
    {
        WaitlistDays.LaterEnds([Full(0), NoHours(1), Closed(2), Free(3)], Thursday).Should().BeEmpty();
        WaitlistDays.LaterEnds([Full(0), Free(1), Full(2)], Thursday).Should().BeEmpty("the next day has free times: book one");
    }

    [Fact]
    public void Days_before_the_full_one_do_not_count()
    {
        WaitlistDays.LaterEnds([Full(-2), Full(-1), Full(0), Full(1)], Thursday).Should().Equal(Thursday.AddDays(1));
    }
}
