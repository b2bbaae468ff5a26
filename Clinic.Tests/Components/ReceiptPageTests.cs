using Bunit;
using Clinic.Data.Booking;
using Clinic.Domain.Identity;
using Clinic.Domain.Payments;
using Clinic.Tests.Support;
using Clinic.Web.Components.Pages.Appointments;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Components;

/// <summary>A visit's money receipt lists what was received, not what was voided, with what is still due; it is the patient's and the clinic's only.</summary>
public sealed class ReceiptPageTests : DemoClinicTests
{
    // The harness clock: Monday 23 Nov 2026, 15:00 in Dhaka. Dr. Farhana Rahman (fee BDT 800) sees patients from 17:00.
    private static readonly DateTime FiveInDhaka = new(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_patient_s_receipt_lists_the_payments_received_leaves_out_a_voided_one_and_says_what_is_still_due()
    {
        var booking = Harness.Get<BookingService>();
        var farhanaId = await Harness.DoctorIdAsync("farhana.rahman@gomoti.example");
        var id = (await booking.BookAsync(People.Sadia, new BookingRequest(farhanaId, FiveInDhaka, PatientUserId: People.Ayesha.UserId))).Value!.AppointmentId;
        await booking.TakePaymentAsync(People.Sadia, id, null, new PaymentDetails(300, PaymentMethod.Cash));
        await booking.TakePaymentAsync(People.Sadia, id, null, new PaymentDetails(200, PaymentMethod.Card, "Slip 77"));
        var card = (await Harness.Get<AppointmentQueries>().DetailAsync(People.Sadia, id)).Value!.Payments[1].Payment.Id;
        await booking.VoidPaymentAsync(People.Sadia, id, null, card, "The card was declined.");
        await using var context = MudTestContext.Create(out _, Harness.Clock);
        context.Services.AddSingleton(Harness.Get<AppointmentQueries>());
        context.SignInActing(Harness, People.Ayesha, ClinicRoles.Patient);

        var page = context.Render<ReceiptPage>(p => p.Add(r => r.AppointmentId, id));

        page.WaitForAssertion(() => page.FindAll("[data-testid=receipt-line]").Should().ContainSingle().Which.Shown().Should().Contain("Cash").And.Contain("BDT 300"));
        page.Find("[data-testid=receipt-paid]").Shown().Should().Be("BDT 300");
        page.Find("[data-testid=receipt-due]").Shown().Should().Be("BDT 500");
        page.Find("[data-testid=receipt]").Shown().Should().Contain("Ayesha Siddiqua").And.Contain("Dr. Farhana Rahman").And.NotContain("Slip 77");
    }

    [Fact]
    public async Task Another_patient_gets_no_receipt()
    {
        var farhanaId = await Harness.DoctorIdAsync("farhana.rahman@gomoti.example");
        var id = (await Harness.Get<BookingService>().BookAsync(People.Sadia, new BookingRequest(farhanaId, FiveInDhaka, PatientUserId: People.Ayesha.UserId))).Value!.AppointmentId;
        await using var context = MudTestContext.Create(out _, Harness.Clock);
        context.Services.AddSingleton(Harness.Get<AppointmentQueries>());
        context.SignInActing(Harness, People.Rahim, ClinicRoles.Patient);

        var page = context.Render<ReceiptPage>(p => p.Add(r => r.AppointmentId, id));

        page.WaitForAssertion(() => page.Find("[data-testid=receipt-error]").Shown().Should().Be("You cannot see or change this appointment."));
        page.FindAll("[data-testid=receipt]").Should().BeEmpty();
    }
}
