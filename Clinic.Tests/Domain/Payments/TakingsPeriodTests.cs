using Clinic.Domain.Payments;

namespace Clinic.Tests.Domain.Payments;

/// <summary>The days a takings report covers: the owner's usual periods, and a clear word for one that cannot be.</summary>
public sealed class TakingsPeriodTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    [Fact]
    public void The_month_so_far_runs_from_the_first_to_today_and_the_month_before_is_whole()
    {
        TakingsPeriod.MonthSoFar(Today).Should().Be(new TakingsPeriod(new(2026, 3, 1), Today));
        TakingsPeriod.MonthBefore(Today).Should().Be(new TakingsPeriod(new(2026, 2, 1), new(2026, 2, 28)));
        TakingsPeriod.MonthBefore(new DateOnly(2026, 1, 31)).Should().Be(new TakingsPeriod(new(2025, 12, 1), new(2025, 12, 31)));
        TakingsPeriod.LastSevenDays(Today).Should().Be(new TakingsPeriod(new(2026, 3, 9), Today));
        TakingsPeriod.LastSevenDays(Today).Days.Should().Be(7);
        TakingsPeriod.Day(Today).Days.Should().Be(1);
    }

    [Fact]
    public void A_period_ending_before_it_starts_or_longer_than_a_year_and_a_day_is_refused_in_words()
    {
        new TakingsPeriod(Today, Today.AddDays(-1)).Problems().Should().Equal("The last day is before the first.");
        new TakingsPeriod(Today, Today.AddDays(TakingsPeriod.MaxDays)).Problems().Should().ContainSingle().Which.Should().Contain("at most 366 days");
        new TakingsPeriod(Today, Today.AddDays(TakingsPeriod.MaxDays - 1)).Problems().Should().BeEmpty();
    }
}
