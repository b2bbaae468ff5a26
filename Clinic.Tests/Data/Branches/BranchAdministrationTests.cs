using Clinic.Data.Booking;
using Clinic.Data.Branches;
using Clinic.Data.Doctors;
using Clinic.Data.Payments;
using Clinic.Data.Team;
using Clinic.Domain.Branches;
using Clinic.Domain.Payments;
using Clinic.Tests.Support;

namespace Clinic.Tests.Data.Branches;

/// <summary>
/// A clinic with several branches: the owner keeps them, each doctor works at one and takes its
/// address, patients see where, and the front desk and the takings can be one branch's. The demo
/// clinic has two: Dhanmondi (Dr. Tanvir Ahmed, Dr. Farhana Rahman) and Uttara (Dr. Nusrat Jahan,
/// Dr. Imran Hossain).
/// </summary>
public sealed class BranchAdministrationTests : DemoClinicTests
{
    private const string UttaraAddress = "House 7, Road 11, Sector 4, Uttara, Dhaka 1230";
    private BranchAdministration Branches => Harness.Get<BranchAdministration>();

    private async Task<BranchView> BranchAsync(string name) => (await Branches.ListAsync()).Single(b => b.Name == name);

    [Fact]
    public async Task Patients_see_each_doctor_s_branch_and_its_address()
    {
        var cards = await Harness.Get<DoctorDirectory>().ListAsync();

        cards.Select(c => (c.FullName, c.BranchName)).Should().BeEquivalentTo(new[]
        {
            ("Dr. Farhana Rahman", "Dhanmondi"), ("Dr. Imran Hossain", "Uttara"), ("Dr. Nusrat Jahan", "Uttara"), ("Dr. Tanvir Ahmed", "Dhanmondi"),
        });
        cards.Single(c => c.FullName == "Dr. Imran Hossain").PracticeAddress.Should().Be(UttaraAddress);
        (await BranchAsync("Uttara")).DoctorNames.Should().Equal("Dr. Imran Hossain", "Dr. Nusrat Jahan");
    }

    [Fact]
    public async Task Only_the_owner_adds_a_branch_and_a_second_of_the_same_name_is_refused_in_words()
    {
        var gulshan = new BranchDetails("Gulshan", "Road 90, Gulshan 2, Dhaka 1212", "+880 2 5505 0000", "Every day 10:00–18:00");

        var bySadia = await Branches.SaveAsync(People.Sadia.Actor, null, gulshan);
        var added = await Branches.SaveAsync(People.Owner.Actor, null, gulshan);
        var again = await Branches.SaveAsync(People.Owner.Actor, null, gulshan with { Name = " gulshan " });

        bySadia.Code.Should().Be(Clinic.Domain.Common.RefusalCodes.Forbidden);
        added.Succeeded.Should().BeTrue(added.Error);
        again.Error.Should().Be("There is already a branch called \"gulshan\".");
        (await Branches.ListAsync()).Select(b => b.Name).Should().Equal("Dhanmondi", "Gulshan", "Uttara");
        (await BranchAsync("Gulshan")).Should().BeEquivalentTo(new { Address = "Road 90, Gulshan 2, Dhaka 1212", Phone = "+880 2 5505 0000", DoctorNames = Array.Empty<string>() });
    }

    [Fact]
    public async Task A_branch_that_moves_takes_its_doctors_addresses_with_it_and_says_so_live()
    {
        var uttara = await BranchAsync("Uttara");
        var before = Harness.Events.Published.Count;

        var moved = await Branches.SaveAsync(People.Owner.Actor, uttara.Id, uttara.Details with { Address = "Plot 3, Sector 7, Uttara, Dhaka 1230" });

        moved.Succeeded.Should().BeTrue(moved.Error);
        var cards = await Harness.Get<DoctorDirectory>().ListAsync();
        cards.Where(c => c.BranchName == "Uttara").Select(c => c.PracticeAddress).Should().AllBe("Plot 3, Sector 7, Uttara, Dhaka 1230").And.HaveCount(2);
        cards.Where(c => c.BranchName == "Dhanmondi").Select(c => c.PracticeAddress).Should().AllBe("House 12, Road 5, Dhanmondi, Dhaka 1205");
        Harness.Events.Published.Skip(before).OfType<Clinic.Domain.Events.DoctorProfileChanged>().Should().HaveCount(2, "each moved doctor's page reloads");
    }

