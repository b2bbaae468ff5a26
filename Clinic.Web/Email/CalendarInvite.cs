using Clinic.Data.Messaging;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Clinic.Web.Email;

/// <summary>
/// The .ics attached to appointment emails: one event whose start and end are written in UTC, so
/// every calendar places it at one unambiguous instant (a wall-clock time with a TZID names two
/// instants in the hour an autumn night repeats) and shows it in its reader's own zone.
/// The appointment id is the UID and its version the SEQUENCE: a later message replaces the entry.
/// </summary>
public static class CalendarInvite
{
    public const string ProductId = "-//Clinic//Appointments//EN";

    public static string Build(CalendarEntry entry, string organizerEmail, string organizerName, DateTimeOffset stamp)
    {
        var calendar = new Calendar { ProductId = ProductId, Method = entry.Cancelled ? "CANCEL" : "PUBLISH" };
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"{entry.AppointmentId:N}@clinic",
            Sequence = entry.Sequence,
            DtStamp = new CalDateTime(stamp.UtcDateTime, "UTC"),
            DtStart = Utc(entry.StartUtc),
            DtEnd = Utc(entry.EndUtc),
            Summary = entry.Summary,
            Location = entry.Location,
            Description = entry.Description,
            Status = entry.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer($"mailto:{organizerEmail}") { CommonName = organizerName },
        });
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>An instant as iCalendar's UTC form (20271031T003000Z).</summary>
    public static CalDateTime Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc), "UTC");
}
