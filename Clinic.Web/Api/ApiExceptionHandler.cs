using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace Clinic.Web.Api;

/// <summary>
/// Outside Development, a fault under <c>/api</c> answers as a 500 ProblemDetails with a trace id to
/// quote, never the HTML error page and never the exception's text (which could carry internals).
/// </summary>
public sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at the error page: the feature keeps the original path.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value;
        if (path is null || !new PathString(path).StartsWithSegments("/api"))
            return false;
        var traceId = Activity.Current?.Id ?? context.TraceIdentifier;
        logger.LogError(exception, "The API failed on {Method} {Path} (trace {TraceId}).", context.Request.Method, path, traceId);
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        await TypedResults.Problem(
            detail: $"The error was logged with trace id {traceId}. Try again; if it goes on, tell the clinic and quote that id.",
            statusCode: StatusCodes.Status500InternalServerError, title: "Something went wrong on our side", type: "urn:clinic:problem:server_error",
            extensions: new Dictionary<string, object?> { ["code"] = "server_error", ["traceId"] = traceId }).ExecuteAsync(context);
        return true;
    }
}
