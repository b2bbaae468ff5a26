namespace Clinic.Web.Security;

/// <summary>
/// Outside Development every cookie is Secure, so a page reached over plain HTTP could not keep a
/// session or a form token. Rather than fail deep inside, say what to fix. Health checks stay open
/// for load balancers that probe over HTTP.
/// </summary>
public static class HttpsOnly
{
    public static IApplicationBuilder UseHttpsOnly(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.IsHttps || context.Request.Path.StartsWithSegments("/healthz"))
        {
            await next();
            return;
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(
            "This clinic's site is served over HTTPS only. Open it with https://. " +
            "If TLS ends at a reverse proxy, the proxy must send X-Forwarded-Proto and be listed in Clinic:Security:ForwardedHeaders (see the README).");
    });
}
