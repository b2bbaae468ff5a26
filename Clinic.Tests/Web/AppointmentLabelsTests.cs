using Clinic.Domain.Appointments;
using Clinic.Web.Components.Appointments;

namespace Clinic.Tests.Web;

public sealed class AppointmentLabelsTests
{
    [Fact]
    public void Every_status_and_stage_reads_as_words_not_as_its_code_name()
    {
        Enum.GetValues<AppointmentStatus>().Select(AppointmentLabels.Status)
            .Should().OnlyHaveUniqueItems().And.NotContain(["NoShow", "Offered", "Unknown"]);
        Enum.GetValues<VisitStage>().Select(AppointmentLabels.Stage)
            .Should().OnlyHaveUniqueItems().And.Contain("In consultation").And.NotContain("InConsultation");
    }

    [Theory]
    [InlineData(AppointmentStatus.Pending)]
    [InlineData(AppointmentStatus.Cancelled)]
    [InlineData(AppointmentStatus.NoShow)]
    [InlineData(AppointmentStatus.Offered)]
    public void An_appointment_with_no_visit_to_follow_shows_no_stage(AppointmentStatus status) =>
        AppointmentLabels.Stage(VisitStage.Expected, status).Should().BeNull();

    [Fact]
    public void A_completed_visit_is_done_and_a_confirmed_one_shows_where_it_is()
    {
        AppointmentLabels.Stage(VisitStage.Expected, AppointmentStatus.Completed).Should().Be("Done");
        AppointmentLabels.Stage(VisitStage.InConsultation, AppointmentStatus.Confirmed).Should().Be("In consultation");
    }

    [Theory]
    [InlineData("InConsultation", "In consultation")]
    [InlineData("NoShow", "No-show")]
    [InlineData("Pending", "Pending")]
    [InlineData("2026-11-30T04:00:00.0000000Z", "2026-11-30T04:00:00.0000000Z")]
    public void History_values_read_as_words(string stored, string shown) =>
        AppointmentLabels.HistoryValue(stored).Should().Be(shown);
}

public sealed class TimeAgoTests
{
    [Theory]
    [InlineData(0.5, "just now")]
    [InlineData(5, "5 min ago")]
    [InlineData(180, "3 h ago")]
    [InlineData(1500, "1 day ago")]
    [InlineData(4 * 1440 + 30, "4 days ago")]
    public void A_wait_reads_as_a_person_would_say_it(double minutes, string said) =>
        Clinic.Web.Components.Notifications.TimeAgo.Age(TimeSpan.FromMinutes(minutes)).Should().Be(said);
}
