using Clinic.Data.Booking;
using Clinic.Data.Payments;
using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Clinic.Domain.Common;
using Clinic.Domain.Events;
using Clinic.Domain.Payments;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Data.Payments;

/// <summary>
/// The desk takes a visit's fee (its type's price, else the doctor's), sees what is due on each row and
/// what the day brought in by method, and two desks taking the same fee at once cannot both record it.
/// </summary>
public sealed class FrontDeskPaymentsTests : DemoClinicTests
{
    // The Harness clock: Monday 23 Nov 2026, 15:00 in Dhaka. Dr. Farhana Rahman's session starts at 17:00; her fee is BDT 800.
    private static readonly DateTime FiveInDhaka = new(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc);

    private Guid farhanaId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        farhanaId = await Harness.DoctorIdAsync("farhana.rahman@gomoti.example");
    }

    private BookingService Booking => Harness.Get<BookingService>();
    private AppointmentQueries Queries => Harness.Get<AppointmentQueries>();

    private async Task<Booked> BookAsync(AppointmentActor patient, Guid? typeId = null)
    {
        var booked = await Booking.BookAsync(People.Sadia, new BookingRequest(farhanaId, FiveInDhaka, typeId, PatientUserId: patient.UserId));
        booked.Succeeded.Should().BeTrue(booked.Error);
        return booked.Value!;
    }

    private async Task<int> VersionAsync(Guid appointmentId) => (await Queries.DetailAsync(People.Sadia, appointmentId)).Value!.Appointment.Version;

    [Fact]
    public async Task The_desk_takes_the_doctor_s_fee_in_two_parts_and_the_row_and_the_day_s_takings_show_it()
    {
        var visit = await BookAsync(People.Ayesha);
        var row = (await Queries.FrontDeskAsync(People.Sadia)).Visits.Single();
        row.Account!.Due.Should().Be(800);
        row.Actions.Can(AppointmentAction.TakePayment).Should().BeTrue();

        (await Booking.TakePaymentAsync(People.Sadia, visit.AppointmentId, row.Visit.Version, new PaymentDetails(500, PaymentMethod.Cash))).Succeeded.Should().BeTrue();
        var second = await Booking.TakePaymentAsync(People.Sadia, visit.AppointmentId, await VersionAsync(visit.AppointmentId),
            new PaymentDetails(300, PaymentMethod.MobileWallet, "TX8812"));
        second.Succeeded.Should().BeTrue(second.Error);

        var day = await Queries.FrontDeskAsync(People.Sadia);
        var paid = day.Visits.Single();
        (paid.Account!.Paid, paid.Account.Due, paid.Account.IsPaid).Should().Be((800m, 0m, true));
        paid.Actions.Shows(AppointmentAction.TakePayment).Should().BeFalse("nothing more is due");
        day.Takings!.Total.Should().Be(800);
        day.Takings.ByMethod.Should().Equal(new MethodTakings(PaymentMethod.Cash, 500, 1), new MethodTakings(PaymentMethod.MobileWallet, 300, 1));
        var detail = (await Queries.DetailAsync(People.Sadia, visit.AppointmentId)).Value!;
        detail.Payments.Select(p => (p.Payment.Amount, p.Payment.Method, p.Payment.Reference, p.Payment.ReceivedByName))
            .Should().Equal((500m, PaymentMethod.Cash, (string?)null, "Sadia Islam"), (300m, PaymentMethod.MobileWallet, "TX8812", "Sadia Islam"));
    }

    [Fact]
    public async Task A_visit_of_a_type_costs_the_type_s_price_and_an_amount_above_it_is_refused_with_nothing_saved()
    {
        Guid bloodTest;
        await using (var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
            bloodTest = await db.Services.Where(s => s.Name == "Blood test").Select(s => s.Id).SingleAsync();
        var visit = await BookAsync(People.Ayesha, bloodTest);
        var version = await VersionAsync(visit.AppointmentId);

        var tooMuch = await Booking.TakePaymentAsync(People.Sadia, visit.AppointmentId, version, new PaymentDetails(800, PaymentMethod.Cash));

        tooMuch.Error.Should().Be("Only BDT 400 is still due; take at most that.");
        var detail = (await Queries.DetailAsync(People.Sadia, visit.AppointmentId)).Value!;
        (detail.Account!.Fee, detail.Account.Paid, detail.Payments.Count, detail.Appointment.Version).Should().Be((400m, 0m, 0, version));
    }

    [Fact]
    public async Task Two_desks_taking_the_same_fee_at_once_record_it_once_and_the_other_is_told_why()
    {
        var visit = await BookAsync(People.Ayesha);
        var version = await VersionAsync(visit.AppointmentId);

        var results = await Task.WhenAll(
            Booking.TakePaymentAsync(People.Sadia, visit.AppointmentId, version, new PaymentDetails(800, PaymentMethod.Cash)),
            Booking.TakePaymentAsync(People.Karim, visit.AppointmentId, version, new PaymentDetails(800, PaymentMethod.Card)));

        results.Count(r => r.Succeeded).Should().Be(1);
        results.Single(r => !r.Succeeded).Code.Should().Be(RefusalCodes.ChangedMeanwhile);
        var detail = (await Queries.DetailAsync(People.Sadia, visit.AppointmentId)).Value!;
        detail.Account!.Paid.Should().Be(800);
        detail.Payments.Should().ContainSingle();
    }

    [Fact]
    public async Task Without_a_version_a_second_desk_taking_the_whole_fee_again_is_told_it_is_paid()
    {
        var visit = await BookAsync(People.Ayesha);
        await Booking.TakePaymentAsync(People.Sadia, visit.AppointmentId, null, new PaymentDetails(800, PaymentMethod.Cash));

        var again = await Booking.TakePaymentAsync(People.Karim, visit.AppointmentId, null, new PaymentDetails(800, PaymentMethod.Cash));

        again.Error.Should().Be("The visit is paid in full.");
    }

    [Fact]
    public async Task A_payment_is_announced_once_to_the_appointment_s_pages_and_sends_no_one_a_notice()
    {
        var visit = await BookAsync(People.Ayesha);
        var version = await VersionAsync(visit.AppointmentId);
        int notices;
        await using (var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
            notices = await db.Notifications.CountAsync();
        var before = Harness.Events.Published.Count;

        (await Booking.TakePaymentAsync(People.Sadia, visit.AppointmentId, version, new PaymentDetails(800, PaymentMethod.Cash))).Succeeded.Should().BeTrue();

        Harness.Events.Published.Skip(before).Should().Equal(new AppointmentChanged(visit.AppointmentId, farhanaId, People.Ayesha.UserId));
        await using (var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
            (await db.Notifications.CountAsync()).Should().Be(notices);
    }

    [Fact]
    public async Task A_voided_payment_leaves_the_day_s_takings_and_the_fee_is_due_again_and_a_finished_visit_still_owing_is_counted()
    {
        var visit = await BookAsync(People.Ayesha);
        await Booking.TakePaymentAsync(People.Sadia, visit.AppointmentId, null, new PaymentDetails(800, PaymentMethod.Card, "Slip 1234"));
        var paymentId = (await Queries.DetailAsync(People.Sadia, visit.AppointmentId)).Value!.Payments.Single().Payment.Id;

        (await Booking.VoidPaymentAsync(People.Sadia, visit.AppointmentId, null, paymentId, "The card was declined after all.")).Succeeded.Should().BeTrue();
        Harness.Clock.SetUtcNow(FiveInDhaka.AddMinutes(5));
        foreach (var _ in Enumerable.Range(0, 3))
            (await Booking.AdvanceStageAsync(People.Sadia, visit.AppointmentId, null)).Succeeded.Should().BeTrue();

        var day = await Queries.FrontDeskAsync(People.Sadia);
        (day.Takings!.Total, day.Takings.Payments, day.Takings.DoneUnpaid).Should().Be((0m, 0, 1));
        day.Visits.Single().Account!.Due.Should().Be(800);
        var line = (await Queries.DetailAsync(People.Owner, visit.AppointmentId)).Value!.Payments.Single();
        (line.Payment.VoidReason, line.Void.Shows).Should().Be(("The card was declined after all.", false));
    }

    [Fact]
    public async Task The_patient_sees_what_was_paid_on_their_visit_but_takes_and_voids_nothing_and_the_doctor_sees_no_takings()
    {
        var visit = await BookAsync(People.Ayesha);
        await Booking.TakePaymentAsync(People.Sadia, visit.AppointmentId, null, new PaymentDetails(800, PaymentMethod.Cash));

        var mine = (await Queries.DetailAsync(People.Ayesha, visit.AppointmentId)).Value!;
        mine.Account!.IsPaid.Should().BeTrue();
        mine.Payments.Single().Void.Shows.Should().BeFalse();
        (await Booking.TakePaymentAsync(People.Ayesha, visit.AppointmentId, null, new PaymentDetails(1, PaymentMethod.Cash))).Code.Should().Be(RefusalCodes.Forbidden);
        (await Queries.FrontDeskAsync(People.Sadia)).Takings.Should().NotBeNull();
        var farhana = await Harness.Get<AppointmentActors>().ResolveAsync(await Harness.ActorAsync("farhana.rahman@gomoti.example"));
        (await Queries.FrontDeskAsync(farhana)).Takings.Should().BeNull("the drawer is the front desk's");
    }
}
