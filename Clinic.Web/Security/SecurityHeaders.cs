using System.Security.Cryptography;

namespace Clinic.Web.Security;

/// <summary>
/// Response headers every answer carries. Pages get a Content-Security-Policy that lets scripts come
/// only from this site (plus the page's own nonce for the import map) and styles from this site or
/// inline (MudBlazor writes style attributes). API answers are data: they may not be framed, sniffed
/// or cached by anyone in between.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "clinic.csp-nonce";

    /// <summary>The nonce an inline script of this page must carry.</summary>
    public static string NonceOf(HttpContext context) => context.Items[NonceKey] as string ?? "";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";

        var path = context.Request.Path;
        if (path.StartsWithSegments("/api/docs"))
        {
            // The API reference page is a third-party bundle with inline scripts; it is published only by choice.
            headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
                "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
        }
        else if (path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi"))
        {
            headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            headers.XFrameOptions = "DENY";
            // Personal data: nothing in between (a proxy, a shared browser) keeps a copy.
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
        else
        {
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            headers.ContentSecurityPolicy = $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; " +
                "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; " +
                "base-uri 'self'; form-action 'self'; object-src 'none'";
            headers.XFrameOptions = "SAMEORIGIN";
        }
        await next();
    });
}
