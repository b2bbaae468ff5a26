using Clinic.Domain.Appointments;
using Clinic.Domain.Common;

namespace Clinic.Tests.Domain.Appointments;

/// <summary>
/// The appointment answers what a person may do, with the reason for each refusal, and its answer is
/// exactly what the transitions then do: pages and the API render from it instead of re-deriving rules.
/// </summary>
public sealed class AllowedActionsTests
{
    private const int CutoffHours = 24;

    private static readonly Clinic.Domain.Payments.VisitCharge Charge = new(800, "BDT");

    private static readonly AppointmentActor[] Everyone = [People.Owner, People.Staff, People.Doctor, People.OtherDoctor, People.Patient, People.OtherPatient];

    /// <summary>Appointments in every state a person meets, each built fresh (transitions change them).</summary>
    private static readonly (string Name, Func<Appointment> Build)[] States =
    [
        ("pending in 3 days", () => People.Pending()),
        ("pending in 2 hours", () => People.Pending(People.Now.AddHours(2))),
        ("confirmed in 3 days", () => People.Confirmed()),
        ("confirmed in 2 hours", () => People.Confirmed(People.Now.AddHours(2))),
        ("confirmed, started an hour ago", () => People.Confirmed(People.Now.AddHours(-1))),
        ("cancelled", () =>
        {
            var a = People.Pending();
            a.Cancel(People.Staff, "Doctor away.", People.Now, CutoffHours).Succeeded.Should().BeTrue();
            return a;
        }),
        ("completed", () =>
        {
            var a = People.Confirmed(People.Now.AddHours(-1));
            a.Complete(People.Staff, People.Now).Succeeded.Should().BeTrue();
            return a;
        }),
        ("offered", () => Appointment.Offer(People.DoctorId, "patient", People.Start, People.Start.AddMinutes(30), 1, People.Now, People.Now.AddMinutes(30))),
    ];

