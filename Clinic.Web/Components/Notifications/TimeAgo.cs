namespace Clinic.Web.Components.Notifications;

/// <summary>"just now", "5 min ago", "3 h ago", then the date: how long ago something arrived.</summary>
public static class TimeAgo
{
    public static string Describe(DateTime thenUtc, DateTime nowUtc, TimeZoneInfo zone)
    {
        var age = nowUtc - thenUtc;
        if (age < TimeSpan.FromMinutes(1))
            return "just now";
        if (age < TimeSpan.FromHours(1))
            return $"{(int)age.TotalMinutes} min ago";
        if (age < TimeSpan.FromHours(24))
            return $"{(int)age.TotalHours} h ago";
        return Clinic.Domain.Clinics.ClinicTime.LocalOf(thenUtc, zone).ToString("d MMM, HH:mm");
    }
}
