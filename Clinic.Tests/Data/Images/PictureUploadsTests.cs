using Clinic.Data.Doctors;
using Clinic.Data.Images;
using Clinic.Data.Overview;
using Clinic.Data.Persistence;
using Clinic.Domain.Common;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Clinic.Tests.Data.Images;

/// <summary>The clinic's logo and doctors' photos: checked by their bytes, resized, stored with the clinic's data, the old one removed.</summary>
public sealed class PictureUploadsTests : DemoClinicTests
{
    private PictureUploads Pictures => Harness.Get<PictureUploads>();

    /// <summary>A picture as a camera or a designer would hand it over.</summary>
    public static byte[] Picture(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Teal);
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, new SKPaint { Color = SKColors.White });
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 90).ToArray();
    }

    private async Task<int> ImagesAsync()
    {
        await using var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.Images.CountAsync();
    }

    [Fact]
    public async Task The_owner_s_logo_is_scaled_to_fit_256_pixels_kept_as_png_and_replaces_the_last()
    {
        var owner = await Harness.ActorAsync("owner@gomoti.example");

        var first = await Pictures.ChangeLogoAsync(owner, Picture(1200, 600));
        var second = await Pictures.ChangeLogoAsync(owner, Picture(300, 300, SKEncodedImageFormat.Jpeg));

        first.Succeeded.Should().BeTrue(first.Error);
        second.Succeeded.Should().BeTrue(second.Error);
        (await ImagesAsync()).Should().Be(1, "the logos it replaced (the demo clinic's, then the first) are removed");
        var stored = (await Pictures.FindAsync(Guid.Parse(second.Value!.Split('/').Last())))!;
        (stored.ContentType, stored.Width, stored.Height).Should().Be(("image/png", 256, 256));
        SKBitmap.Decode(stored.Bytes).Width.Should().Be(256);
        (await Harness.Get<ClinicOverview>().GetAsync())!.LogoUrl.Should().Be(second.Value);
    }

    [Fact]
    public async Task What_is_not_a_picture_or_too_big_is_refused_and_nothing_is_stored()
    {
        var owner = await Harness.ActorAsync("owner@gomoti.example");
        var before = await ImagesAsync();

        var text = await Pictures.ChangeLogoAsync(owner, "<svg onload=alert(1)>"u8.ToArray());
        var huge = await Pictures.ChangeLogoAsync(owner, new byte[PictureResizer.MaxBytes + 1]);
        var empty = await Pictures.ChangeLogoAsync(owner, []);

        text.Error.Should().Be("That file is not a picture we can use: upload a PNG, JPEG or WebP image.");
        huge.Error.Should().Be("The picture can be at most 5 MB.");
        empty.Error.Should().Be("The file is empty.");
        (await ImagesAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_doctor_changes_their_own_photo_only_and_staff_change_none()
    {
        var tanvir = await Harness.ActorAsync("tanvir.ahmed@gomoti.example");
        var staff = await Harness.ActorAsync("staff1@gomoti.example");
        var imranId = await Harness.DoctorIdAsync("imran.hossain@gomoti.example");

        var own = await Pictures.ChangeDoctorPhotoAsync(tanvir, People.TanvirId, Picture(800, 1000, SKEncodedImageFormat.Jpeg));
        var colleague = await Pictures.ChangeDoctorPhotoAsync(tanvir, imranId, Picture(100, 100));
        var byStaff = await Pictures.ChangeLogoAsync(staff, Picture(100, 100));

        own.Succeeded.Should().BeTrue(own.Error);
        colleague.Code.Should().Be(RefusalCodes.Forbidden);
        byStaff.Code.Should().Be(RefusalCodes.Forbidden);
        var card = (await Harness.Get<DoctorDirectory>().FindAsync(People.TanvirId))!;
        card.PhotoUrl.Should().Be(own.Value);
        var photo = (await Pictures.FindAsync(card.PhotoImageId!.Value))!;
        (photo.ContentType, photo.Width, photo.Height).Should().Be(("image/jpeg", 320, 400));
    }

    [Fact]
    public async Task The_owner_s_profile_is_saved_whole_or_refused_with_every_problem()
    {
        var owner = await Harness.ActorAsync("owner@gomoti.example");
        var staff = await Harness.ActorAsync("staff1@gomoti.example");
        var editor = Harness.Get<ClinicProfileEditor>();
        var before = (await editor.GetAsync())!.Profile;

        var refused = await editor.UpdateAsync(owner, before with { Email = "desk at gomoti", Phone = "call us" });
        var byStaff = await editor.UpdateAsync(staff, before with { OpeningHours = "Always" });
        var saved = await editor.UpdateAsync(owner, before with { Email = " desk@gomoti.example ", OpeningHours = "Sat–Thu 09:00–22:00\nFriday closed" });

        refused.Errors.Should().HaveCount(2);
        byStaff.Code.Should().Be(RefusalCodes.Forbidden);
        saved.Succeeded.Should().BeTrue(saved.Error);
        var summary = (await Harness.Get<ClinicOverview>().GetAsync())!;
        (summary.Email, summary.OpeningHours, summary.Phone).Should().Be(("desk@gomoti.example", "Sat–Thu 09:00–22:00\nFriday closed", before.Phone));
    }
}
