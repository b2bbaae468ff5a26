using Clinic.Domain.Appointments;

namespace Clinic.Tests.Domain.Appointments;

/// <summary>An appointment holds a seat in every slot its visit covers while it holds its time, and none after.</summary>
public sealed class AppointmentSeatsTests
{
    private static readonly DateTime Start = People.Start;

    private static Appointment Hour(AppointmentStatus status = AppointmentStatus.Confirmed) =>
        Appointment.Create(People.DoctorId, "patient", Start, Start.AddMinutes(60), 1, People.Now, status, "staff", "Sadia Islam", null, null,
            laterStarts: [Start.AddMinutes(30)]);

    private static IEnumerable<(DateTime, int)> Held(Appointment appointment) => appointment.Seats.Select(s => (s.StartUtc, s.SeatNumber));

    [Fact]
    public void A_visit_of_two_slots_holds_the_same_seat_in_both()
    {
        Held(Hour()).Should().Equal((Start, 1), (Start.AddMinutes(30), 1));
    }

    [Fact]
    public void Cancelling_gives_back_every_seat_the_visit_held()
    {
        var appointment = Hour();

        appointment.Cancel(People.Staff, "The doctor is ill.", People.Now, 24).Succeeded.Should().BeTrue();

        appointment.Seats.Should().BeEmpty();
    }

    [Fact]
    public void A_no_show_gives_back_its_seats_and_a_completed_visit_keeps_them()
    {
        var missed = Hour();
        var done = Hour();
        var after = Start.AddHours(2);

        missed.MarkNoShow(People.Staff, after).Succeeded.Should().BeTrue();
        done.Complete(People.Staff, after).Succeeded.Should().BeTrue();

        missed.Seats.Should().BeEmpty();
        done.Seats.Should().HaveCount(2, "a visit that took place keeps its time in the calendar");
    }

    [Fact]
    public void Moving_half_an_hour_later_keeps_the_seat_both_times_share_and_swaps_the_others()
    {
        var appointment = Hour();
        var shared = appointment.Seats[1];

        appointment.MoveTo(Start.AddMinutes(30), Start.AddMinutes(90), 1, People.Staff, People.Now, 24, laterStarts: [Start.AddMinutes(60)])
            .Succeeded.Should().BeTrue();

        Held(appointment).Should().BeEquivalentTo([(Start.AddMinutes(30), 1), (Start.AddMinutes(60), 1)]);
        appointment.Seats.Should().Contain(shared, "a seat kept is the same row, not one removed and added again");
    }

    [Fact]
    public void Moving_to_another_doctor_holds_that_doctors_seats()
    {
        var appointment = Hour();
        var other = Guid.NewGuid();

        appointment.MoveTo(Start.AddDays(1), Start.AddDays(1).AddMinutes(30), 2, People.Staff, People.Now, 24, other).Succeeded.Should().BeTrue();

        appointment.Seats.Should().ContainSingle().Which.Should().BeEquivalentTo(new { DoctorId = other, StartUtc = Start.AddDays(1), SeatNumber = 2 });
    }

    [Fact]
    public void A_waitlist_offer_holds_its_seat_until_it_ends()
    {
        var offer = Appointment.Offer(People.DoctorId, "patient", Start, Start.AddMinutes(30), 3, People.Now, People.Now.AddMinutes(30));
        offer.Seats.Should().ContainSingle();

        offer.EndOffer("Declined.", "patient", "Ayesha Siddiqua", People.Now).Succeeded.Should().BeTrue();

        offer.Seats.Should().BeEmpty();
    }

    [Fact]
    public void A_visit_never_lasts_longer_than_a_day_nor_ends_before_it_starts()
    {
        // Finding a patient's overlapping visits looks back one longest visit from the time asked about.
        var create = (DateTime end) => () => Appointment.Create(People.DoctorId, "patient", Start, end, 1, People.Now, AppointmentStatus.Pending, "patient", "Ayesha Siddiqua", null, null);
        create(Start.Add(Appointment.LongestVisit)).Should().NotThrow();
        create(Start.Add(Appointment.LongestVisit).AddMinutes(1)).Should().Throw<ArgumentOutOfRangeException>();
        create(Start).Should().Throw<ArgumentOutOfRangeException>();

        var moved = () => Hour().MoveTo(Start.AddDays(1), Start.AddDays(2).AddMinutes(30), 1, People.Staff, People.Now, 24);
        moved.Should().Throw<ArgumentOutOfRangeException>();
    }
}
