using Clinic.Data.Booking;
using Clinic.Data.Patients;
using Clinic.Data.Payments;
using Clinic.Domain.Payments;
using Clinic.Tests.Support;

namespace Clinic.Tests.Data.Payments;

/// <summary>
/// Money left owing on a finished visit follows the patient: the desk sees it beside their next visit,
/// their file lists it for owner and staff, and it is gone once paid on that visit.
/// </summary>
public sealed class OwedVisitsTests : DemoClinicTests
{
    // Dr. Farhana Rahman (fee BDT 800) sees patients on Monday and Wednesday evenings; the harness clock is Monday 23 Nov 2026, 15:00 in Dhaka.
    private static readonly DateTime MondayFive = new(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime WednesdayFive = new(2026, 11, 25, 11, 0, 0, DateTimeKind.Utc);

    private BookingService Booking => Harness.Get<BookingService>();

    private async Task<Guid> BookAsync(DateTime startUtc)
    {
        var booked = await Booking.BookAsync(People.Sadia, new BookingRequest(await Harness.DoctorIdAsync("farhana.rahman@gomoti.example"), startUtc,
            PatientUserId: People.Ayesha.UserId));
        booked.Succeeded.Should().BeTrue(booked.Error);
        return booked.Value!.AppointmentId;
    }

    // Monday's visit is seen with BDT 300 of 800 paid; then it is Wednesday, and she is booked again.
    private async Task<Guid> MondayLeftOwingAsync()
    {
        var monday = await BookAsync(MondayFive);
        Harness.Clock.SetUtcNow(MondayFive.AddMinutes(5));
        (await Booking.TakePaymentAsync(People.Sadia, monday, null, new PaymentDetails(300, PaymentMethod.Cash))).Succeeded.Should().BeTrue();
        foreach (var _ in Enumerable.Range(0, 3))
            (await Booking.AdvanceStageAsync(People.Sadia, monday, null)).Succeeded.Should().BeTrue();
        Harness.Clock.SetUtcNow(WednesdayFive.AddHours(-4));
        await BookAsync(WednesdayFive);
        return monday;
    }

    [Fact]
    public async Task The_desk_sees_beside_today_s_visit_what_the_patient_still_owes_from_before_and_not_once_it_is_paid()
    {
        var monday = await MondayLeftOwingAsync();

        var row = (await Harness.Get<AppointmentQueries>().FrontDeskAsync(People.Karim)).Visits.Single();
        (row.Visit.PatientName, row.Account!.Due, row.OwedBefore).Should().Be(("Ayesha Siddiqua", 800m, 500m));

        (await Booking.TakePaymentAsync(People.Karim, monday, null, new PaymentDetails(500, PaymentMethod.MobileWallet, "TX77"))).Succeeded.Should().BeTrue();
        (await Harness.Get<AppointmentQueries>().FrontDeskAsync(People.Karim)).Visits.Single().OwedBefore.Should().Be(0);
    }

    [Fact]
    public async Task The_patient_s_file_lists_the_visit_still_owing_for_the_desk_but_not_for_the_doctor()
    {
        var monday = await MondayLeftOwingAsync();
        var files = Harness.Get<PatientFiles>();

        var owed = (await files.FileAsync(People.Sadia, People.Ayesha.UserId)).Value!.Owed.Should().ContainSingle().Which;
        (owed.AppointmentId, owed.DoctorName, owed.Fee, owed.Paid, owed.Due, owed.Currency).Should().Be((monday, "Dr. Farhana Rahman", 800m, 300m, 500m, "BDT"));

        var farhana = await Harness.Get<AppointmentActors>().ResolveAsync(await Harness.ActorAsync("farhana.rahman@gomoti.example"));
        (await files.FileAsync(farhana, People.Ayesha.UserId)).Value!.Owed.Should().BeEmpty("the money is the front desk's to ask for");
        (await Harness.Get<AppointmentQueries>().FrontDeskAsync(farhana)).Visits.Single().OwedBefore.Should().Be(0);
    }

    [Fact]
    public async Task Lowering_the_fee_to_what_was_paid_takes_the_visit_off_every_owed_list_and_the_takings_count_the_discount()
    {
        var monday = await MondayLeftOwingAsync();

        var lowered = await Booking.DiscountAsync(People.Karim, monday, null, new FeeDiscount(300, "Hardship: the rest waived, as the owner agreed."));

        lowered.Succeeded.Should().BeTrue(lowered.Error);
        (await Harness.Get<AppointmentQueries>().FrontDeskAsync(People.Karim)).Visits.Single().OwedBefore.Should().Be(0);
        (await Harness.Get<PatientFiles>().FileAsync(People.Sadia, People.Ayesha.UserId)).Value!.Owed.Should().BeEmpty();
        var account = (await Harness.Get<AppointmentQueries>().DetailAsync(People.Ayesha, monday)).Value!.Account!;
        (account.Fee, account.FeeBeforeDiscount, account.Paid, account.IsPaid).Should().Be((300m, 800m, 300m, true));
        var report = (await Harness.Get<TakingsQueries>().ReportAsync(People.Owner, TakingsPeriod.Day(new DateOnly(2026, 11, 23)))).Value!;
        (report.Discounted, report.Discounts).Should().Be((500m, 1));
        report.Outstanding.Should().NotContain(o => o.AppointmentId == monday);
    }
}
