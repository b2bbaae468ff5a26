using Microsoft.AspNetCore.Diagnostics;

namespace Clinic.Web.Api;

public static class ApiErrorsMiddleware
{
    /// <summary>
    /// Under <c>/api</c>: no HTML not-found page for a bare status (a 401 stays a 401 with
    /// WWW-Authenticate), and a body that is not valid JSON for the endpoint is a 400 ProblemDetails
    /// with code <c>invalid</c> in every environment, never a stack trace.
    /// </summary>
    public static IApplicationBuilder UseApiErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next();
            return;
        }
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            pages.Enabled = false;
        try
        {
            await next();
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            var json = ex.InnerException as System.Text.Json.JsonException;
            var field = json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
            var detail = json is null ? ex.Message : $"The request body is not valid here: {json.Message.Split(" Path:")[0]} (at {json.Path}).";
            await ApiProblems.Field(field, detail).ExecuteAsync(context);
        }
    });
}
