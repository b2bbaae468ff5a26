using Microsoft.AspNetCore.Components.Routing;

namespace Clinic.Web.Components.Layout;

/// <summary>
/// Whether a navigation link is the page being shown, as the framework's <c>NavLink</c> decides it:
/// the whole path for <see cref="NavLinkMatch.All"/>, the path or anything under it for
/// <see cref="NavLinkMatch.Prefix"/>; query and fragment do not count, nor letter case or a trailing slash.
/// </summary>
public static class ActiveLink
{
    /// <param name="relativeUri">The address below the app's base (<c>NavigationManager.ToBaseRelativePath</c>).</param>
    /// <param name="href">The link's address, with or without a leading slash.</param>
    public static bool Matches(string relativeUri, string href, NavLinkMatch match)
    {
        var path = Path(relativeUri);
        var target = Path(href);
        if (string.Equals(path, target, StringComparison.OrdinalIgnoreCase))
            return true;
        return match == NavLinkMatch.Prefix && target.Length > 0
            && path.StartsWith(target + "/", StringComparison.OrdinalIgnoreCase);
    }

    private static string Path(string uri)
    {
        var end = uri.IndexOfAny(['?', '#']);
        return (end < 0 ? uri : uri[..end]).Trim('/');
    }
}
