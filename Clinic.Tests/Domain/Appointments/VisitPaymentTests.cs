using Clinic.Domain.Appointments;
using Clinic.Domain.Common;
using Clinic.Domain.Events;
using Clinic.Domain.Identity;
using Clinic.Domain.Payments;

namespace Clinic.Tests.Domain.Appointments;

/// <summary>The front desk takes a visit's fee, in part or whole, and voids a payment with a reason; the visit's account and history say what happened.</summary>
public sealed class VisitPaymentTests
{
    private static readonly VisitCharge Fee = new(800, "BDT");

    private static AppointmentActor OtherStaff { get; } = new(Actor.Of("staff2", ClinicRoles.Staff), "Karim Uddin", null);

    [Fact]
    public void The_desk_takes_the_fee_in_two_parts_and_then_nothing_more_is_due()
    {
        var visit = People.Confirmed();

        visit.TakePayment(People.Staff, new PaymentDetails(500, PaymentMethod.Cash), Fee, People.Now).Succeeded.Should().BeTrue();
        visit.Due(Fee).Should().Be(300);
        visit.AllowedFor(People.Staff, People.Now, 24, People.Zone, Fee).Can(AppointmentAction.TakePayment).Should().BeTrue();
        visit.TakePayment(People.Staff, new PaymentDetails(300, PaymentMethod.MobileWallet, " TX123 "), Fee, People.Now.AddMinutes(1)).Succeeded.Should().BeTrue();

        visit.Paid.Should().Be(800);
        visit.Due(Fee).Should().Be(0);
        visit.Payments.Select(p => (p.Amount, p.Method, p.Reference, p.ReceivedByName)).Should().Equal(
            (500m, PaymentMethod.Cash, (string?)null, "Sadia Islam"), (300m, PaymentMethod.MobileWallet, "TX123", "Sadia Islam"));
        var answer = visit.AllowedFor(People.Staff, People.Now, 24, People.Zone, Fee)[AppointmentAction.TakePayment];
        answer.Shows.Should().BeFalse();
        answer.Reason.Should().Be("The visit is paid in full.");
        visit.History.TakeLast(2).Select(h => (h.Kind, h.From, h.To, h.Reason)).Should().Equal(
            (HistoryKind.Payment, "Cash", "BDT 500", (string?)null), (HistoryKind.Payment, "MobileWallet", "BDT 300", "TX123"));
    }

    [Fact]
    public void A_fee_raised_after_the_patient_paid_part_of_it_is_not_what_the_visit_owes()
    {
        var visit = People.Confirmed();
        visit.TakePayment(People.Staff, new PaymentDetails(500, PaymentMethod.Cash), Fee, People.Now);

        var raised = new VisitCharge(1200, "BDT");

        visit.ChargeOf(raised).Fee.Should().Be(800, "the visit keeps the fee it was first paid against");
        visit.TakePayment(People.Staff, new PaymentDetails(400, PaymentMethod.Cash), raised, People.Now).Error.Should().Be("Only BDT 300 is still due; take at most that.");
        People.Confirmed().ChargeOf(raised).Fee.Should().Be(1200, "a visit not yet paid costs what the fee is now");
    }

    [Theory]
    [InlineData(0, "Enter the amount received.")]
    [InlineData(-5, "Enter the amount received.")]
    [InlineData(12.345, "An amount has at most two decimals.")]
    [InlineData(801, "Only BDT 800 is still due; take at most that.")]
    public void An_amount_that_cannot_be_right_is_refused_in_words_and_nothing_is_recorded(decimal amount, string problem)
    {
        var visit = People.Confirmed();
        var version = visit.Version;

        var result = visit.TakePayment(People.Staff, new PaymentDetails(amount, PaymentMethod.Cash), Fee, People.Now);

        result.Error.Should().Be(problem);
        visit.Payments.Should().BeEmpty();
        visit.Version.Should().Be(version);
    }

    [Fact]
    public void A_reference_too_long_or_with_control_characters_is_refused()
    {
        var visit = People.Confirmed();

        visit.TakePayment(People.Staff, new PaymentDetails(800, PaymentMethod.Card, new string('9', 61)), Fee, People.Now).Error
            .Should().Be("The reference can be at most 60 characters.");
        visit.TakePayment(People.Staff, new PaymentDetails(800, PaymentMethod.Card, "12\t34"), Fee, People.Now).Error
            .Should().Be("The reference contains characters that cannot be shown.");
    }

