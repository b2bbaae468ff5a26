using Clinic.Data.Messaging;
using Clinic.Domain.Clinics;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Clinic.Web.Email;

/// <summary>
/// The .ics attached to appointment emails: one event at the clinic's wall-clock time with its
/// time zone (TZID plus a VTIMEZONE), so a patient's calendar shows the right hour wherever they are.
/// The appointment id is the UID and its version the SEQUENCE: a later message replaces the entry.
/// </summary>
public static class CalendarInvite
{
    public const string ProductId = "-//Clinic//Appointments//EN";

    public static string Build(CalendarEntry entry, string organizerEmail, string organizerName, DateTimeOffset stamp)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(entry.TimeZoneId);
        var calendar = new Calendar { ProductId = ProductId, Method = entry.Cancelled ? "CANCEL" : "PUBLISH" };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(entry.TimeZoneId));
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"{entry.AppointmentId:N}@clinic",
            Sequence = entry.Sequence,
            DtStamp = new CalDateTime(stamp.UtcDateTime, "UTC"),
            DtStart = new CalDateTime(ClinicTime.LocalOf(entry.StartUtc, zone), entry.TimeZoneId),
            DtEnd = new CalDateTime(ClinicTime.LocalOf(entry.EndUtc, zone), entry.TimeZoneId),
            Summary = entry.Summary,
            Location = entry.Location,
            Description = entry.Description,
            Status = entry.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer($"mailto:{organizerEmail}") { CommonName = organizerName },
        });
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
