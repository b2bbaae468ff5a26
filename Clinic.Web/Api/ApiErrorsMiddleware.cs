using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Clinic.Web.Api;

public static class ApiErrorsMiddleware
{
    /// <summary>
    /// Under <c>/api</c> every refusal is a ProblemDetails with a stable <c>code</c>: a body that is not
    /// valid JSON for the endpoint is a 400 (<c>invalid</c>), a wrong content type a 415, and a bare status
    /// (401 with WWW-Authenticate, 404, 405...) gets a body saying what it means. Never an HTML page.
    /// A value the framework could not bind is named with what it should be (<see cref="BindingFailure"/>).
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
            if (ex.StatusCode != StatusCodes.Status400BadRequest)
            {
                await Bare(context, ex.StatusCode).ExecuteAsync(context);
                return;
            }
            await ApiProblems.Fields(BindingFailure.DescribeAll(ex, context)).ExecuteAsync(context);
            return;
        }
        var response = context.Response;
        if (!response.HasStarted && response.StatusCode >= 400 && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType)
            && !HttpMethods.IsHead(context.Request.Method))
            await Bare(context, response.StatusCode).ExecuteAsync(context);
    });

    // Routing answers a 415 before any endpoint runs, so which body the address takes is not at hand;
    // but every endpoint takes JSON except the picture uploads, so JSON refused means a form was wanted.
    private static bool JsonWasRefused(HttpContext context) => context.Request.HasJsonContentType();

    /// <summary>A ProblemDetails for a status that came without one.</summary>
    public static IResult Bare(HttpContext context, int status)
    {
        var (code, title, detail) = status switch
        {
            StatusCodes.Status401Unauthorized => ("unauthorized", "Sign in first",
                "Send a valid access token as 'Authorization: Bearer ...' (sign in at /api/v1/auth/login). A token stops working when it expires, the password changes or the account is deactivated."),
            StatusCodes.Status403Forbidden => ("forbidden", "Not allowed for your role", "Your account may not do this."),
            StatusCodes.Status404NotFound => ("not_found", "Not found", $"There is nothing at {context.Request.Path} in the API."),
            StatusCodes.Status405MethodNotAllowed => ("method_not_allowed", "Method not allowed", $"{context.Request.Method} is not accepted at {context.Request.Path}."),
            StatusCodes.Status413PayloadTooLarge => ("too_large", "Request too large", "The request body is larger than the API accepts."),
            StatusCodes.Status415UnsupportedMediaType => ("unsupported_media_type", "Unsupported media type",
                JsonWasRefused(context) ? "Send the file as a form upload ('Content-Type: multipart/form-data')." : "Send the body as JSON with 'Content-Type: application/json'."),
            StatusCodes.Status400BadRequest => (ApiProblems.Invalid, "The request is not valid", "The request could not be read. Check it against /api/docs."),
            StatusCodes.Status429TooManyRequests => ("rate_limited", "Too many requests", "Wait a moment and try again."),
            >= 500 => ("server_error", "Something went wrong on our side", "The error was logged. Try again; if it goes on, tell the clinic."),
            _ => (ApiProblems.Invalid, "Request refused", "The request could not be accepted."),
        };
        return TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Type = $"urn:clinic:problem:{code}",
            Extensions = { ["code"] = code },
        });
    }
}