    [Fact]
    public async Task A_branch_is_removed_only_once_nobody_works_there()
    {
        var uttara = await BranchAsync("Uttara");
        var dhanmondi = await BranchAsync("Dhanmondi");

        var refused = await Branches.RemoveAsync(People.Owner.Actor, uttara.Id);
        refused.Error.Should().Be("Dr. Imran Hossain, Dr. Nusrat Jahan work at Uttara: move them to another branch first.");

        var team = Harness.Get<TeamAdministration>();
        foreach (var email in new[] { "imran.hossain@gomoti.example", "nusrat.jahan@gomoti.example" })
        {
            var id = await Harness.DoctorIdAsync(email);
            var details = (await team.GetDoctorAsync(People.Owner.Actor, id))!;
            (await team.UpdateDoctorAsync(People.Owner.Actor, id, details with { BranchId = dhanmondi.Id })).Succeeded.Should().BeTrue();
        }
        var removed = await Branches.RemoveAsync(People.Owner.Actor, uttara.Id);

        removed.Succeeded.Should().BeTrue(removed.Error);
        (await Branches.ListAsync()).Should().ContainSingle().Which.DoctorNames.Should().HaveCount(4);
        (await Harness.Get<DoctorDirectory>().ListAsync()).Select(c => c.PracticeAddress).Should().AllBe("House 12, Road 5, Dhanmondi, Dhaka 1205");
    }

    [Fact]
    public async Task A_doctor_taken_off_every_branch_keeps_an_address_of_their_own()
    {
        var team = Harness.Get<TeamAdministration>();
        var imran = await Harness.DoctorIdAsync("imran.hossain@gomoti.example");
        var details = (await team.GetDoctorAsync(People.Owner.Actor, imran))!;

        var saved = await team.UpdateDoctorAsync(People.Owner.Actor, imran, details with { BranchId = null, PracticeAddress = "Chamber 4, Green Road, Dhaka" });

        saved.Succeeded.Should().BeTrue(saved.Error);
        var card = (await Harness.Get<DoctorDirectory>().FindAsync(imran))!;
        (card.BranchName, card.PracticeAddress).Should().Be(((string?)null, "Chamber 4, Green Road, Dhaka"));
    }

    [Fact]
    public async Task The_front_desk_of_one_branch_shows_its_doctors_visits_and_the_money_taken_on_them()
    {
        // Today, Monday 23 Nov 2026, Dr. Farhana Rahman (Dhanmondi) sees patients from 17:00; no Uttara doctor works on Mondays.
        var booking = Harness.Get<BookingService>();
        var farhana = await Harness.DoctorIdAsync("farhana.rahman@gomoti.example");
        var visit = await booking.BookAsync(People.Sadia, new BookingRequest(farhana, new DateTime(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc), PatientUserId: People.Ayesha.UserId));
        visit.Succeeded.Should().BeTrue(visit.Error);
        (await booking.TakePaymentAsync(People.Sadia, visit.Value!.AppointmentId, null, new PaymentDetails(800, PaymentMethod.Cash))).Succeeded.Should().BeTrue();
        var queries = Harness.Get<AppointmentQueries>();

        var atDhanmondi = await queries.FrontDeskAsync(People.Sadia, (await BranchAsync("Dhanmondi")).Id);
        var atUttara = await queries.FrontDeskAsync(People.Sadia, (await BranchAsync("Uttara")).Id);
        var everywhere = await queries.FrontDeskAsync(People.Sadia);

        atDhanmondi.Visits.Should().ContainSingle().Which.Visit.DoctorName.Should().Be("Dr. Farhana Rahman");
        atDhanmondi.Takings!.Total.Should().Be(800);
        atUttara.Visits.Should().BeEmpty();
        atUttara.Takings!.Total.Should().Be(0, "the money was taken on a Dhanmondi doctor's visit");
        everywhere.Visits.Should().ContainSingle();

        var report = (await Harness.Get<TakingsQueries>().ReportAsync(People.Owner, TakingsPeriod.Day(new DateOnly(2026, 11, 23)))).Value!;
        report.ByBranch.Should().Equal(new TakingsGroup("Dhanmondi", 800, 1));
    }

