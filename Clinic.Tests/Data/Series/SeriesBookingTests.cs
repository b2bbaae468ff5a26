using Clinic.Data.Booking;
using Clinic.Data.Persistence;
using Clinic.Data.Series;
using Clinic.Domain.Appointments;
using Clinic.Domain.Common;
using Clinic.Domain.Series;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Tests.Data.Series;

/// <summary>A series for a patient: every visit checked first, conflicts listed with the nearest free time, the accepted set saved whole or not at all.</summary>
public sealed class SeriesBookingTests : DemoClinicTests
{
    // The Harness clock: Monday 23 November 2026, 15:00 in Dhaka. Dr. Tanvir Ahmed: Sun–Thu 09:00–13:00, 30-minute slots, one seat.
    private SeriesBooking Series => Harness.Get<SeriesBooking>();

    private SeriesRequest WeeklyFromWednesday(int visits) =>
        new(People.TanvirId, People.Ayesha.UserId, ClinicPeople.WednesdayNine, new SeriesRule(SeriesFrequency.Weekly, 1, visits, null));

    private async Task<List<Appointment>> SeriesAppointmentsAsync()
    {
        await using var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.Appointments.AsNoTracking().Where(a => a.SeriesId != null).OrderBy(a => a.StartUtc).ToListAsync();
    }

    [Fact]
    public async Task A_taken_visit_is_listed_with_the_nearest_free_time_and_nothing_is_saved_by_looking()
    {
        // Rahim already holds the third Wednesday at 09:00.
        await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine.AddDays(14), People.Rahim);

        var preview = (await Series.PreviewAsync(People.Sadia, WeeklyFromWednesday(4))).Value!;

        preview.Description.Should().Be("Every week, 4 visits");
        preview.Occurrences.Select(o => o.Free).Should().Equal(true, true, false, false);
        var conflict = preview.Occurrences[2];
        conflict.Reason.Should().Be("Already booked");
        conflict.AlternativeUtc.Should().Be(ClinicPeople.WednesdayNine.AddDays(14).AddMinutes(30), "09:30 the same morning is the nearest free time");
        conflict.AlternativeLocal.Should().Be(new DateTime(2026, 12, 9, 9, 30, 0));
        // 16 December is Victory Day: the clinic is closed; the series' own 09:00 on the nearest day (the day before) stands in.
        var holiday = preview.Occurrences[3];
        holiday.Reason.Should().Contain("Victory Day");
        holiday.AlternativeLocal.Should().Be(new DateTime(2026, 12, 15, 9, 0, 0));
        (await SeriesAppointmentsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task The_accepted_set_is_saved_as_one_confirmed_series_with_one_announcement()
    {
        var preview = (await Series.PreviewAsync(People.Sadia, WeeklyFromWednesday(3))).Value!;

        var booked = await Series.BookAsync(People.Sadia, WeeklyFromWednesday(3), [.. preview.Occurrences.Select(o => o.StartUtc!.Value)]);

        booked.Succeeded.Should().BeTrue(booked.Error);
        var saved = await SeriesAppointmentsAsync();
        saved.Select(a => a.StartUtc).Should().Equal(ClinicPeople.WednesdayNine, ClinicPeople.WednesdayNine.AddDays(7), ClinicPeople.WednesdayNine.AddDays(14));
        saved.Should().OnlyContain(a => a.Status == AppointmentStatus.Confirmed && a.SeriesId == booked.Value!.SeriesId);
        await using var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        (await db.Notifications.CountAsync(n => n.UserId == People.Ayesha.UserId)).Should().Be(2, "one notice for the first visit and one for the series, not one per visit");
        (await db.Outbox.CountAsync(m => m.Kind == Clinic.Domain.Messaging.OutboxKind.Reminder)).Should().Be(3, "every visit gets its reminder");
    }

    [Fact]
    public async Task If_one_visit_was_taken_meanwhile_nothing_is_saved_and_the_refusal_names_it()
    {
        var preview = (await Series.PreviewAsync(People.Sadia, WeeklyFromWednesday(3))).Value!;
        await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine.AddDays(7), People.Rahim);

        var booked = await Series.BookAsync(People.Sadia, WeeklyFromWednesday(3), [.. preview.Occurrences.Select(o => o.StartUtc!.Value)]);

        booked.Code.Should().Be(RefusalCodes.SlotFull);
        booked.Error.Should().Be("Wed 2 Dec 2026, 09:00: Already booked");
        (await SeriesAppointmentsAsync()).Should().BeEmpty("a series is saved whole or not at all");
    }

    [Fact]
    public async Task Patients_cannot_book_a_series()
    {
        (await Series.PreviewAsync(People.Ayesha, WeeklyFromWednesday(3))).Code.Should().Be(RefusalCodes.Forbidden);
        (await Series.BookAsync(People.Ayesha, WeeklyFromWednesday(3), [ClinicPeople.WednesdayNine, ClinicPeople.WednesdayNine.AddDays(7)])).Code.Should().Be(RefusalCodes.Forbidden);
    }

