using Clinic.Data.Images;

namespace Clinic.Web.Images;

/// <summary>
/// Serves the clinic's stored pictures (its logo, doctors' photos) to anyone: they are public on
/// the landing page. A new upload gets a new address, so a picture may be cached for a year.
/// </summary>
public static class PictureEndpoint
{
    public static void MapPictures(this WebApplication app) =>
        app.MapGet("/images/{id:guid}", async (Guid id, PictureUploads pictures, HttpContext http, CancellationToken cancellationToken) =>
        {
            if (await pictures.FindAsync(id, cancellationToken) is not { } image)
                return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.File(image.Bytes, image.ContentType);
        })
        .AllowAnonymous()
        .ExcludeFromDescription();
}