    [Fact]
    public async Task Money_taken_stays_at_the_branch_it_was_taken_at_when_the_doctor_moves_and_when_that_branch_is_removed()
    {
        var booking = Harness.Get<BookingService>();
        var team = Harness.Get<TeamAdministration>();
        var farhana = await Harness.DoctorIdAsync("farhana.rahman@gomoti.example");
        var (dhanmondi, uttara) = (await BranchAsync("Dhanmondi"), await BranchAsync("Uttara"));
        async Task PaidVisitAsync(int hourUtc, decimal amount)
        {
            var visit = await booking.BookAsync(People.Sadia, new BookingRequest(farhana, new DateTime(2026, 11, 23, hourUtc, 0, 0, DateTimeKind.Utc), PatientUserId: People.Ayesha.UserId));
            visit.Succeeded.Should().BeTrue(visit.Error);
            (await booking.TakePaymentAsync(People.Sadia, visit.Value!.AppointmentId, null, new PaymentDetails(amount, PaymentMethod.Cash))).Succeeded.Should().BeTrue();
        }
        async Task MoveAsync(Guid doctor, Guid branch)
        {
            var details = (await team.GetDoctorAsync(People.Owner.Actor, doctor))!;
            (await team.UpdateDoctorAsync(People.Owner.Actor, doctor, details with { BranchId = branch })).Succeeded.Should().BeTrue();
        }
        async Task<IReadOnlyList<TakingsGroup>> ByBranchAsync() =>
            (await Harness.Get<TakingsQueries>().ReportAsync(People.Owner, TakingsPeriod.Day(new DateOnly(2026, 11, 23)))).Value!.ByBranch;

        // Paid at Dhanmondi; then Dr. Farhana Rahman moves to Uttara and is paid there.
        await PaidVisitAsync(11, 800);
        await MoveAsync(farhana, uttara.Id);
        await PaidVisitAsync(12, 500);

        (await ByBranchAsync()).Should().BeEquivalentTo(new[] { new TakingsGroup("Dhanmondi", 800, 1), new TakingsGroup("Uttara", 500, 1) });
        var queries = Harness.Get<AppointmentQueries>();
        (await queries.FrontDeskAsync(People.Sadia, dhanmondi.Id)).Takings!.Total.Should().Be(800, "Dhanmondi's drawer holds what was taken there");
        (await queries.FrontDeskAsync(People.Sadia, uttara.Id)).Takings!.Total.Should().Be(500);

        // Dhanmondi closes: its money stays apart, named as a removed branch, never added to another.
        await MoveAsync(await Harness.DoctorIdAsync("tanvir.ahmed@gomoti.example"), uttara.Id);
        (await Branches.RemoveAsync(People.Owner.Actor, dhanmondi.Id)).Succeeded.Should().BeTrue();
        (await ByBranchAsync()).Should().BeEquivalentTo(new[] { new TakingsGroup(TakingsQueries.RemovedBranch, 800, 1), new TakingsGroup("Uttara", 500, 1) });
    }

