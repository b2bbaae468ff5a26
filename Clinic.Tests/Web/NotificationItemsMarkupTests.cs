using AngleSharp.Html.Parser;
using Clinic.Data.Notifications;
using Clinic.Domain.Notifications;
using Clinic.Web.Components.Notifications;

namespace Clinic.Tests.Web;

/// <summary>The bell's items written as one piece of markup: what a person sees of each, and how a click names it.</summary>
public sealed class NotificationItemsMarkupTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 6, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Each_item_shows_its_title_text_and_age_names_itself_for_the_click_and_marks_the_unread()
    {
        var unread = new NotificationView(Guid.NewGuid(), NotificationKind.AppointmentUpdate, "Appointment confirmed", "Dr. Farhana Rahman, Thu 3 Dec 2026, 18:00.", "/appointments/1", Now.AddMinutes(-5), null);
        var read = unread with { Id = Guid.NewGuid(), Title = "New message", ReadUtc = Now };

        var items = new HtmlParser().ParseDocument(NotificationItemsMarkup.Of([unread, read], Now, TimeZoneInfo.Utc).Value).QuerySelectorAll("[data-testid=bell-item]");

        items.Select(i => i.GetAttribute("data-choice")).Should().Equal(unread.Id.ToString(), read.Id.ToString());
        items[0].ClassList.Should().Contain("unread");
        items[1].ClassList.Should().NotContain("unread");
        items[0].QuerySelector(".notification-title")!.TextContent.Should().Be("Appointment confirmed");
        items[0].QuerySelector(".notification-text")!.TextContent.Should().Be("Dr. Farhana Rahman, Thu 3 Dec 2026, 18:00.");
        items[0].QuerySelector(".notification-time")!.TextContent.Should().Be(TimeAgo.Describe(unread.CreatedUtc, Now, TimeZoneInfo.Utc));
        items.Should().AllSatisfy(i => i.HasAttribute("data-menu-choice").Should().BeTrue("choosing one closes the bell's list"));
    }

    [Fact]
    public void What_people_wrote_is_shown_as_text_never_as_markup()
    {
        var typed = new NotificationView(Guid.NewGuid(), NotificationKind.Chat, "New message from <b>Rahim</b>", "\"Can I come at 5?\" <script>alert(1)</script>", null, Now, null);

        var document = new HtmlParser().ParseDocument(NotificationItemsMarkup.Of([typed], Now, TimeZoneInfo.Utc).Value);

        document.QuerySelector("script").Should().BeNull();
        document.QuerySelector(".notification-title")!.TextContent.Should().Be("New message from <b>Rahim</b>");
        document.QuerySelector(".notification-text")!.TextContent.Should().Be("\"Can I come at 5?\" <script>alert(1)</script>");
    }
}
