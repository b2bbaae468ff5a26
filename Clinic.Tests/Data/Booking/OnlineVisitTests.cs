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
public sealed class OnlineVisitTests : IAsyncLifetime
{
    private readonly DataHarness harness = new();
    private ClinicPeople people = null!;
    private Guid video;

    public async Task InitializeAsync()
    {
        await harness.InitializeAsync();
        people = await ClinicPeople.LoadAsync(harness);
        video = (await harness.Get<AppointmentTypes>().ForDoctorAsync(people.TanvirId)).Single(t => t.IsOnline).Id;
    }

    public Task DisposeAsync() => harness.DisposeAsync();

    private async Task<Guid> BookVideoAsync(AppointmentActor by, DateTime startUtc)
    {
        var booked = await harness.Get<BookingService>().BookAsync(by, new BookingRequest(people.TanvirId, startUtc, video,
            PatientUserId: by.IsClinic ? people.Ayesha.UserId : null));
        booked.Succeeded.Should().BeTrue(booked.Error);
        return booked.Value!.AppointmentId;
    }

    [Fact]
    public async Task The_patient_and_the_doctor_get_the_meeting_address_staff_see_only_that_it_is_online()
    {
        var id = await BookVideoAsync(people.Sadia, ClinicPeople.WednesdayNine);
        var queries = harness.Get<AppointmentQueries>();

        var patients = (await queries.DetailAsync(people.Ayesha, id)).Value!.Appointment;
        var doctors = (await queries.DetailAsync(people.Tanvir, id)).Value!.Appointment;
        var staffs = (await queries.DetailAsync(people.Sadia, id)).Value!.Appointment;

        patients.MeetingUrl.Should().MatchRegex("^https://meet\\.jit\\.si/clinic-[0-9a-f]{32}$");
        doctors.MeetingUrl.Should().Be(patients.MeetingUrl);
        (staffs.IsOnline, staffs.MeetingUrl).Should().Be((true, null));
        var other = await BookVideoAsync(people.Sadia, ClinicPeople.WednesdayNine.AddMinutes(30));
        (await queries.DetailAsync(people.Ayesha, other)).Value!.Appointment.MeetingUrl.Should().NotBe(patients.MeetingUrl, "every visit has its own room");
    }

    [Fact]
    public async Task A_request_has_no_link_until_the_clinic_confirms_it()
    {
        var id = await BookVideoAsync(people.Ayesha, ClinicPeople.WednesdayNine);
        var queries = harness.Get<AppointmentQueries>();

        (await queries.DetailAsync(people.Ayesha, id)).Value!.Appointment.MeetingUrl.Should().BeNull();
        (await harness.Get<BookingService>().ConfirmAsync(people.Sadia, id, null)).Succeeded.Should().BeTrue();
        (await queries.DetailAsync(people.Ayesha, id)).Value!.Appointment.MeetingUrl.Should().NotBeNull();
    }

    [Fact]
    public async Task The_confirmation_email_its_ics_and_the_doctor_s_calendar_feed_carry_the_meeting_address()
    {
        var id = await BookVideoAsync(people.Sadia, ClinicPeople.WednesdayNine);
        var url = (await harness.Get<AppointmentQueries>().DetailAsync(people.Ayesha, id)).Value!.Appointment.MeetingUrl!;

        await harness.Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        var email = harness.Mail.Sent.Should().ContainSingle().Subject;
        email.Text.Should().Contain($"join it at {url}");
        email.Signature.Should().Be("Gomoti Hospital\nHouse 12, Road 5, Dhanmondi, Dhaka 1205\nPhone: +880 2 5815 0000\ndesk@gomoti.example\nSaturday–Thursday 09:00–22:00\nFriday closed",
            "every appointment email is signed with the clinic's profile");
        var ics = Calendar.Load(CalendarInvite.Build(email.Calendar!, "desk@gomoti.example", "Gomoti Hospital", DateTimeOffset.UtcNow))!;
        ics.Events.Single().Location.Should().Be(url);

        var feeds = harness.Get<CalendarFeeds>();
        var token = (await feeds.IssueAsync(await harness.ActorAsync("tanvir.ahmed@gomoti.example"), new FeedSubject(FeedSubjectKind.Doctor, people.TanvirId.ToString()))).Value!;
        (await feeds.ReadAsync(token))!.Entries.Single(e => e.AppointmentId == id).Location.Should().Be(url);
    }
}
