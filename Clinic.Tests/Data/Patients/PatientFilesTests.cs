using Clinic.Data.Booking;
using Clinic.Data.Patients;
using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Clinic.Domain.Common;
using Clinic.Domain.Events;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Tests.Data.Patients;

/// <summary>The patient directory and files: found by what a receptionist knows, paged in the database, and only for those who may see them.</summary>
public sealed class PatientFilesTests : DemoClinicTests
{
    private PatientFiles Files => Harness.Get<PatientFiles>();

    [Theory]
    [InlineData("ayesha", "Ayesha Siddiqua")]
    [InlineData("SIDDIQUA", "Ayesha Siddiqua")]
    [InlineData("1711000002", "Rahim Chowdhury")]
    [InlineData("+880 1711 000003", "Mitu Akter")]
    [InlineData("1972-11-30", "Jamal Hasan")]
    [InlineData("18/6/1995", "Shirin Sultana")]
    [InlineData("shirin@patients", "Shirin Sultana")]
    public async Task A_patient_is_found_by_name_phone_however_grouped_date_of_birth_or_email(string text, string found)
    {
        var page = await Files.SearchAsync(People.Sadia, text, 0, 20);

        page.Items.Select(p => p.FullName).Should().Equal(found);
        page.Total.Should().Be(1);
    }

    [Fact]
    public async Task The_directory_is_paged_by_name_with_the_total()
    {
        var first = await Files.SearchAsync(People.Sadia, null, 0, 2);
        var third = await Files.SearchAsync(People.Sadia, null, 2, 2);

        first.Total.Should().Be(5);
        first.Items.Select(p => p.FullName).Should().Equal("Ayesha Siddiqua", "Jamal Hasan");
        third.Items.Select(p => p.FullName).Should().Equal("Shirin Sultana");
        first.Items[0].DateOfBirth.Should().Be(new DateOnly(1990, 4, 12));
    }

    [Fact]
    public async Task A_doctor_finds_only_their_own_patients_and_a_patient_finds_nobody()
    {
        await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine, People.Rahim);

        (await Files.SearchAsync(People.Tanvir, null, 0, 20)).Items.Select(p => p.FullName).Should().Equal("Rahim Chowdhury");
        (await Files.FileAsync(People.Tanvir, People.Ayesha.UserId)).Code.Should().Be(RefusalCodes.NotFound);
        (await Files.SearchAsync(People.Ayesha, "a", 0, 20)).Total.Should().Be(0);
        (await Files.FileAsync(People.Ayesha, People.Rahim.UserId)).Error.Should().Be(PatientFiles.NotYours);
    }

    [Fact]
    public async Task The_file_sorts_visits_into_upcoming_past_cancelled_and_no_shows_with_the_reason()
    {
        var now = Harness.Clock.GetUtcNow().UtcDateTime;
        var tanvir = People.TanvirId;
        await using (var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
        {
            Appointment Visit(int daysFromNow)
            {
                var start = ClinicPeople.WednesdayNine.AddDays(daysFromNow);
                var a = Appointment.Create(tanvir, People.Ayesha.UserId, start, start.AddMinutes(30), 1, start.AddDays(-3), AppointmentStatus.Confirmed, People.Sadia.UserId, "Sadia Islam", null, null);
                db.Appointments.Add(a);
                return a;
            }
            Visit(0);                                                              // ahead
            Visit(-14).Complete(People.Sadia, ClinicPeople.WednesdayNine.AddDays(-14).AddMinutes(30));
            Visit(-7).MarkNoShow(People.Sadia, ClinicPeople.WednesdayNine.AddDays(-7).AddMinutes(20));
            Visit(7).Cancel(People.Sadia, "The doctor is at a conference.", now, 24);
            await db.SaveChangesAsync();
        }

        var file = (await Files.FileAsync(People.Sadia, People.Ayesha.UserId)).Value!;

        file.Patient.FullName.Should().Be("Ayesha Siddiqua");
        file.Patient.Phone.Should().Be("+880 1711 000001");
        file.Upcoming.Should().ContainSingle().Which.StartUtc.Should().Be(ClinicPeople.WednesdayNine);
        file.Past.Should().ContainSingle().Which.Status.Should().Be(AppointmentStatus.Completed);
        file.NoShows.Should().ContainSingle();
        file.Cancelled.Should().ContainSingle().Which.CancelReason.Should().Be("The doctor is at a conference.");
        file.Patient.LastVisitUtc.Should().Be(ClinicPeople.WednesdayNine.AddDays(-14));
    }

    [Fact]
    public async Task A_note_is_added_to_the_file_with_its_author_and_announced_and_an_empty_one_is_refused()
    {
        (await Files.AddNoteAsync(People.Sadia, People.Ayesha.UserId, "  Prefers morning visits; bring a Bangla interpreter.  ")).Succeeded.Should().BeTrue();
        (await Files.AddNoteAsync(People.Sadia, People.Ayesha.UserId, "   ")).Error.Should().Be("Write the note first.");
        (await Files.AddNoteAsync(People.Ayesha, People.Ayesha.UserId, "I am fine")).Code.Should().Be(RefusalCodes.NotFound);

        var note = (await Files.FileAsync(People.Owner, People.Ayesha.UserId)).Value!.Notes.Should().ContainSingle().Subject;
        note.Text.Should().Be("Prefers morning visits; bring a Bangla interpreter.");
        note.AuthorName.Should().Be("Sadia Islam");
        Harness.Events.Published.OfType<PatientChanged>().Should().Contain(e => e.UserId == People.Ayesha.UserId);
    }
}
