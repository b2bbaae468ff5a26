using Clinic.Data.Booking;
using Clinic.Data.Payments;
using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Clinic.Domain.Common;
using Clinic.Domain.Payments;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Tests.Data.Payments;

/// <summary>
/// The owner's takings over some days: counted on the day the money came in (the clinic's day, not
/// UTC's), by method, doctor, who took it and day, voids apart, and the finished visits still owing.
/// </summary>
public sealed class TakingsReportTests : DemoClinicTests
{
    // Monday 23 Nov 2026, 17:00 in Dhaka: Dr. Farhana Rahman's evening session (fee BDT 800); Dr. Tanvir Ahmed's fee is BDT 1,500.
    private static readonly DateTime FiveInDhaka = new(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc);

    // Payments are taken well after the demo's own (which are all on or before the seeding day), so these days hold only the test's.
    private static readonly DateOnly Thursday = new(2026, 12, 10);
    private static readonly DateOnly Friday = new(2026, 12, 11);

    private BookingService Booking => Harness.Get<BookingService>();
    private TakingsQueries Takings => Harness.Get<TakingsQueries>();

    private async Task<Guid> BookAsync(string doctorEmail, AppointmentActor patient, DateTime startUtc)
    {
        var booked = await Booking.BookAsync(People.Sadia, new BookingRequest(await Harness.DoctorIdAsync(doctorEmail), startUtc, PatientUserId: patient.UserId));
        booked.Succeeded.Should().BeTrue(booked.Error);
        return booked.Value!.AppointmentId;
    }

    private async Task TakeAsync(AppointmentActor desk, Guid visit, decimal amount, PaymentMethod method, DateTime dhaka)
    {
        Harness.Clock.SetUtcNow(new DateTimeOffset(dhaka, TimeSpan.FromHours(6)));
        var taken = await Booking.TakePaymentAsync(desk, visit, null, new PaymentDetails(amount, method));
        taken.Succeeded.Should().BeTrue(taken.Error);
    }

    private async Task<DateTime> TanvirsFirstFreeStartAsync()
    {
        var tanvir = await Harness.DoctorIdAsync("tanvir.ahmed@gomoti.example");
        return (await Harness.Get<Clinic.Data.Scheduling.AvailabilityQueries>().NextAvailableAsync())[tanvir].StartUtc;
    }

    [Fact]
    public async Task The_owner_sees_two_days_of_money_by_method_doctor_desk_and_day_with_a_void_kept_apart()
    {
        var ayesha = await BookAsync("farhana.rahman@gomoti.example", People.Ayesha, FiveInDhaka);
        var rahim = await BookAsync("tanvir.ahmed@gomoti.example", People.Rahim, await TanvirsFirstFreeStartAsync());

        await TakeAsync(People.Sadia, ayesha, 500, PaymentMethod.Cash, Thursday.ToDateTime(new TimeOnly(9, 30)));
        await TakeAsync(People.Karim, rahim, 1500, PaymentMethod.Card, Thursday.ToDateTime(new TimeOnly(23, 50)));
        await TakeAsync(People.Sadia, ayesha, 300, PaymentMethod.MobileWallet, Friday.ToDateTime(new TimeOnly(0, 10)));
        var slip = (await Harness.Get<AppointmentQueries>().DetailAsync(People.Owner, rahim)).Value!.Payments.Single().Payment.Id;
        (await Booking.VoidPaymentAsync(People.Owner, rahim, null, slip, "Charged twice on the machine.")).Succeeded.Should().BeTrue();
        await TakeAsync(People.Karim, rahim, 1500, PaymentMethod.Cash, Friday.ToDateTime(new TimeOnly(10, 0)));

        var report = (await Takings.ReportAsync(People.Owner, new TakingsPeriod(Thursday, Friday))).Value!;

        (report.Currency, report.Total, report.Payments, report.Voided, report.Voids).Should().Be(("BDT", 2300m, 3, 1500m, 1));
        report.ByMethod.Should().Equal(new MethodTakings(PaymentMethod.Cash, 2000, 2), new MethodTakings(PaymentMethod.MobileWallet, 300, 1));
        report.ByDoctor.Should().Equal(new TakingsGroup("Dr. Tanvir Ahmed", 1500, 1), new TakingsGroup("Dr. Farhana Rahman", 800, 2));
        report.ByReceiver.Should().Equal(new TakingsGroup("Karim Uddin", 1500, 1), new TakingsGroup("Sadia Islam", 800, 2));
        // 23:50 on Thursday in Dhaka is Thursday's, though it is 17:50 UTC; 00:10 on Friday is Friday's.
        report.ByDay.Should().Equal(new DayTotal(Thursday, 500, 1), new DayTotal(Friday, 1800, 2));
        report.Lines.Select(l => (l.PatientName, l.Amount, l.Method, l.IsVoided, l.VoidReason)).Should().Equal(
            ("Ayesha Siddiqua", 500m, PaymentMethod.Cash, false, (string?)null),
            ("Rahim Chowdhury", 1500m, PaymentMethod.Card, true, "Charged twice on the machine."),
            ("Ayesha Siddiqua", 300m, PaymentMethod.MobileWallet, false, null),
            ("Rahim Chowdhury", 1500m, PaymentMethod.Cash, false, null));
        report.Lines[0].LocalReceived.Should().Be(Thursday.ToDateTime(new TimeOnly(9, 30)));

        var thursday = (await Takings.ReportAsync(People.Owner, TakingsPeriod.Day(Thursday))).Value!;
        (thursday.Total, thursday.Voided).Should().Be((500m, 1500m));
    }

