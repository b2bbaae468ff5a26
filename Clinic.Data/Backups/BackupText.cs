namespace Clinic.Data.Backups;

/// <summary>A copy's size as people read it (the owner's page and the command) and a number of copies (the command; the page says it in the reader's language).</summary>
public static class BackupText
{
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / 1024.0 / 1024.0:0.0} MB"
        : $"{Math.Max(1, bytes / 1024)} KB";

    public static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
