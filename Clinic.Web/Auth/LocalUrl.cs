namespace Clinic.Web.Auth;

/// <summary>Whether a ReturnUrl stays on this site: a path like "/doctors/x", never "//evil.example" or "https://...".</summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains('\\')
        && !url.Any(char.IsControl);

    /// <summary>The ReturnUrl if it is local and not the bare root, else the fallback.</summary>
    public static string OrElse(string? url, string fallback) => IsLocal(url) && url != "/" ? url! : fallback;
}
