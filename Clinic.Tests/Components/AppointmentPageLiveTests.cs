using Bunit;
using Clinic.Data.Booking;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Clinic.Web.Components.Pages.Appointments;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Components;

/// <summary>
/// A patient's appointment page follows what others change around it: their place in the waiting
/// room's line as the one ahead goes in, and the place of the visit when their doctor moves branch.
/// </summary>
public sealed class AppointmentPageLiveTests : LivePageTests
{
    // The harness clock: Monday 23 Nov 2026, 15:00 in Dhaka. Dr. Farhana Rahman's shared session starts at 17:00.
    private static readonly DateTime FiveInDhaka = new(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Ayesha_reads_2nd_in_line_then_next_to_go_in_when_Rahim_goes_in()
    {
        var booking = Harness.Get<BookingService>();
        var farhana = await Harness.DoctorIdAsync("farhana.rahman@gomoti.example");
        async Task<Guid> CheckedInAsync(Clinic.Domain.Appointments.AppointmentActor patient, int minutesBeforeFive)
        {
            var id = (await booking.BookAsync(People.Sadia, new BookingRequest(farhana, FiveInDhaka, PatientUserId: patient.UserId))).Value!.AppointmentId;
            Harness.Clock.SetUtcNow(FiveInDhaka.AddMinutes(-minutesBeforeFive));
            (await booking.AdvanceStageAsync(People.Sadia, id, null)).Succeeded.Should().BeTrue();
            return id;
        }
        var rahim = await CheckedInAsync(People.Rahim, 20);
        var ayesha = await CheckedInAsync(People.Ayesha, 10);
        await using var context = MudTestContext.Create(Hub, Harness.Clock);
        foreach (var service in new object[] { Harness.Get<AppointmentQueries>(), booking, Harness.Get<Clinic.Data.Waitlist.WaitlistService>(), Harness.Get<Clinic.Data.Series.SeriesChanges>() })
            context.Services.AddSingleton(service.GetType(), service);
        context.SignInActing(Harness, People.Ayesha, ClinicRoles.Patient);

        var page = context.Render<AppointmentDetailPage>(p => p.Add(d => d.AppointmentId, ayesha));
        page.WaitForAssertion(() => page.Find("[data-testid=detail-stage]").Shown().Should().Be("Waiting, 2nd in line"));

        (await booking.AdvanceStageAsync(People.Sadia, rahim, null)).Succeeded.Should().BeTrue();
        Harness.Clock.Advance(TimeSpan.FromMilliseconds(100)); // the live page's shared window

        page.WaitForAssertion(() => page.Find("[data-testid=detail-stage]").Shown().Should().Be("Waiting, next to go in"));
        page.FindAll("[data-testid=change-notice]").Should().BeEmpty("her own appointment did not change");
    }

    [Fact]
    public async Task The_place_shown_follows_the_doctor_to_another_branch_without_a_reload()
    {
        var farhana = await Harness.DoctorIdAsync("farhana.rahman@gomoti.example");
        var visit = (await Harness.Get<BookingService>().BookAsync(People.Sadia, new BookingRequest(farhana, FiveInDhaka, PatientUserId: People.Ayesha.UserId))).Value!.AppointmentId;
        await using var context = MudTestContext.Create(Hub, Harness.Clock);
        foreach (var service in new object[] { Harness.Get<AppointmentQueries>(), Harness.Get<BookingService>(), Harness.Get<Clinic.Data.Waitlist.WaitlistService>(), Harness.Get<Clinic.Data.Series.SeriesChanges>() })
            context.Services.AddSingleton(service.GetType(), service);
        context.SignInActing(Harness, People.Ayesha, ClinicRoles.Patient);
        var page = context.Render<AppointmentDetailPage>(p => p.Add(d => d.AppointmentId, visit));
        page.WaitForAssertion(() => page.Find("[data-testid=detail-place]").Shown().Should().Contain("Dhanmondi branch"));

        var team = Harness.Get<Clinic.Data.Team.TeamAdministration>();
        var uttara = (await Harness.Get<Clinic.Data.Branches.BranchAdministration>().ListAsync()).Single(b => b.Name == "Uttara").Id;
        (await team.UpdateDoctorAsync(People.Owner.Actor, farhana, (await team.GetDoctorAsync(People.Owner.Actor, farhana))! with { BranchId = uttara })).Succeeded.Should().BeTrue();
        Harness.Clock.Advance(TimeSpan.FromMilliseconds(100)); // the live page's shared window

        page.WaitForAssertion(() => page.Find("[data-testid=detail-place]").Shown().Should().Be("Gomoti Hospital, Uttara branch, House 7, Road 11, Sector 4, Uttara, Dhaka 1230"));
    }
}
