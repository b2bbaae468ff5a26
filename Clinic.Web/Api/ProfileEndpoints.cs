using System.Security.Claims;
using Clinic.Data.Images;
using Clinic.Data.Overview;
using Clinic.Domain.Clinics;

namespace Clinic.Web.Api;

/// <summary>The clinic's profile and pictures: the owner changes the profile and logo; the owner or the doctor a doctor's photo.</summary>
public static class ProfileEndpoints
{
    /// <param name="Language">"en" or "bn": the language the clinic opens in for whoever has not chosen one; left out, it stays as it is.</param>
    public sealed record ProfileRequest(string? Name, string? Address, string? Phone, string? Email, string? OpeningHours, string? Language = null);

    public sealed record PictureDto(string Url);

    public static void MapProfile(this RouteGroupBuilder api)
    {
        api.MapPut("/clinic/profile", async (ProfileRequest body, ClaimsPrincipal user, ClinicProfileEditor editor, CancellationToken cancellationToken) =>
        {
            // A caller written before the clinic had a language does not send one, and must not reset it.
            var language = body.Language ?? await editor.LanguageAsync(cancellationToken);
            var saved = await editor.UpdateAsync(ApiCaller.Actor(user), new ClinicProfile(body.Name ?? "", body.Address ?? "", body.Phone, body.Email, body.OpeningHours, language), cancellationToken);
            return saved.Succeeded ? Results.NoContent() : ApiProblems.From(saved);
        })
        .WithTags("Clinic").WithSummary("Change the clinic's name, address, phone, email, opening hours and language (owner); every field but a left-out language is replaced")
        .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesValidationProblem();

        api.MapPost("/clinic/logo", async (IFormFile file, ClaimsPrincipal user, PictureUploads pictures, CancellationToken cancellationToken) =>
        {
            if (await ReadAsync(file, cancellationToken) is not { } bytes)
                return ApiProblems.Field("file", $"The picture can be at most {PictureResizer.MaxBytes / 1024 / 1024} MB.");
            var stored = await pictures.ChangeLogoAsync(ApiCaller.Actor(user), bytes, cancellationToken);
            return stored.Succeeded ? Results.Ok(new PictureDto(stored.Value!)) : ApiProblems.From(stored);
        })
        .WithTags("Clinic").WithSummary("Upload the clinic's logo (owner): a PNG, JPEG or WebP file in the form field \"file\", up to 5 MB; it is resized and replaces the last")
        .Produces<PictureDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesValidationProblem();

        api.MapPost("/doctors/{doctorId:guid}/photo", async (Guid doctorId, IFormFile file, ClaimsPrincipal user, PictureUploads pictures, CancellationToken cancellationToken) =>
        {
            if (await ReadAsync(file, cancellationToken) is not { } bytes)
                return ApiProblems.Field("file", $"The picture can be at most {PictureResizer.MaxBytes / 1024 / 1024} MB.");
            var stored = await pictures.ChangeDoctorPhotoAsync(ApiCaller.Actor(user), doctorId, bytes, cancellationToken);
            return stored.Succeeded ? Results.Ok(new PictureDto(stored.Value!)) : ApiProblems.From(stored);
        })
        .WithTags("Doctors").WithSummary("Upload a doctor's photo (the owner, or the doctor): a PNG, JPEG or WebP file in the form field \"file\", up to 5 MB; resized to 400 px")
        .Produces<PictureDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
    }

    // Read no more than the limit: a larger upload is refused before it fills memory.
    private static async Task<byte[]?> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length > PictureResizer.MaxBytes)
            return null;
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