    [Fact]
    public async Task Patients_with_coming_visits_hear_when_their_doctor_moves_branch_and_when_the_branch_itself_moves()
    {
        var booking = Harness.Get<BookingService>();
        var team = Harness.Get<TeamAdministration>();
        var center = Harness.Get<Clinic.Data.Notifications.NotificationCenter>();
        var nusrat = await Harness.DoctorIdAsync("nusrat.jahan@gomoti.example");
        // Ayesha: one visit with Dr. Nusrat Jahan (Uttara); Rahim: two, and one he cancelled (he hears of the two only).
        async Task<Guid> BookAsync(Clinic.Domain.Appointments.AppointmentActor patient, int day, int hourUtc)
        {
            var booked = await booking.BookAsync(People.Sadia, new BookingRequest(nusrat, new DateTime(2026, 11, day, hourUtc, 0, 0, DateTimeKind.Utc), PatientUserId: patient.UserId));
            booked.Succeeded.Should().BeTrue(booked.Error);
            return booked.Value!.AppointmentId;
        }
        var ayeshas = await BookAsync(People.Ayesha, 24, 4);
        await BookAsync(People.Rahim, 24, 5);
        await BookAsync(People.Rahim, 29, 4);
        var cancelled = await BookAsync(People.Rahim, 29, 5);
        (await booking.CancelAsync(People.Sadia, cancelled, null, "The patient called.")).Succeeded.Should().BeTrue();
        // Shirin sees Dr. Nusrat Jahan by video: no door to go to, nothing to hear.
        var shirin = await Harness.Get<Clinic.Data.Booking.AppointmentActors>().ResolveAsync(await Harness.ActorAsync("shirin@patients.example"));
        Guid video;
        await using (var db = await Harness.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<Clinic.Data.Persistence.ClinicDbContext>>().CreateDbContextAsync())
            video = db.Services.Single(t => t.Name == "Video consultation").Id;
        (await booking.BookAsync(People.Sadia, new BookingRequest(nusrat, new DateTime(2026, 11, 24, 6, 0, 0, DateTimeKind.Utc), ServiceId: video, PatientUserId: shirin.UserId))).Succeeded.Should().BeTrue();
        async Task<List<Clinic.Data.Notifications.NotificationView>> PlaceNoticesAsync(Clinic.Domain.Appointments.AppointmentActor who) =>
            [.. (await center.PageAsync(who.Actor, 0, 50)).Items.Where(n => n.Title.StartsWith("New address", StringComparison.Ordinal))];

        var details = (await team.GetDoctorAsync(People.Owner.Actor, nusrat))!;
        (await team.UpdateDoctorAsync(People.Owner.Actor, nusrat, details with { BranchId = (await BranchAsync("Dhanmondi")).Id })).Succeeded.Should().BeTrue();

        var ayesha = (await PlaceNoticesAsync(People.Ayesha)).Should().ContainSingle().Subject;
        ayesha.Text.Should().Be("Your appointment with Dr. Nusrat Jahan on Tue 24 Nov 2026, 10:00 is now at Gomoti Hospital, Dhanmondi branch, House 12, Road 5, Dhanmondi, Dhaka 1205.");
        ayesha.Link.Should().Be($"/appointments/{ayeshas}");
        (await PlaceNoticesAsync(shirin)).Should().BeEmpty();
        (await PlaceNoticesAsync(People.Rahim)).Should().ContainSingle().Which.Text.Should().Be(
            "Your 2 coming appointments with Dr. Nusrat Jahan (Tue 24 Nov 2026, 11:00; Sun 29 Nov 2026, 10:00) are now at Gomoti Hospital, Dhanmondi branch, House 12, Road 5, Dhanmondi, Dhaka 1205.");
        await using (var db = await Harness.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<Clinic.Data.Persistence.ClinicDbContext>>().CreateDbContextAsync())
        {
            var emails = db.Outbox.Where(m => m.Subject.StartsWith("New address")).Select(m => new { m.RecipientUserId, m.AppointmentId, m.Calendar }).ToList();
            emails.Should().BeEquivalentTo(new[]
            {
                new { RecipientUserId = People.Ayesha.UserId, AppointmentId = (Guid?)ayeshas, Calendar = Clinic.Domain.Messaging.CalendarAttachment.Booked },
                new { RecipientUserId = People.Rahim.UserId, AppointmentId = (Guid?)null, Calendar = Clinic.Domain.Messaging.CalendarAttachment.None },
            });
        }

        // Saving the doctor again without a move tells nobody anything new.
        (await team.UpdateDoctorAsync(People.Owner.Actor, nusrat, (await team.GetDoctorAsync(People.Owner.Actor, nusrat))!)).Succeeded.Should().BeTrue();
        (await PlaceNoticesAsync(People.Ayesha)).Should().ContainSingle();

        // Dhanmondi moves across the road: its doctors' patients hear the new address.
        var dhanmondi = await BranchAsync("Dhanmondi");
        (await Branches.SaveAsync(People.Owner.Actor, dhanmondi.Id, dhanmondi.Details with { Address = "House 14, Road 5, Dhanmondi, Dhaka 1205" })).Succeeded.Should().BeTrue();
        (await PlaceNoticesAsync(People.Ayesha)).Should().HaveCount(2).And.Contain(n => n.Text.EndsWith("Dhanmondi branch, House 14, Road 5, Dhanmondi, Dhaka 1205.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_patient_s_appointment_says_which_branch_and_gives_the_branch_s_number()
    {
        // Dr. Nusrat Jahan (Uttara) on Tuesday 24 Nov 2026 at 10:00 in Dhaka.
        var nusrat = await Harness.DoctorIdAsync("nusrat.jahan@gomoti.example");
        var booked = await Harness.Get<BookingService>().BookAsync(People.Ayesha, new BookingRequest(nusrat, new DateTime(2026, 11, 24, 4, 0, 0, DateTimeKind.Utc)));
        booked.Succeeded.Should().BeTrue(booked.Error);

        var detail = (await Harness.Get<AppointmentQueries>().DetailAsync(People.Ayesha, booked.Value!.AppointmentId)).Value!;

        detail.Place.Should().Be("Gomoti Hospital, Uttara branch, " + UttaraAddress);
        detail.ClinicPhone.Should().Be("+880 2 4895 6100");
    }

    [Fact]
    public async Task The_owner_puts_a_staff_member_at_a_branch_s_desk_and_a_branch_removed_leaves_them_at_every_branch()
    {
        var team = Harness.Get<TeamAdministration>();
        var gulshan = (await Branches.SaveAsync(People.Owner.Actor, null, new BranchDetails("Gulshan", "Road 90, Gulshan 2, Dhaka 1212", null, null))).Value;

        (await team.SetDeskAsync(People.Sadia.Actor, People.Karim.UserId, gulshan)).Code.Should().Be(Clinic.Domain.Common.RefusalCodes.Forbidden);
        (await team.SetDeskAsync(People.Owner.Actor, People.Tanvir.UserId, gulshan)).Error.Should().Be("Only a staff member works at a desk; a doctor's branch is set on their profile.");
        (await team.SetDeskAsync(People.Owner.Actor, People.Karim.UserId, gulshan)).Succeeded.Should().BeTrue();

        (await Branches.DeskOfAsync(People.Karim.UserId)).Should().Be(gulshan);
        (await team.ListAsync(People.Owner.Actor)).Single(m => m.FullName == "Karim Uddin").BranchId.Should().Be(gulshan);
        (await Branches.RemoveAsync(People.Owner.Actor, gulshan)).Succeeded.Should().BeTrue("a desk does not keep a branch");
        (await Branches.DeskOfAsync(People.Karim.UserId)).Should().BeNull();
    }

    [Fact]
    public async Task No_branch_may_be_called_all_the_word_that_picks_every_branch()
    {
        var saved = await Branches.SaveAsync(People.Owner.Actor, null, new BranchDetails(" ALL ", "Somewhere, Dhaka", null, null));

        saved.Error.Should().Be("A branch cannot be called \"All\": that word picks every branch at once.");
    }

    [Fact]
    public async Task The_confirmation_s_calendar_entry_says_which_branch_to_go_to()
    {
        var nusrat = await Harness.DoctorIdAsync("nusrat.jahan@gomoti.example");
        var booked = await Harness.Get<BookingService>().BookAsync(People.Sadia, new BookingRequest(nusrat, new DateTime(2026, 11, 24, 4, 0, 0, DateTimeKind.Utc), PatientUserId: People.Ayesha.UserId));
        booked.Succeeded.Should().BeTrue(booked.Error);

        await Harness.Get<Clinic.Data.Messaging.OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        var email = Harness.Mail.Sent.Should().ContainSingle().Subject;
        var ics = Ical.Net.Calendar.Load(Clinic.Web.Email.CalendarInvite.Build(email.Calendar!, "desk@gomoti.example", "Gomoti Hospital", DateTimeOffset.UtcNow))!;
        ics.Events.Single().Location.Should().Be("Gomoti Hospital, Uttara branch, " + UttaraAddress);
    }
}
