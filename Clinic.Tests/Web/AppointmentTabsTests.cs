using Clinic.Data.Booking;
using Clinic.Domain.Appointments;
using Clinic.Web.Components.Appointments;

namespace Clinic.Tests.Web;

public sealed class AppointmentTabsTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    private static AppointmentView Visit(string name, int hoursFromNow, AppointmentStatus status) =>
        new(Guid.NewGuid(), Guid.NewGuid(), name, "Cardiology", "p", "Ayesha", null, Now.AddHours(hoursFromNow), Now.AddHours(hoursFromNow + 6),
            Now.AddHours(hoursFromNow + 6).AddMinutes(30), status, VisitStage.Expected, null, null, null, Now, 1, Now.AddHours(hoursFromNow).AddMinutes(30));

    [Fact]
    public void A_cancelled_visit_is_neither_upcoming_nor_past_and_an_open_offer_is_in_no_tab()
    {
        var tabs = AppointmentTabs.Of(
        [
            Visit("ahead, confirmed", 48, AppointmentStatus.Confirmed),
            Visit("ahead, pending", 24, AppointmentStatus.Pending),
            Visit("ahead, cancelled", 72, AppointmentStatus.Cancelled),
            Visit("done", -48, AppointmentStatus.Completed),
            Visit("missed", -24, AppointmentStatus.NoShow),
            Visit("cancelled long ago", -96, AppointmentStatus.Cancelled),
            Visit("held from the waitlist", 30, AppointmentStatus.Offered),
        ], Now);

        tabs.Upcoming.Select(a => a.DoctorName).Should().Equal("ahead, pending", "ahead, confirmed");
        tabs.Past.Select(a => a.DoctorName).Should().Equal("missed", "done");
        tabs.Cancelled.Select(a => a.DoctorName).Should().Equal("ahead, cancelled", "cancelled long ago");
    }
}
