using Bunit;
using Clinic.Data.Chat;
using Clinic.Data.Patients;
using Clinic.Domain.Appointments;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Clinic.Web.Components.Pages.Patients;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Components;

/// <summary>A patient's file as the front desk sees it: who they are, their visits, the team's notes (added live) and the conversation.</summary>
public sealed class PatientPageTests : LivePageTests
{
    private BunitContext Context(AppointmentActor viewer, string role)
    {
        var context = MudTestContext.Create(Hub);
        context.Services.AddSingleton(Harness.Get<PatientFiles>());
        context.Services.AddSingleton(Harness.Get<Conversations>());
        context.SignInActing(Harness, viewer, role);
        return context;
    }

    [Fact]
    public async Task Staff_see_who_the_patient_is_their_visits_and_the_conversation_and_a_note_appears_once_added()
    {
        await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine);
        await Harness.Get<Conversations>().PostAsync(People.Ayesha.Actor, People.Ayesha.UserId, "Can I bring my mother's reports?");
        await using var context = Context(People.Sadia, ClinicRoles.Staff);

        var page = context.Render<PatientPage>(p => p.Add(x => x.PatientUserId, People.Ayesha.UserId));

        page.WaitForAssertion(() => page.Find("[data-testid=patient-name]").TextContent.Should().Be("Ayesha Siddiqua"));
        page.Find("[data-testid=patient-identity]").TextContent.Should().Contain("12 Apr 1990").And.Contain("+880 1711 000001");
        page.Find("[data-testid=patient-counts]").TextContent.Should().Contain("1 upcoming").And.Contain("0 no-shows");
        page.FindAll("[data-testid=patient-visit]").Should().ContainSingle().Which.TextContent.Should().Contain("Dr. Tanvir Ahmed");
        page.Find("[data-testid=patient-conversation]").TextContent.Should().Contain("Can I bring my mother's reports?");

        page.Find("textarea[data-testid=note-new]").Input("Prefers morning visits.");
        await page.InvokeAsync(() => page.Find("[data-testid=note-add]").ClickAsync(new()));

        page.WaitForAssertion(() => page.FindAll("[data-testid=note]").Should().ContainSingle()
            .Which.TextContent.Should().Contain("Prefers morning visits.").And.Contain("Sadia Islam"), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Staff_see_what_the_patient_still_owes_from_a_finished_visit_until_the_desk_takes_it()
    {
        // Dr. Farhana Rahman (fee BDT 800) sees patients from 17:00 on Monday 23 Nov 2026, the harness's day.
        var fiveInDhaka = new DateTime(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc);
        var booking = Harness.Get<Clinic.Data.Booking.BookingService>();
        var visit = (await booking.BookAsync(People.Sadia, new Clinic.Data.Booking.BookingRequest(await Harness.DoctorIdAsync("farhana.rahman@gomoti.example"), fiveInDhaka,
            PatientUserId: People.Ayesha.UserId))).Value!.AppointmentId;
        Harness.Clock.SetUtcNow(fiveInDhaka.AddMinutes(5));
        await booking.TakePaymentAsync(People.Sadia, visit, null, new Clinic.Domain.Payments.PaymentDetails(300, Clinic.Domain.Payments.PaymentMethod.Cash));
        foreach (var _ in Enumerable.Range(0, 3))
            (await booking.AdvanceStageAsync(People.Sadia, visit, null)).Succeeded.Should().BeTrue();
        await using var context = Context(People.Sadia, ClinicRoles.Staff);

        var page = context.Render<PatientPage>(p => p.Add(x => x.PatientUserId, People.Ayesha.UserId));

        page.WaitForAssertion(() => page.Find("[data-testid=patient-owes]").Shown().Should().Be("Owes BDT 500"));
        page.Find("[data-testid=patient-owed] [data-testid=owed-due]").Shown().Should().Be("BDT 500 of BDT 800");
        page.Find("[data-testid=patient-owed] a").GetAttribute("href").Should().Be($"/appointments/{visit}");

        (await booking.TakePaymentAsync(People.Karim, visit, null, new Clinic.Domain.Payments.PaymentDetails(500, Clinic.Domain.Payments.PaymentMethod.Cash))).Succeeded.Should().BeTrue();

        page.WaitForAssertion(() => page.FindAll("[data-testid=patient-owes]").Should().BeEmpty(), TimeSpan.FromSeconds(5));
        page.FindAll("[data-testid=patient-owed]").Should().BeEmpty();
    }

    [Fact]
    public async Task A_doctor_without_appointments_with_the_patient_is_told_there_is_no_such_patient()
    {
        await using var context = Context(People.Tanvir, ClinicRoles.Doctor);

        var page = context.Render<PatientPage>(p => p.Add(x => x.PatientUserId, People.Ayesha.UserId));

        page.WaitForAssertion(() => page.Find("[data-testid=patient-refused]").TextContent.Should().Be(PatientFiles.NotYours));
        page.FindAll("[data-testid=patient-notes]").Should().BeEmpty();
    }
}
