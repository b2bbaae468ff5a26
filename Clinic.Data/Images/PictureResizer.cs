using Clinic.Domain.Common;
using SkiaSharp;

namespace Clinic.Data.Images;

/// <summary>
/// Turns an uploaded file into a picture fit to show: it must decode as PNG, JPEG or WebP (the
/// bytes decide, not the file name), no larger than <see cref="MaxBytes"/>, and it is scaled down to
/// fit a box and encoded anew, so what is stored is small and carries nothing from the upload
/// but its pixels (no metadata, no hidden payload).
/// </summary>
public static class PictureResizer
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public sealed record Picture(string ContentType, byte[] Bytes, int Width, int Height);

    public static Result<Picture> Fit(byte[] upload, int box, bool keepTransparency)
    {
        if (upload.Length == 0)
            return Result<Picture>.Failure("The file is empty.");
        if (upload.Length > MaxBytes)
            return Result<Picture>.Failure($"The picture can be at most {MaxBytes / 1024 / 1024} MB.");
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Webp))
            return Result<Picture>.Failure("That file is not a picture we can use: upload a PNG, JPEG or WebP image.");
        if (codec.Info.Width > 12_000 || codec.Info.Height > 12_000)
            return Result<Picture>.Failure("The picture is too large in pixels (at most 12,000 on a side).");
        using var original = SKBitmap.Decode(codec);
        if (original is null)
            return Result<Picture>.Failure("That picture could not be read; it may be damaged.");
        var scale = Math.Min(1.0, (double)box / Math.Max(original.Width, original.Height));
        var (width, height) = (Math.Max(1, (int)Math.Round(original.Width * scale)), Math.Max(1, (int)Math.Round(original.Height * scale)));
        using var resized = original.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var image = SKImage.FromBitmap(resized ?? original);
        using var encoded = keepTransparency ? image.Encode(SKEncodedImageFormat.Png, 100) : image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return Result<Picture>.Ok(new Picture(keepTransparency ? "image/png" : "image/jpeg", encoded.ToArray(), width, height));
    }
}
