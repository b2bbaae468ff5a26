using Clinic.Data.Booking;
using Clinic.Domain.Appointments;
using Clinic.Data.Feeds;
using Clinic.Data.Messaging;
using Clinic.Data.Types;
using Clinic.Domain.Feeds;
using Clinic.Tests.Support;
using Clinic.Web.Email;
using Ical.Net;

namespace Clinic.Tests.Data.Booking;

/// <summary>A video visit: its meeting address reaches its patient and its doctor, once confirmed, on the page, in the email and in the calendar.</summary>
public sealed class OnlineVisitTests : DemoClinicTests
{
    private Guid video;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        video = (await Harness.Get<AppointmentTypes>().ForDoctorAsync(People.TanvirId)).Single(t => t.IsOnline).Id;
    }

    private async Task<Guid> BookVideoAsync(AppointmentActor by, DateTime startUtc)
    {
        var booked = await Harness.Get<BookingService>().BookAsync(by, new BookingRequest(People.TanvirId, startUtc, video,
            PatientUserId: by.IsClinic ? People.Ayesha.UserId : null));
        booked.Succeeded.Should().BeTrue(booked.Error);
        return booked.Value!.AppointmentId;
    }

    [Fact]
    public async Task The_patient_and_the_doctor_get_the_meeting_address_staff_see_only_that_it_is_online()
    {
        var id = await BookVideoAsync(People.Sadia, ClinicPeople.WednesdayNine);
        var queries = Harness.Get<AppointmentQueries>();

        var patients = (await queries.DetailAsync(People.Ayesha, id)).Value!.Appointment;
        var doctors = (await queries.DetailAsync(People.Tanvir, id)).Value!.Appointment;
        var staffs = (await queries.DetailAsync(People.Sadia, id)).Value!.Appointment;

        patients.MeetingUrl.Should().MatchRegex("^https://meet\\.jit\\.si/clinic-[0-9a-f]{32}$");
        doctors.MeetingUrl.Should().Be(patients.MeetingUrl);
        (staffs.IsOnline, staffs.MeetingUrl).Should().Be((true, null));
        var other = await BookVideoAsync(People.Sadia, ClinicPeople.WednesdayNine.AddMinutes(30));
        (await queries.DetailAsync(People.Ayesha, other)).Value!.Appointment.MeetingUrl.Should().NotBe(patients.MeetingUrl, "every visit has its own room");
    }

    [Fact]
    public async Task A_request_has_no_link_until_the_clinic_confirms_it()
    {
        var id = await BookVideoAsync(People.Ayesha, ClinicPeople.WednesdayNine);
        var queries = Harness.Get<AppointmentQueries>();

        (await queries.DetailAsync(People.Ayesha, id)).Value!.Appointment.MeetingUrl.Should().BeNull();
        (await Harness.Get<BookingService>().ConfirmAsync(People.Sadia, id, null)).Succeeded.Should().BeTrue();
        (await queries.DetailAsync(People.Ayesha, id)).Value!.Appointment.MeetingUrl.Should().NotBeNull();
    }

    [Fact]
    public async Task The_confirmation_email_its_ics_and_the_doctor_s_calendar_feed_carry_the_meeting_address()
    {
        var id = await BookVideoAsync(People.Sadia, ClinicPeople.WednesdayNine);
        var url = (await Harness.Get<AppointmentQueries>().DetailAsync(People.Ayesha, id)).Value!.Appointment.MeetingUrl!;

        await Harness.Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        var email = Harness.Mail.Sent.Should().ContainSingle().Subject;
        email.Text.Should().Contain($"join it at {url}");
        email.Signature.Should().Be("Gomoti Hospital\nHouse 12, Road 5, Dhanmondi, Dhaka 1205\nPhone: +880 2 5815 0000\ndesk@gomoti.example\nSaturday–Thursday 09:00–22:00\nFriday closed",
            "every appointment email is signed with the clinic's profile");
        var ics = Calendar.Load(CalendarInvite.Build(email.Calendar!, "desk@gomoti.example", "Gomoti Hospital", DateTimeOffset.UtcNow))!;
        ics.Events.Single().Location.Should().Be(url);

        var feeds = Harness.Get<CalendarFeeds>();
        var token = (await feeds.IssueAsync(await Harness.ActorAsync("tanvir.ahmed@gomoti.example"), new FeedSubject(FeedSubjectKind.Doctor, People.TanvirId.ToString()))).Value!;
        (await feeds.ReadAsync(token))!.Entries.Single(e => e.AppointmentId == id).Location.Should().Be(url);
    }
}
