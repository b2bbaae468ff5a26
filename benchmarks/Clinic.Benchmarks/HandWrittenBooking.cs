using System.Diagnostics;
using System.Globalization;
using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Clinic.Domain.Clinics;
using Clinic.Domain.Notifications;
using Clinic.Domain.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Benchmarks;

/// <summary>
/// What a second booking path beside EF would reach: a patient's booking written by hand on one long-lived
/// connection, every statement compiled once and used again, with the domain's own work (the schedule
/// read into its entities, the slot worked out twice by the calculator, the appointment created, the
/// team's notice worded) and the after-commit announcement. It writes what a booking writes (the
/// appointment, its seat, its history line, the notice) but leaves out what the benchmark's
/// bookings never meet (a type, booking for someone else, refusals, lost races, reading exceptions
/// other than days off). So it is an upper bound for such a path, not a second implementation.
/// </summary>
public static class HandWrittenBooking
{
    /// <summary>Books <paramref name="count"/> of the free slots from <paramref name="from"/>; bookings per second.</summary>
    public static async Task<double> RunAsync(BenchmarkClinic clinic, IReadOnlyList<Slot> free, IReadOnlyList<AppointmentActor> patients, int from, int count)
    {
        var afterCommit = clinic.Services.GetRequiredService<AfterCommit>();
        await using var connection = new SqliteConnection($"Data Source={clinic.DatabasePath};Default Timeout=30");
        await connection.OpenAsync();
        var begin = Command(connection, "BEGIN IMMEDIATE");
        var commit = Command(connection, "COMMIT");
        var scene = Command(connection, """
            SELECT c.Id, c.Name, c.Address, c.TimeZoneId, c.BookingWindowDays, c.MinimumNoticeHours, c.CancellationCutoffHours, c.ReminderLeadHours, c.WaitlistHoldMinutes, c.Phone,
                   d.UserId, d.FullName, (SELECT u.FullName FROM AspNetUsers u WHERE u.Id = $patient)
            FROM Doctors d JOIN Clinics c ON c.Id = d.ClinicId WHERE d.Id = $doctor
            """, "$patient", "$doctor");
        var rules = Command(connection, "SELECT Day, \"From\", \"To\", SlotMinutes, Capacity FROM WeeklyRules WHERE DoctorId = $doctor AND Day IN ($a, $b, $c)", "$doctor", "$a", "$b", "$c");
        var exceptions = Command(connection, "SELECT Kind, FirstDate, LastDate, \"From\", \"To\", SlotMinutes, Capacity, Reason FROM ScheduleExceptions WHERE DoctorId = $doctor AND LastDate >= $first AND FirstDate <= $last", "$doctor", "$first", "$last");
        var switches = Command(connection, "SELECT StartUtc, State FROM SlotSwitches WHERE DoctorId = $doctor AND StartUtc >= $start AND StartUtc < $until", "$doctor", "$start", "$until");
        var probe = Command(connection, """
            SELECT s.StartUtc, s.SeatNumber FROM Seats s WHERE s.DoctorId = $doctor AND s.StartUtc >= $start AND s.StartUtc <= $last
            UNION ALL
            SELECT a.StartUtc, 0 FROM Appointments a WHERE a.Status IN ('Pending', 'Confirmed', 'Completed', 'Offered') AND a.PatientUserId = $patient AND a.StartUtc > $earliest AND a.StartUtc < $end AND a.EndUtc > $start AND NOT a.IsDeleted
            """, "$doctor", "$start", "$last", "$patient", "$earliest", "$end");
        var team = Command(connection, """
            SELECT DISTINCT u.Id FROM AspNetRoles r JOIN AspNetUserRoles ur ON r.Id = ur.RoleId JOIN AspNetUsers u ON ur.UserId = u.Id
            WHERE r.NormalizedName IN ('OWNER', 'STAFF') AND u.IsActive
            """);
        var insertAppointment = Command(connection, """
            INSERT INTO Appointments (Id, CancelReason, CreatedByUserId, CreatedUtc, DoctorId, EndUtc, IsDeleted, MeetingRoom, OfferExpiresUtc, PatientNote, PatientUserId, SeatNumber, SeriesId, ServiceId, Stage, StartUtc, Status, UpdatedUtc, Version)
            VALUES ($id, NULL, $by, $now, $doctor, $end, 0, NULL, NULL, $note, $patient, $seat, NULL, NULL, $stage, $start, $status, $now, 1)
            """, "$id", "$by", "$now", "$doctor", "$end", "$note", "$patient", "$seat", "$stage", "$start", "$status");
        var insertNotification = Command(connection, "INSERT INTO Notifications (Id, CreatedUtc, Kind, Link, ReadUtc, Text, Title, UserId) VALUES ($id, $now, $kind, $link, NULL, $text, $title, $user)",
            "$id", "$now", "$kind", "$link", "$text", "$title", "$user");
        var insertHistory = Command(connection, "INSERT INTO AppointmentHistory (Id, AppointmentId, AtUtc, ByName, ByUserId, \"From\", Kind, Reason, \"To\") VALUES ($id, $appointment, $at, $name, $user, NULL, $kind, NULL, $to)",
            "$id", "$appointment", "$at", "$name", "$user", "$kind", "$to");
        var insertSeat = Command(connection, "INSERT INTO Seats (DoctorId, SeatNumber, StartUtc, AppointmentId) VALUES ($doctor, $seat, $start, $appointment)", "$doctor", "$seat", "$start", "$appointment");

        var clock = Stopwatch.StartNew();
        for (var i = from; i < from + count; i++)
        {
            var (slotWanted, by) = (free[i], patients[i]);
            var now = DateTimeOffset.UtcNow;
            begin.ExecuteNonQuery();
            var doctorKey = Key(slotWanted.DoctorId);
            var startUtc = slotWanted.StartUtc;
            scene.Parameters[0].Value = by.UserId;
            scene.Parameters[1].Value = doctorKey;
            ClinicLocation location;
            string doctorUserId, doctorName, patientName;
            using (var r = scene.ExecuteReader())
            {
                r.Read();
                location = ClinicLocation.Create(r.GetString(1), r.GetString(2), r.GetString(3)).Value!;
                location.UpdateSettings(new ClinicSettings(r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), r.IsDBNull(9) ? null : r.GetString(9)));
                (doctorUserId, doctorName, patientName) = (r.GetString(10), r.GetString(11), r.GetString(12));
            }
            var utcDate = DateOnly.FromDateTime(startUtc);
            var (first, last) = (utcDate.AddDays(-1), utcDate.AddDays(1));
            rules.Parameters[0].Value = doctorKey;
            rules.Parameters[1].Value = (int)first.DayOfWeek;
            rules.Parameters[2].Value = (int)utcDate.DayOfWeek;
            rules.Parameters[3].Value = (int)last.DayOfWeek;
            var ruleList = new List<WeeklyRule>();
            using (var r = rules.ExecuteReader())
                while (r.Read())
                    ruleList.Add(WeeklyRule.Create(slotWanted.DoctorId, new WeeklyRuleDetails((DayOfWeek)r.GetInt32(0), TimeOnly.Parse(r.GetString(1), CultureInfo.InvariantCulture), TimeOnly.Parse(r.GetString(2), CultureInfo.InvariantCulture), r.GetInt32(3), r.GetInt32(4))).Value!);
            exceptions.Parameters[0].Value = doctorKey;
            exceptions.Parameters[1].Value = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            exceptions.Parameters[2].Value = last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var exceptionList = new List<ScheduleException>();
            using (var r = exceptions.ExecuteReader())
                while (r.Read())
                    exceptionList.Add(ScheduleException.Closed(slotWanted.DoctorId, DateOnly.Parse(r.GetString(1), CultureInfo.InvariantCulture), DateOnly.Parse(r.GetString(2), CultureInfo.InvariantCulture), "x").Value!);
            switches.Parameters[0].Value = doctorKey;
            switches.Parameters[1].Value = startUtc.Ticks;
            switches.Parameters[2].Value = startUtc.AddDays(1).Ticks;
            var switchList = new List<SlotSwitch>();
            using (var r = switches.ExecuteReader())
                while (r.Read())
                    switchList.Add(SlotSwitch.For(slotWanted.DoctorId, new DateTime(r.GetInt64(0), DateTimeKind.Utc), SlotSwitchState.Disabled));
            var schedule = new DoctorSchedule(slotWanted.DoctorId, ruleList, exceptionList, switchList);
            var calculator = new AvailabilityCalculator(location.TimeZone, location.Policy);
            var scheduled = calculator.SlotAt(schedule, startUtc, now, new Dictionary<DateTime, int>(), null)!;

            probe.Parameters[0].Value = doctorKey;
            probe.Parameters[1].Value = scheduled.StartUtc.Ticks;
            probe.Parameters[2].Value = scheduled.HeldStarts[^1].Ticks;
            probe.Parameters[3].Value = by.UserId;
            probe.Parameters[4].Value = (scheduled.StartUtc - Appointment.LongestVisit).Ticks;
            probe.Parameters[5].Value = scheduled.EndUtc.Ticks;
            var held = new Dictionary<DateTime, List<int>>();
            var busy = false;
            using (var r = probe.ExecuteReader())
                while (r.Read())
                {
                    var seatNo = r.GetInt32(1);
                    if (seatNo == 0) { busy = true; continue; }
                    var at = new DateTime(r.GetInt64(0), DateTimeKind.Utc);
                    if (!held.TryGetValue(at, out var list)) held[at] = list = [];
                    list.Add(seatNo);
                }
            var slot = calculator.SlotAt(schedule, startUtc, now, held.ToDictionary(h => h.Key, h => h.Value.Count), null)!;
            var taken = held.GetValueOrDefault(slot.StartUtc) ?? [];
            var seat = Enumerable.Range(1, slot.SeatsTotal).First(s => !taken.Contains(s));
            if (busy || !slot.IsBookable)
                throw new InvalidOperationException($"The benchmark's slot {slot.StartUtc:O} was refused; this path books free slots only.");

            var appointment = Appointment.Create(slotWanted.DoctorId, by.UserId, slot.StartUtc, slot.EndUtc, seat, now.UtcDateTime, AppointmentStatus.Pending, by.UserId, by.Name, null, null, false, slot.LaterStarts);
            var teamIds = new List<string>();
            using (var r = team.ExecuteReader())
                while (r.Read())
                    teamIds.Add(r.GetString(0));
            var change = AppointmentNotices.Classify(null, null, appointment)!.Value;
            var notices = AppointmentNotices.For(new AppointmentNoticeContext(appointment.Id, change, by.UserId, by.UserId, patientName, doctorUserId, doctorName,
                ClinicTime.LocalOf(appointment.StartUtc, location.TimeZone).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture), null, null, teamIds));