    [Fact]
    public async Task A_finished_visit_of_the_period_still_owing_is_listed_with_what_it_owes()
    {
        var visit = await BookAsync("farhana.rahman@gomoti.example", People.Ayesha, FiveInDhaka);
        Harness.Clock.SetUtcNow(FiveInDhaka.AddMinutes(5));
        (await Booking.TakePaymentAsync(People.Sadia, visit, null, new PaymentDetails(300, PaymentMethod.Cash))).Succeeded.Should().BeTrue();
        foreach (var _ in Enumerable.Range(0, 3))
            (await Booking.AdvanceStageAsync(People.Sadia, visit, null)).Succeeded.Should().BeTrue();

        var report = (await Takings.ReportAsync(People.Owner, TakingsPeriod.Day(new DateOnly(2026, 11, 23)))).Value!;

        var owing = report.Outstanding.Should().ContainSingle(o => o.AppointmentId == visit).Which;
        (owing.PatientName, owing.DoctorName, owing.Fee, owing.Paid, owing.Due).Should().Be(("Ayesha Siddiqua", "Dr. Farhana Rahman", 800m, 300m, 500m));
        report.OwedTotal.Should().Be(report.Outstanding.Sum(o => o.Due));
        report.Outstanding.Should().OnlyContain(o => o.Due > 0 && DateOnly.FromDateTime(o.LocalStart) == new DateOnly(2026, 11, 23));
    }

    [Fact]
    public async Task Money_taken_in_another_currency_is_kept_apart_and_never_added_to_the_total()
    {
        var visit = await BookAsync("farhana.rahman@gomoti.example", People.Ayesha, FiveInDhaka);
        await TakeAsync(People.Sadia, visit, 800, PaymentMethod.Cash, Thursday.ToDateTime(new TimeOnly(10, 0)));
        await using (var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
            await db.Clinics.ExecuteUpdateAsync(set => set.SetProperty(c => c.Currency, "USD"));

        var report = (await Takings.ReportAsync(People.Owner, TakingsPeriod.Day(Thursday))).Value!;

        (report.Currency, report.Total, report.Payments).Should().Be(("USD", 0m, 0));
        report.OtherCurrencies.Should().Equal(new TakingsGroup("BDT", 800, 1));
        report.Lines.Should().ContainSingle().Which.Currency.Should().Be("BDT");
    }

    [Fact]
    public async Task Only_the_owner_sees_the_takings_and_a_period_that_cannot_be_is_refused_in_words()
    {
        var staff = await Takings.ReportAsync(People.Sadia, TakingsPeriod.Day(Thursday));
        (staff.Code, staff.Error).Should().Be((RefusalCodes.Forbidden, TakingsQueries.OwnerOnly));
        (await Takings.ReportAsync(People.Tanvir, TakingsPeriod.Day(Thursday))).Code.Should().Be(RefusalCodes.Forbidden);
        (await Takings.ReportAsync(People.Ayesha, TakingsPeriod.Day(Thursday))).Code.Should().Be(RefusalCodes.Forbidden);

        (await Takings.ReportAsync(People.Owner, new TakingsPeriod(Friday, Thursday))).Error.Should().Be("The last day is before the first.");
    }
}
