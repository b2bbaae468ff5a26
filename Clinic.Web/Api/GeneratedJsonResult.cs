using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Clinic.Web.Api;

/// <summary>
/// A 200 whose JSON the source generator's fast path writes in one synchronous pass straight into
/// the response's buffer, then sent at once. For the large answers (a month of slots): the usual
/// asynchronous serializer walks each property through converter metadata and pauses to flush.
/// </summary>
internal sealed class GeneratedJsonResult<T>(T value, JsonTypeInfo<T> typeInfo) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;
    public T Value => value;
    object? IValueHttpResult.Value => value;
    public string ContentType => "application/json; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;
        var body = httpContext.Response.BodyWriter;
        using (var writer = new Utf8JsonWriter(body, new JsonWriterOptions { SkipValidation = true }))
            JsonSerializer.Serialize(writer, value, typeInfo);
        await body.FlushAsync(httpContext.RequestAborted);
    }
}
