using static Clinic.Web.Localization.Translations;

namespace Clinic.Web.Components.Notifications;

/// <summary>"just now", "5 min ago", "3 h ago", then the date: how long ago something arrived.</summary>
public static class TimeAgo
{
    public static string Describe(DateTime thenUtc, DateTime nowUtc, TimeZoneInfo zone)
    {
        var age = nowUtc - thenUtc;
        return age < TimeSpan.FromHours(24) ? Age(age) : Clinic.Domain.Clinics.ClinicTime.LocalOf(thenUtc, zone).ToString("d MMM, HH:mm");
    }

    /// <summary>"just now", "5 min ago", "3 h ago", "1 day ago", "4 days ago": how long something has waited.</summary>
    public static string Age(TimeSpan age) =>
        age < TimeSpan.FromMinutes(1) ? Tr("just now")
        : age < TimeSpan.FromHours(1) ? Tr("{0} min ago", (int)age.TotalMinutes)
        : age < TimeSpan.FromHours(24) ? Tr("{0} h ago", (int)age.TotalHours)
        : (int)age.TotalDays == 1 ? Tr("1 day ago")
        : Tr("{0} days ago", (int)age.TotalDays);
}
