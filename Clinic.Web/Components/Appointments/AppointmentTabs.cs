using Clinic.Data.Booking;
using Clinic.Domain.Appointments;

namespace Clinic.Web.Components.Appointments;

/// <summary>
/// How a patient's appointments are grouped: visits still ahead, visits whose time has come, and
/// cancelled ones (ahead or not: a cancelled visit is neither coming nor "past"). An open waitlist
/// offer is answered in the waitlist panel, so it is in none of them.
/// </summary>
public sealed record AppointmentTabs(IReadOnlyList<AppointmentView> Upcoming, IReadOnlyList<AppointmentView> Past, IReadOnlyList<AppointmentView> Cancelled)
{
    public static AppointmentTabs Of(IEnumerable<AppointmentView> appointments, DateTime nowUtc)
    {
        var shown = appointments.Where(a => a.Status != AppointmentStatus.Offered).ToList();
        return new AppointmentTabs(
            [.. shown.Where(a => a.StartUtc >= nowUtc && a.Status is AppointmentStatus.Pending or AppointmentStatus.Confirmed).OrderBy(a => a.StartUtc)],
            [.. shown.Where(a => a.Status != AppointmentStatus.Cancelled && !(a.StartUtc >= nowUtc && a.Status is AppointmentStatus.Pending or AppointmentStatus.Confirmed))
                .OrderByDescending(a => a.StartUtc)],
            [.. shown.Where(a => a.Status == AppointmentStatus.Cancelled).OrderByDescending(a => a.StartUtc)]);
    }
}