    [Fact]
    public void Only_a_confirmed_or_completed_visit_with_a_fee_takes_money_and_only_the_front_desk_takes_it()
    {
        var confirmed = People.Confirmed();

        People.Pending().TakePayment(People.Staff, new PaymentDetails(800, PaymentMethod.Cash), Fee, People.Now).Error
            .Should().Be("Confirm the request before taking a payment.");
        confirmed.TakePayment(People.Doctor, new PaymentDetails(800, PaymentMethod.Cash), Fee, People.Now).Code.Should().Be(RefusalCodes.Forbidden);
        confirmed.TakePayment(People.Patient, new PaymentDetails(800, PaymentMethod.Cash), Fee, People.Now).Code.Should().Be(RefusalCodes.Forbidden);
        confirmed.TakePayment(People.Staff, new PaymentDetails(800, PaymentMethod.Cash), new VisitCharge(0, "BDT"), People.Now).Error
            .Should().Be("This visit is free of charge.");
        var cancelled = People.Confirmed();
        cancelled.Cancel(People.Staff, "Doctor away.", People.Now, 24);
        cancelled.TakePayment(People.Owner, new PaymentDetails(800, PaymentMethod.Cash), Fee, People.Now).Error
            .Should().Be("This appointment is cancelled; nothing is due.");
        var done = People.Confirmed(People.Now.AddHours(-1));
        done.Complete(People.Doctor, People.Now).Succeeded.Should().BeTrue();
        done.TakePayment(People.Owner, new PaymentDetails(800, PaymentMethod.Cash), Fee, People.Now).Succeeded.Should().BeTrue("a visit can be paid after it");
    }

    [Fact]
    public void A_payment_tells_the_appointment_s_pages_and_not_the_doctor_s_slots()
    {
        var visit = People.Confirmed();
        visit.ClearRecordedEvents();
        var version = visit.Version;

        visit.TakePayment(People.Staff, new PaymentDetails(800, PaymentMethod.Cash), Fee, People.Now);

        visit.Version.Should().Be(version + 1, "two desks taking the same fee at once cannot both succeed");
        visit.RecordedEvents.Should().Equal(new AppointmentChanged(visit.Id, People.DoctorId, "patient"));
    }

    [Fact]
    public void A_voided_payment_stops_counting_stays_on_record_and_the_fee_is_due_again()
    {
        var visit = People.Confirmed();
        visit.TakePayment(People.Staff, new PaymentDetails(800, PaymentMethod.Cash), Fee, People.Now);
        var payment = visit.Payments.Single();

        visit.VoidPayment(People.Staff, payment.Id, "  ", People.Now, People.Zone).Error.Should().StartWith("Say why the payment is voided");
        visit.VoidPayment(People.Staff, payment.Id, "Typed 800 for a 500 visit.", People.Now.AddMinutes(5), People.Zone).Succeeded.Should().BeTrue();

        payment.IsVoided.Should().BeTrue();
        (payment.VoidedByName, payment.VoidReason).Should().Be(("Sadia Islam", "Typed 800 for a 500 visit."));
        visit.Paid.Should().Be(0);
        visit.Due(Fee).Should().Be(800);
        visit.History[^1].Should().BeEquivalentTo(new { Kind = HistoryKind.PaymentVoided, From = "Cash", To = "BDT 800", Reason = "Typed 800 for a 500 visit." });
        visit.VoidPayment(People.Owner, payment.Id, "Again.", People.Now, People.Zone).Error.Should().Be("This payment was already voided.");
    }

    [Fact]
    public void Staff_void_their_own_payments_on_the_day_and_the_owner_any_payment_any_day()
    {
        var visit = People.Confirmed();
        visit.TakePayment(People.Staff, new PaymentDetails(400, PaymentMethod.Cash), Fee, People.Now);
        visit.TakePayment(OtherStaff, new PaymentDetails(400, PaymentMethod.Card), Fee, People.Now);
        var (sadias, karims) = (visit.Payments[0], visit.Payments[1]);
        var nextDay = People.Now.AddDays(1);

        visit.VoidVerdict(People.Staff, karims, People.Now, People.Zone).Reason.Should().Be("Only the owner can void a payment Karim Uddin took.");
        visit.VoidVerdict(People.Staff, sadias, nextDay, People.Zone).Reason.Should().Be("A payment from an earlier day can be voided by the owner only.");
        visit.VoidVerdict(People.Doctor, sadias, People.Now, People.Zone).Shows.Should().BeFalse();
        visit.VoidVerdict(People.Staff, sadias, People.Now, People.Zone).IsAllowed.Should().BeTrue();
        visit.VoidPayment(People.Staff, karims.Id, "Not mine to void.", People.Now, People.Zone).Succeeded.Should().BeFalse();
        visit.VoidPayment(People.Owner, karims.Id, "Card payment reversed by the bank.", nextDay, People.Zone).Succeeded.Should().BeTrue();
        visit.Paid.Should().Be(400);
    }
}
