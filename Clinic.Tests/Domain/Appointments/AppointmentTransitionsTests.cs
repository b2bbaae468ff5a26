using Clinic.Domain.Appointments;
using static Clinic.Tests.Domain.Appointments.People;

namespace Clinic.Tests.Domain.Appointments;

public sealed class AppointmentTransitionsTests
{
    private const int Cutoff = 24;

    [Fact]
    public void A_new_request_is_pending_and_its_creation_is_recorded()
    {
        var appointment = Pending();

        appointment.Status.Should().Be(AppointmentStatus.Pending);
        appointment.History.Should().ContainSingle().Which.Should().Match<AppointmentHistoryEntry>(h =>
            h.Kind == HistoryKind.Created && h.ByName == "Ayesha Siddiqua" && h.To == "Pending");
    }

    [Fact]
    public void Staff_confirm_a_pending_request_and_the_history_says_who()
    {
        var appointment = Pending();

        appointment.Confirm(Staff, Now).Succeeded.Should().BeTrue();

        appointment.Status.Should().Be(AppointmentStatus.Confirmed);
        appointment.History.Last().Should().Match<AppointmentHistoryEntry>(h =>
            h.Kind == HistoryKind.Status && h.From == "Pending" && h.To == "Confirmed" && h.ByName == "Sadia Islam");
        appointment.Version.Should().Be(2);
    }

    [Fact]
    public void Only_pending_requests_can_be_confirmed() =>
        Confirmed().Confirm(Owner, Now).Error.Should().Be("Only a pending request can be confirmed; this one is confirmed.");

    [Fact]
    public void The_clinic_must_give_a_reason_to_cancel_and_the_patient_sees_it()
    {
        var appointment = Confirmed();

        appointment.Cancel(Staff, "  ", Now, Cutoff).Error.Should().Be("Give the patient a reason for the cancellation.");
        appointment.Cancel(Staff, "The doctor is ill today.", Now, Cutoff).Succeeded.Should().BeTrue();

        appointment.Status.Should().Be(AppointmentStatus.Cancelled);
        appointment.CancelReason.Should().Be("The doctor is ill today.");
        appointment.History.Last().Reason.Should().Be("The doctor is ill today.");
        appointment.Status.HoldsSeat().Should().BeFalse();
    }

    [Fact]
    public void A_patient_cancels_a_confirmed_visit_before_the_cutoff_but_not_after_and_withdraws_a_request_any_time_before_it()
    {
        Confirmed(Now.AddHours(25)).Cancel(Patient, null, Now, Cutoff).Succeeded.Should().BeTrue();
        Pending(Now.AddHours(23)).Cancel(Patient, null, Now, Cutoff).Succeeded.Should().BeTrue("the clinic has not accepted it yet");
        Confirmed(Now.AddHours(23)).Cancel(Patient, null, Now, Cutoff).Error
            .Should().Be("Appointments can be cancelled online until 24 hours before the start. Please call the clinic.");
        Pending(Now.AddHours(1)).Cancel(Staff, "Clinic closed for maintenance", Now, Cutoff).Succeeded.Should().BeTrue("the clinic is not bound by the cutoff");
    }

    [Fact]
    public void Cancelled_completed_and_no_show_appointments_cannot_be_cancelled()
    {
        var cancelled = Pending();
        cancelled.Cancel(Staff, "Duplicate", Now, Cutoff);

        cancelled.Cancel(Staff, "Again", Now, Cutoff).Error.Should().Be("This appointment is cancelled and can no longer be cancelled.");
    }

    [Fact]
    public void Completing_and_no_show_need_a_confirmed_visit_whose_start_has_passed()
    {
        var appointment = Confirmed();

        appointment.Complete(Staff, Now).Error.Should().Be("A visit can be completed only after its start time.");
        appointment.MarkNoShow(Staff, Now).Error.Should().Be("A patient can be marked as not having come only after the start time.");
        Pending().Complete(Staff, Start.AddMinutes(5)).Error.Should().Be("Only a confirmed appointment can be completed; this one is pending.");
        appointment.Complete(Doctor, Start.AddMinutes(5)).Succeeded.Should().BeTrue("a doctor completes their own appointments");
        appointment.Status.Should().Be(AppointmentStatus.Completed);
    }

    [Fact]
    public void A_no_show_frees_the_seat()
    {
        var appointment = Confirmed();

        appointment.MarkNoShow(Owner, Start.AddMinutes(20)).Succeeded.Should().BeTrue();

        appointment.Status.Should().Be(AppointmentStatus.NoShow);
        appointment.Status.HoldsSeat().Should().BeFalse();
    }

    [Fact]
    public void The_front_desk_moves_a_visit_step_by_step_and_done_completes_it()
    {
        var appointment = Confirmed();

        appointment.AdvanceStage(Staff, Start.AddMinutes(-20), People.Zone).Succeeded.Should().BeTrue();
        appointment.Stage.Should().Be(VisitStage.Waiting);
        appointment.AdvanceStage(Doctor, Start.AddMinutes(-5), People.Zone).Succeeded.Should().BeTrue();
        appointment.Stage.Should().Be(VisitStage.InConsultation);
        appointment.AdvanceStage(Doctor, Start.AddMinutes(25), People.Zone).Succeeded.Should().BeTrue();

        appointment.Stage.Should().Be(VisitStage.Done);
        appointment.Status.Should().Be(AppointmentStatus.Completed);
        appointment.History.Select(h => $"{h.Kind}:{h.To}").Should().EndWith(["Stage:Waiting", "Stage:InConsultation", "Stage:Done", "Status:Completed"]);
        appointment.History[^1].AtUtc.Should().BeAfter(appointment.History[^2].AtUtc,
            "the history is read back from the database ordered by time, and Done must come before Completed");
    }

