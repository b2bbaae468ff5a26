namespace Clinic.Data.Images;

/// <summary>
/// A picture the clinic shows (its logo, a doctor's photo), already checked and resized, kept in
/// the clinic's database so every app instance serves the same bytes. A new upload is a new row
/// (and a new address), so a browser may keep one forever.
/// </summary>
public sealed class StoredImage
{
    private StoredImage() { }

    public Guid Id { get; private set; }
    public string ContentType { get; private set; } = string.Empty;
    public byte[] Bytes { get; private set; } = [];
    public int Width { get; private set; }
    public int Height { get; private set; }
    public DateTime CreatedUtc { get; private set; }

    public static StoredImage Create(string contentType, byte[] bytes, int width, int height, DateTime nowUtc) => new()
    {
        Id = Clinic.Domain.Common.RowIds.New(),
        ContentType = contentType,
        Bytes = bytes,
        Width = width,
        Height = height,
        CreatedUtc = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc),
    };

    /// <summary>Where the app serves it.</summary>
    public static string UrlOf(Guid id) => $"/images/{id:N}";
}
