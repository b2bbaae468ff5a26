using SkiaSharp;

namespace Clinic.Data.Seeding;

/// <summary>The demo clinic's logo, drawn rather than shipped: a white cross on the clinic's teal.</summary>
internal static class DemoLogo
{
    public static byte[] Png()
    {
        const int size = 256;
        using var bitmap = new SKBitmap(size, size);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            using var teal = new SKPaint { Color = new SKColor(0x00, 0x79, 0x6B), IsAntialias = true };
            canvas.DrawRoundRect(new SKRect(8, 8, size - 8, size - 8), 48, 48, teal);
            using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
            canvas.DrawRoundRect(new SKRect(104, 48, 152, 208), 10, 10, white);
            canvas.DrawRoundRect(new SKRect(48, 104, 208, 152), 10, 10, white);
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }
}