    /// <summary>Runs the transition an action stands for on a fresh copy.</summary>
    private static Result Do(AppointmentAction action, Appointment a, AppointmentActor by) => action switch
    {
        AppointmentAction.Confirm => a.Confirm(by, People.Now),
        AppointmentAction.Cancel => a.Cancel(by, "A reason the clinic gives.", People.Now, CutoffHours),
        AppointmentAction.Reschedule => a.MoveTo(a.StartUtc.AddDays(1), a.EndUtc.AddDays(1), 1, by, People.Now, CutoffHours),
        AppointmentAction.Complete => a.Complete(by, People.Now),
        AppointmentAction.NoShow => a.MarkNoShow(by, People.Now),
        AppointmentAction.Stage => a.AdvanceStage(by, People.Now, People.Zone),
        AppointmentAction.EditNote => a.EditNote(by, "Fasting since 8.", People.Now),
        AppointmentAction.Delete => a.Delete(by, People.Now),
        AppointmentAction.AcceptOffer => a.AcceptOffer(by, People.Now),
        AppointmentAction.TakePayment => a.TakePayment(by, new Clinic.Domain.Payments.PaymentDetails(500, Clinic.Domain.Payments.PaymentMethod.Cash), Charge, People.Now),
        AppointmentAction.Discount => a.Discount(by, new Clinic.Domain.Payments.FeeDiscount(600, "A follow-up within the week."), Charge, People.Now),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    [Fact]
    public void The_answer_for_every_person_state_and_action_is_what_the_transition_then_does()
    {
        var checkedCount = 0;
        foreach (var (state, build) in States)
        {
            foreach (var by in Everyone)
            {
                var answer = build().AllowedFor(by, People.Now, CutoffHours, People.Zone, Charge);
                // Declining is the waitlist's EndOffer, checked by the waitlist use case.
                foreach (var verdict in answer.Verdicts.Where(v => v.Action != AppointmentAction.DeclineOffer))
                {
                    var done = Do(verdict.Action, build(), by);
                    done.Succeeded.Should().Be(verdict.IsAllowed, $"{by.Name} / {verdict.Action} / {state}: the answer said {verdict.Availability} ({verdict.Reason}), the transition said {done.Error}");
                    if (!verdict.IsAllowed)
                        (done.Code + " | " + done.Error).Should().Be(verdict.Code + " | " + verdict.Reason, $"{by.Name} / {verdict.Action} / {state}");
                    checkedCount++;
                }
            }
        }
        checkedCount.Should().Be(States.Length * Everyone.Length * 11);
    }

    [Fact]
    public void A_patient_inside_the_cut_off_sees_cancel_and_move_refused_for_now_with_the_reason_while_the_clinic_may()
    {
        var soon = People.Confirmed(People.Now.AddHours(2));

        var patient = soon.AllowedFor(People.Patient, People.Now, CutoffHours, People.Zone);
        var staff = soon.AllowedFor(People.Staff, People.Now, CutoffHours, People.Zone);

        patient[AppointmentAction.Cancel].Should().Be(new ActionVerdict(AppointmentAction.Cancel, ActionAvailability.NotNow, RefusalCodes.TooLate,
            "Appointments can be cancelled online until 24 hours before the start. Please call the clinic."));
        patient[AppointmentAction.Reschedule].Availability.Should().Be(ActionAvailability.NotNow);
        patient.TooLateToChange.Should().Be("Appointments can be cancelled or moved online until 24 hours before the start.", "a page says it once, not twice");
        staff.TooLateToChange.Should().BeNull();
        People.Confirmed().AllowedFor(People.Patient, People.Now, CutoffHours, People.Zone).TooLateToChange.Should().BeNull("three days ahead both are allowed");
        People.Pending(People.Now.AddHours(2)).AllowedFor(People.Patient, People.Now, CutoffHours, People.Zone).TooLateToChange
            .Should().BeNull("a request can still be withdrawn; only moving waits for a call");
        patient.Can(AppointmentAction.EditNote).Should().BeTrue();
        staff.Can(AppointmentAction.Cancel).Should().BeTrue();
        staff.Can(AppointmentAction.Reschedule).Should().BeTrue();
    }

    [Fact]
    public void A_request_not_yet_accepted_can_be_withdrawn_inside_the_cut_off_but_not_moved()
    {
        var soon = People.Pending(People.Now.AddHours(2));

        var patient = soon.AllowedFor(People.Patient, People.Now, CutoffHours, People.Zone);

        patient.Can(AppointmentAction.Cancel).Should().BeTrue();
        patient[AppointmentAction.Reschedule].Availability.Should().Be(ActionAvailability.NotNow);
        soon.Cancel(People.Patient, null, People.Now, CutoffHours).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Once_the_visit_has_started_it_is_completed_or_a_no_show_and_no_longer_cancelled_or_moved()
    {
        var started = People.Confirmed(People.Now.AddHours(-1));

        var staff = started.AllowedFor(People.Staff, People.Now, CutoffHours, People.Zone);
        var doctor = started.AllowedFor(People.Doctor, People.Now, CutoffHours, People.Zone);

        staff.Can(AppointmentAction.Complete).Should().BeTrue();
        staff.Can(AppointmentAction.NoShow).Should().BeTrue();
        staff.Shows(AppointmentAction.Cancel).Should().BeFalse();
        staff.Shows(AppointmentAction.Reschedule).Should().BeFalse();
        doctor.Can(AppointmentAction.Complete).Should().BeTrue();
        doctor.Shows(AppointmentAction.NoShow).Should().BeFalse("no-shows are the front desk's to record");
    }

    [Fact]
    public void Before_the_start_completing_is_not_yet_possible_and_says_why()
    {
        var ahead = People.Confirmed();

        var verdict = ahead.AllowedFor(People.Staff, People.Now, CutoffHours, People.Zone)[AppointmentAction.Complete];

        verdict.Availability.Should().Be(ActionAvailability.NotNow);
        verdict.Reason.Should().Be("A visit can be completed only after its start time.");
    }

    [Fact]
    public void Someone_else_s_appointment_offers_nothing_at_all()
    {
        var answer = People.Pending().AllowedFor(People.OtherPatient, People.Now, CutoffHours, People.Zone);

        answer.Verdicts.Should().OnlyContain(v => v.Availability == ActionAvailability.NotApplicable);
        answer[AppointmentAction.Cancel].Code.Should().Be(RefusalCodes.NotFound);
    }
}