    [Fact]
    public void A_pending_request_does_not_enter_the_visit_flow() =>
        Pending().AdvanceStage(Staff, Now, People.Zone).Error.Should().Be("Only a confirmed appointment moves through the visit; this one is pending.");

    [Fact]
    public void A_consultation_called_in_early_can_be_finished_before_its_booked_time()
    {
        var appointment = Confirmed();
        appointment.AdvanceStage(Staff, Start.AddMinutes(-40), People.Zone);
        appointment.AdvanceStage(Doctor, Start.AddMinutes(-30), People.Zone);

        appointment.AdvanceStage(Doctor, Start.AddMinutes(-5), People.Zone).Succeeded.Should().BeTrue("a visit that has begun never gets stuck in consultation");

        appointment.Status.Should().Be(AppointmentStatus.Completed);
    }

    [Fact]
    public void Check_in_happens_on_the_day_of_the_visit_in_the_clinic_s_time()
    {
        var appointment = Confirmed(); // 09:00 in Dhaka

        var dayBefore = appointment.AdvanceStage(Staff, Start.AddHours(-10), People.Zone); // 23:00 the evening before
        dayBefore.Error.Should().Be($"Check-in opens on the day of the visit ({DateOnly.FromDateTime(Start.AddHours(6)):ddd d MMM}).");
        appointment.AdvanceStage(Staff, Start.AddHours(-8), People.Zone).Succeeded.Should().BeTrue("01:00 on the day, in the clinic's zone");
    }

    [Fact]
    public void After_the_day_a_visit_that_never_started_is_completed_or_a_no_show_not_checked_in()
    {
        var appointment = Confirmed();

        appointment.AdvanceStage(Staff, Start.AddDays(1), People.Zone).Error.Should().Be("The day of this visit has passed: mark it completed or a no-show instead.");
        appointment.MarkNoShow(Staff, Start.AddDays(1)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Moving_an_appointment_records_the_old_and_new_time()
    {
        var appointment = Confirmed();
        var newStart = Start.AddDays(1);

        appointment.MoveTo(newStart, newStart.AddMinutes(30), 2, Patient, Now, Cutoff).Succeeded.Should().BeTrue();

        appointment.StartUtc.Should().Be(newStart);
        appointment.SeatNumber.Should().Be(2);
        appointment.History.Last().Should().Match<AppointmentHistoryEntry>(h => h.Kind == HistoryKind.Time && h.From == Start.ToString("O"));
    }

    [Fact]
    public void A_patient_cannot_move_an_appointment_inside_the_cutoff() =>
        Confirmed(Now.AddHours(5)).MoveTo(Start, Start.AddMinutes(30), 1, Patient, Now, Cutoff).Error
            .Should().Be("Appointments can be moved online until 24 hours before the start. Please call the clinic.");

    [Fact]
    public void Deleting_frees_the_seat_hides_the_appointment_and_keeps_the_history()
    {
        var appointment = Confirmed();

        appointment.Delete(Owner, Now).Succeeded.Should().BeTrue();

        appointment.IsDeleted.Should().BeTrue();
        appointment.Status.Should().Be(AppointmentStatus.Cancelled);
        appointment.History.Select(h => h.Kind).Should().Equal(HistoryKind.Created, HistoryKind.Status, HistoryKind.Status, HistoryKind.Deleted);
        appointment.Delete(Owner, Now).Error.Should().Be("This appointment was already deleted.");
    }

    [Theory]
    [InlineData("doctor")]
    [InlineData("patient")]
    public void Only_the_clinic_deletes(string who) =>
        Confirmed().Delete(ByName(who), Now).Succeeded.Should().BeFalse();

    [Fact]
    public void Another_patient_cannot_cancel_or_move_someone_s_appointment()
    {
        var appointment = Confirmed();

        appointment.Cancel(OtherPatient, null, Now, Cutoff).Error.Should().Be(AppointmentPermissions.NotYours);
        appointment.MoveTo(Start.AddDays(1), Start.AddDays(1).AddMinutes(30), 1, OtherPatient, Now, Cutoff).Error.Should().Be(AppointmentPermissions.NotYours);
        appointment.Status.Should().Be(AppointmentStatus.Confirmed);
        appointment.StartUtc.Should().Be(Start);
    }

    [Fact]
    public void The_note_is_edited_by_its_patient_or_the_clinic_but_not_by_others()
    {
        var appointment = Confirmed();

        appointment.EditNote(Patient, "Bring the X-ray", Now).Succeeded.Should().BeTrue();
        appointment.EditNote(OtherPatient, "Hacked", Now).Error.Should().Be(AppointmentPermissions.NotYours);
        appointment.EditNote(Doctor, "Doctor's own", Now).Succeeded.Should().BeFalse();

        appointment.PatientNote.Should().Be("Bring the X-ray");
    }
}
