using Clinic.Domain.Series;

namespace Clinic.Tests.Domain.Series;

/// <summary>How a series repeats: weekly, every N weeks, monthly on the Nth weekday; by count or until a date; across daylight-saving changes.</summary>
public sealed class SeriesRuleTests
{
    private static readonly DateOnly Tuesday = new(2027, 3, 9); // the 2nd Tuesday of March 2027
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public void Every_two_weeks_for_four_visits()
    {
        new SeriesRule(SeriesFrequency.Weekly, 2, 4, null).Dates(Tuesday).Should().Equal(
            new DateOnly(2027, 3, 9), new DateOnly(2027, 3, 23), new DateOnly(2027, 4, 6), new DateOnly(2027, 4, 20));
    }

    [Fact]
    public void Weekly_until_a_date_includes_that_date()
    {
        new SeriesRule(SeriesFrequency.Weekly, 1, null, new DateOnly(2027, 3, 30)).Dates(Tuesday).Should().HaveCount(4).And.EndWith(new DateOnly(2027, 3, 30));
    }

    [Fact]
    public void Monthly_on_the_second_tuesday()
    {
        new SeriesRule(SeriesFrequency.MonthlyByWeekday, 1, 4, null).Dates(Tuesday).Should().Equal(
            new DateOnly(2027, 3, 9), new DateOnly(2027, 4, 13), new DateOnly(2027, 5, 11), new DateOnly(2027, 6, 8));
    }

    [Fact]
    public void A_fifth_weekday_is_read_as_the_last_in_months_with_four()
    {
        var fifthMonday = new DateOnly(2027, 3, 29);

        new SeriesRule(SeriesFrequency.MonthlyByWeekday, 1, 3, null).Dates(fifthMonday).Should().Equal(
            new DateOnly(2027, 3, 29), new DateOnly(2027, 4, 26), new DateOnly(2027, 5, 31));
        new SeriesRule(SeriesFrequency.MonthlyByWeekday, 1, 3, null).Describe(fifthMonday).Should().Be("Monthly on the last Monday, 3 visits");
    }

    [Fact]
    public void Nine_o_clock_stays_nine_o_clock_across_the_spring_change_in_paris()
    {
        var dates = new SeriesRule(SeriesFrequency.Weekly, 1, 3, null).Dates(new DateOnly(2027, 3, 22)); // the clocks go forward on 28 March

        SeriesRule.StartsUtc(dates, new TimeOnly(9, 0), Paris).Should().Equal(
            new DateTime(2027, 3, 22, 8, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 29, 7, 0, 0, DateTimeKind.Utc), new DateTime(2027, 4, 5, 7, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void A_time_the_spring_night_skips_has_no_visit_and_a_repeated_one_is_its_first()
    {
        SeriesRule.StartsUtc([new DateOnly(2027, 3, 28)], new TimeOnly(2, 30), Paris).Should().Equal([null]);
        SeriesRule.StartsUtc([new DateOnly(2027, 10, 31)], new TimeOnly(2, 30), Paris).Should().Equal(new DateTime(2027, 10, 31, 0, 30, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void A_rule_without_an_end_or_with_too_many_visits_is_refused()
    {
        new SeriesRule(SeriesFrequency.Weekly, 1, null, null).Problems(Tuesday).Should().ContainSingle("Say how many visits, or until which date.");
        new SeriesRule(SeriesFrequency.Weekly, 1, 60, null).Problems(Tuesday).Should().ContainSingle($"A series has 2 to {SeriesRule.MaxOccurrences} visits.");
        new SeriesRule(SeriesFrequency.Weekly, 0, 3, Tuesday).Problems(Tuesday).Should().HaveCount(2);
        new SeriesRule(SeriesFrequency.Weekly, 1, null, new DateOnly(2030, 1, 1)).Dates(Tuesday).Should().HaveCount(SeriesRule.MaxOccurrences, "until a far date stops at the most a series holds");
    }
}
