using Clinic.Data.Feeds;
using Clinic.Domain.Appointments;
using Clinic.Domain.Feeds;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Clinic.Web.Feeds;

/// <summary>
/// A subscription calendar: every appointment of the feed at its instant in UTC (unambiguous across
/// daylight-saving changes; calendars show it in their reader's zone, X-WR-TIMEZONE names the clinic's). UIDs match the ones in appointment emails, so an entry added from an email and the
/// same entry from the feed are one; cancelled ones stay listed as CANCELLED so calendars drop them.
/// </summary>
public static class CalendarFeedWriter
{
    public static string Write(FeedContent feed, DateTimeOffset stamp)
    {
        var calendar = new Calendar { ProductId = Email.CalendarInvite.ProductId, Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", feed.Title);
        calendar.AddProperty("X-WR-TIMEZONE", feed.TimeZoneId);
        foreach (var entry in feed.Entries)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{entry.AppointmentId:N}@clinic",
                Sequence = entry.Version,
                DtStamp = new CalDateTime(stamp.UtcDateTime, "UTC"),
                DtStart = Email.CalendarInvite.Utc(entry.StartUtc),
                DtEnd = Email.CalendarInvite.Utc(entry.EndUtc),
                Summary = feed.Kind == FeedSubjectKind.Doctor ? $"{entry.PatientName} ({entry.Status})" : $"Appointment with {entry.DoctorName} ({entry.Status})",
                Location = entry.Location,
                Status = entry.Status switch
                {
                    AppointmentStatus.Cancelled => EventStatus.Cancelled,
                    AppointmentStatus.Pending => EventStatus.Tentative,
                    _ => EventStatus.Confirmed,
                },
            });
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