            var id = Key(appointment.Id);
            var nowTicks = appointment.CreatedUtc.Ticks;
            Set(insertAppointment, id, by.UserId, nowTicks, doctorKey, appointment.EndUtc.Ticks, (object?)appointment.PatientNote ?? DBNull.Value, by.UserId, seat, appointment.Stage.ToString(), appointment.StartUtc.Ticks, appointment.Status.ToString());
            insertAppointment.ExecuteNonQuery();
            foreach (var notice in notices)
            {
                var n = Notification.Create(notice.UserId, notice.Kind, notice.Title, notice.Text, notice.Link, now.UtcDateTime);
                Set(insertNotification, Key(n.Id), nowTicks, n.Kind.ToString(), (object?)n.Link ?? DBNull.Value, n.Text, n.Title, n.UserId);
                insertNotification.ExecuteNonQuery();
            }
            foreach (var h in appointment.History)
            {
                Set(insertHistory, Key(h.Id), id, h.AtUtc.Ticks, h.ByName, h.ByUserId, h.Kind.ToString(), (object?)h.To ?? DBNull.Value);
                insertHistory.ExecuteNonQuery();
            }
            foreach (var s in appointment.Seats)
            {
                Set(insertSeat, doctorKey, s.SeatNumber, s.StartUtc.Ticks, id);
                insertSeat.ExecuteNonQuery();
            }
            commit.ExecuteNonQuery();
            afterCommit.Announce(appointment.RecordedEvents, false);
            appointment.ClearRecordedEvents();
        }
        return count / clock.Elapsed.TotalSeconds;
    }

    private static string Key(Guid id) => id.ToString().ToUpperInvariant();

    private static void Set(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i];
    }

    private static SqliteCommand Command(SqliteConnection connection, string text, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        foreach (var p in parameters)
            command.Parameters.Add(new SqliteParameter(p, DBNull.Value));
        return command;
    }
}
