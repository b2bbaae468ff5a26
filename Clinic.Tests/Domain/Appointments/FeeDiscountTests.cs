using Clinic.Domain.Appointments;
using Clinic.Domain.Common;
using Clinic.Domain.Events;
using Clinic.Domain.Payments;

namespace Clinic.Tests.Domain.Appointments;

/// <summary>The desk lowers a visit's fee with a reason: never below what was paid, never a raise, and the history says who and why.</summary>
public sealed class FeeDiscountTests
{
    private static readonly VisitCharge Fee = new(800, "BDT");

    [Fact]
    public void Lowering_the_fee_to_what_was_paid_settles_the_visit_and_the_history_says_from_what_to_what_and_why()
    {
        var visit = People.Confirmed();
        visit.TakePayment(People.Staff, new PaymentDetails(500, PaymentMethod.Cash), Fee, People.Now);
        visit.ClearRecordedEvents();
        var version = visit.Version;

        visit.Discount(People.Staff, new FeeDiscount(500, " A follow-up within the week. "), Fee, People.Now.AddMinutes(1)).Succeeded.Should().BeTrue();

        (visit.AgreedFee, visit.FeeBeforeDiscount, visit.Due(visit.ChargeOf(Fee))).Should().Be((500m, 800m, 0m));
        visit.ChargeOf(Fee with { Fee = 1000 }).Fee.Should().Be(500, "a price raised later does not undo the discount");
        visit.History[^1].Should().BeEquivalentTo(new { Kind = HistoryKind.Discount, From = "BDT 800", To = "BDT 500", Reason = "A follow-up within the week.", ByName = "Sadia Islam" });
        visit.Version.Should().Be(version + 1);
        visit.RecordedEvents.Should().Equal(new AppointmentChanged(visit.Id, People.DoctorId, "patient"));
        var answer = visit.AllowedFor(People.Staff, People.Now, 24, People.Zone, Fee);
        (answer[AppointmentAction.Discount].Reason, answer[AppointmentAction.TakePayment].Reason).Should().Be(("The visit is paid in full.", "The visit is paid in full."));
    }

    [Fact]
    public void A_second_discount_keeps_the_fee_first_charged_and_waiving_it_all_leaves_nothing_due()
    {
        var visit = People.Confirmed();

        visit.Discount(People.Staff, new FeeDiscount(600, "Hardship."), Fee, People.Now).Succeeded.Should().BeTrue();
        visit.Discount(People.Owner, new FeeDiscount(0, "Seen free: the doctor's own relative."), Fee, People.Now).Succeeded.Should().BeTrue();

        (visit.AgreedFee, visit.FeeBeforeDiscount, visit.Due(visit.ChargeOf(Fee))).Should().Be((0m, 800m, 0m));
        visit.History[^1].Should().BeEquivalentTo(new { From = "BDT 600", To = "BDT 0" });
        visit.AllowedFor(People.Staff, People.Now, 24, People.Zone, Fee)[AppointmentAction.TakePayment].Reason.Should().Be("This visit is free of charge.");
    }

    [Theory]
    [InlineData(800, "A discount lowers the fee: give a fee below BDT 800.")]
    [InlineData(900, "A discount lowers the fee: give a fee below BDT 800.")]
    [InlineData(-1, "A discount lowers the fee: give a fee below BDT 800.")]
    [InlineData(299, "BDT 300 was already paid; the fee cannot go below that (void a payment to give money back).")]
    [InlineData(450.125, "A fee has at most two decimals.")]
    public void A_fee_that_is_not_a_discount_is_refused_in_words_and_nothing_changes(decimal fee, string error)
    {
        var visit = People.Confirmed();
        visit.TakePayment(People.Staff, new PaymentDetails(300, PaymentMethod.Cash), Fee, People.Now);
        var version = visit.Version;

        visit.Discount(People.Staff, new FeeDiscount(fee, "Hardship."), Fee, People.Now).Error.Should().Be(error);

        (visit.AgreedFee, visit.FeeBeforeDiscount, visit.Version).Should().Be((800m, (decimal?)null, version));
    }

    [Fact]
    public void A_discount_needs_a_reason_and_a_clinic_hand_on_a_visit_that_charges()
    {
        var visit = People.Confirmed();

        visit.Discount(People.Staff, new FeeDiscount(500, " "), Fee, People.Now).Error.Should().StartWith("Say why the fee is lowered");
        visit.Discount(People.Staff, new FeeDiscount(500, new string('x', 501)), Fee, People.Now).Error.Should().Be("The reason can be at most 500 characters.");
        visit.Discount(People.Patient, new FeeDiscount(500, "Please."), Fee, People.Now).Code.Should().Be(RefusalCodes.Forbidden);
        visit.Discount(People.Doctor, new FeeDiscount(500, "My call."), Fee, People.Now).Code.Should().Be(RefusalCodes.Forbidden);
        People.Pending().Discount(People.Staff, new FeeDiscount(500, "Hardship."), Fee, People.Now).Error.Should().Be("Confirm the request before lowering its fee.");
        visit.FeeBeforeDiscount.Should().BeNull();
    }
}
