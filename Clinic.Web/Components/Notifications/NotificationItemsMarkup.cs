using System.Net;
using System.Text;
using Clinic.Data.Notifications;
using Clinic.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using static Clinic.Web.Localization.Translations;

namespace Clinic.Web.Components.Notifications;

/// <summary>
/// The bell's latest notifications as one piece of markup (MudBlazor's menu-item classes), each item
/// naming itself in <c>data-choice</c> for the list's one <c>@onchoose</c>: the bell is on every page
/// a signed-in person has open, and a dozen frames per item were kept for each of them. A notice is
/// stored as it was written, in the clinic's working language, and said in the reader's.
/// </summary>
public static class NotificationItemsMarkup
{
    public static MarkupString Of(IReadOnlyList<NotificationView> notifications, DateTime nowUtc, TimeZoneInfo zone)
    {
        var html = new StringBuilder();
        foreach (var notification in notifications)
        {
            html.Append("<button type=\"button\" role=\"menuitem\" class=\"").Append(MenuMarkup.ItemClasses)
                .Append(notification.IsRead ? " notification-item" : " notification-item unread")
                .Append("\" data-testid=\"bell-item\" data-menu-choice data-choice=\"").Append(notification.Id)
                .Append("\"><span class=\"mud-menu-item-text\"><span class=\"notification-title\">").Append(WebUtility.HtmlEncode(Sentence(notification.Title)))
                .Append("</span><span class=\"notification-text\">").Append(WebUtility.HtmlEncode(Sentence(notification.Text)))
                .Append("</span><span class=\"notification-time\">").Append(WebUtility.HtmlEncode(TimeAgo.Describe(notification.CreatedUtc, nowUtc, zone)))
                .Append("</span></span></button>");
        }
        return new MarkupString(html.ToString());
    }
}