    [Fact]
    public async Task Cancelling_this_and_the_following_visits_leaves_the_earlier_ones_and_tells_the_patient_once()
    {
        var request = WeeklyFromWednesday(3);
        var booked = (await Series.BookAsync(People.Sadia, request, [.. Enumerable.Range(0, 3).Select(w => ClinicPeople.WednesdayNine.AddDays(7 * w))])).Value!;
        var changes = Harness.Get<SeriesChanges>();

        (await changes.CancelFollowingAsync(People.Sadia, booked.AppointmentIds[1], " ")).Error.Should().Be("Give the patient a reason for the cancellation.");
        var cancelled = await changes.CancelFollowingAsync(People.Sadia, booked.AppointmentIds[1], "Dr. Ahmed is away in December.");

        cancelled.Value!.Cancelled.Should().Be(2);
        (await SeriesAppointmentsAsync()).Select(a => a.Status).Should().Equal(AppointmentStatus.Confirmed, AppointmentStatus.Cancelled, AppointmentStatus.Cancelled);
        await using var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        (await db.Notifications.Where(n => n.UserId == People.Ayesha.UserId).Select(n => n.Title).ToListAsync())
            .Should().BeEquivalentTo(["Appointment booked", "Series booked", "Appointment cancelled", "Series cancelled"]);
        (await db.Outbox.CountAsync(m => m.Kind == Clinic.Domain.Messaging.OutboxKind.Reminder && m.Status == Clinic.Domain.Messaging.DeliveryStatus.Pending))
            .Should().Be(1, "only the visit still on keeps its reminder");
    }

    [Fact]
    public async Task Moving_this_and_the_following_visits_shifts_each_by_the_same_step_or_nothing_when_one_cannot_move()
    {
        var booked = (await Series.BookAsync(People.Sadia, WeeklyFromWednesday(3), [.. Enumerable.Range(0, 3).Select(w => ClinicPeople.WednesdayNine.AddDays(7 * w))])).Value!;
        var changes = Harness.Get<SeriesChanges>();
        // Rahim holds 10:00 on the third Wednesday: moving the second visit to 10:00 cannot move the third.
        await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine.AddDays(14).AddHours(1), People.Rahim);

        var refused = await changes.MoveFollowingAsync(People.Sadia, booked.AppointmentIds[1], ClinicPeople.WednesdayNine.AddDays(7).AddHours(1));
        var moved = await changes.MoveFollowingAsync(People.Sadia, booked.AppointmentIds[1], ClinicPeople.WednesdayNine.AddDays(7).AddMinutes(30));

        refused.Code.Should().Be(RefusalCodes.SlotFull);
        refused.Error.Should().Be("Wed 9 Dec 2026, 09:00: Already booked");
        moved.Value.Should().Be(2);
        (await SeriesAppointmentsAsync()).Select(a => a.StartUtc).Should().Equal(
            ClinicPeople.WednesdayNine, ClinicPeople.WednesdayNine.AddDays(7).AddMinutes(30), ClinicPeople.WednesdayNine.AddDays(14).AddMinutes(30));
    }

    [Fact]
    public async Task A_weekly_series_moves_by_exactly_a_week_either_way_though_each_new_time_is_a_sibling_s_old_one()
    {
        // Dr. Ahmed has one seat: each visit's new time is held, until it moves, by the visit after it (or before it).
        var weekly = new SeriesRequest(People.TanvirId, People.Ayesha.UserId, ClinicPeople.WednesdayNine.AddDays(7), new SeriesRule(SeriesFrequency.Weekly, 1, 2, null));
        var booked = (await Series.BookAsync(People.Sadia, weekly, [ClinicPeople.WednesdayNine.AddDays(7), ClinicPeople.WednesdayNine.AddDays(14)])).Value!;
        var changes = Harness.Get<SeriesChanges>();

        var earlier = await changes.MoveFollowingAsync(People.Sadia, booked.AppointmentIds[0], ClinicPeople.WednesdayNine);
        earlier.Value.Should().Be(2, earlier.Error);
        (await SeriesAppointmentsAsync()).Select(a => a.StartUtc).Should().Equal(ClinicPeople.WednesdayNine, ClinicPeople.WednesdayNine.AddDays(7));

        var later = await changes.MoveFollowingAsync(People.Sadia, booked.AppointmentIds[0], ClinicPeople.WednesdayNine.AddDays(7));
        later.Value.Should().Be(2, later.Error);
        (await SeriesAppointmentsAsync()).Select(a => a.StartUtc).Should().Equal(ClinicPeople.WednesdayNine.AddDays(7), ClinicPeople.WednesdayNine.AddDays(14));
        await using var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        (await db.Seats.Where(seat => booked.AppointmentIds.Contains(seat.AppointmentId)).OrderBy(seat => seat.StartUtc).Select(seat => seat.StartUtc).ToListAsync())
            .Should().Equal([ClinicPeople.WednesdayNine.AddDays(7), ClinicPeople.WednesdayNine.AddDays(14)], "each visit holds the seat of its new time, and no other");
    }
}
