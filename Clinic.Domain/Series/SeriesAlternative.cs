using Clinic.Domain.Scheduling;

namespace Clinic.Domain.Series;

/// <summary>
/// The free time offered for a series visit that cannot be had as asked: the same day at the nearest
/// time, else the nearest day at the time nearest the series' own, so a patient who comes at nine
/// keeps nine where another day can give it; of two equally near, the earlier. (The nearest in
/// absolute time would put a closed Wednesday's nine o'clock visit at Tuesday's last slot.)
/// </summary>
public static class SeriesAlternative
{
    /// <param name="free">The slots the visit could take, on the clinic's clock.</param>
    /// <param name="wantedLocal">The series' own date and time for this visit, on the clinic's clock.</param>
    public static Slot? Nearest(IEnumerable<Slot> free, DateTime wantedLocal)
    {
        var wantedDay = DateOnly.FromDateTime(wantedLocal).DayNumber;
        return free
            .OrderBy(slot => Math.Abs(slot.LocalDate.DayNumber - wantedDay))
            .ThenBy(slot => (slot.LocalStart.TimeOfDay - wantedLocal.TimeOfDay).Duration())
            .ThenBy(slot => slot.StartUtc)
            .FirstOrDefault();
    }
}
