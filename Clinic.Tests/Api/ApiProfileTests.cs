using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Data.Persistence;
using Clinic.Tests.Data.Images;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Api;

/// <summary>The clinic's profile and pictures over the API, and the pictures served to anyone.</summary>
public sealed class ApiProfileTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private static MultipartFormDataContent Upload(byte[] bytes, string name = "logo.png")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    [Fact]
    public async Task The_owner_changes_the_profile_and_logo_anyone_reads_them_and_the_logo_is_served_for_a_year()
    {
        var owner = await ApiClient.SignInAsync(app, "owner@gomoti.example");
        var staff = await ApiClient.SignInAsync(app, "staff1@gomoti.example");
        var profile = new { name = "Gomoti Hospital", address = "House 12, Road 5, Dhanmondi, Dhaka 1205", phone = "+880 2 5815 0000", email = "desk@gomoti.example", openingHours = "Every day 08:00–23:00" };

        await (await staff.Http.PutAsJsonAsync("/api/v1/clinic/profile", profile)).ShouldBeProblemAsync(403, "forbidden");
        (await owner.Http.PutAsJsonAsync("/api/v1/clinic/profile", profile)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var bad = await (await owner.Http.PutAsJsonAsync("/api/v1/clinic/profile", new { name = "", address = "x", email = "nope" })).ShouldBeProblemAsync(400, "invalid");
        bad.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).Should().Contain(["Clinic name is required.", "The email address does not look right (name@clinic.example)."]);
        await (await owner.Http.PostAsync("/api/v1/clinic/logo", Upload("not a picture"u8.ToArray()))).ShouldBeProblemAsync(400, "invalid");
        var logo = await owner.Http.PostAsync("/api/v1/clinic/logo", Upload(PictureUploadsTests.Picture(640, 320)));
        logo.StatusCode.Should().Be(HttpStatusCode.OK);
        var url = (await logo.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;

        var clinic = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/clinic");
        (clinic.GetProperty("openingHours").GetString(), clinic.GetProperty("email").GetString(), clinic.GetProperty("logoUrl").GetString())
            .Should().Be(("Every day 08:00–23:00", "desk@gomoti.example", url));
        var served = await app.CreateClient().GetAsync(url);
        served.StatusCode.Should().Be(HttpStatusCode.OK);
        served.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        served.Headers.CacheControl!.ToString().Should().Contain("immutable");
        (await app.CreateClient().GetAsync($"/images/{Guid.NewGuid():N}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_doctor_uploads_their_own_photo_which_shows_on_their_card()
    {
        Guid tanvir;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
            tanvir = await db.Doctors.Where(d => d.FullName == "Dr. Tanvir Ahmed").Select(d => d.Id).SingleAsync();
        var doctor = await ApiClient.SignInAsync(app, "tanvir.ahmed@gomoti.example");

        var photo = await doctor.Http.PostAsync($"/api/v1/doctors/{tanvir}/photo", Upload(PictureUploadsTests.Picture(900, 900), "me.png"));

        photo.StatusCode.Should().Be(HttpStatusCode.OK);
        var card = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{tanvir}");
        card.GetProperty("photoUrl").GetString().Should().Be((await photo.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString());
        await (await doctor.Http.PostAsync($"/api/v1/doctors/{Guid.NewGuid()}/photo", Upload(PictureUploadsTests.Picture(10, 10)))).ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task A_logo_sent_the_wrong_way_is_refused_with_how_to_send_it()
    {
        var owner = await ApiClient.SignInAsync(app, "owner@gomoti.example");

        var asJson = await owner.PostAsync("/api/v1/clinic/logo", new { file = "logo.png" });
        var withoutTheFile = await owner.Http.PostAsync("/api/v1/clinic/logo", new MultipartFormDataContent { { new StringContent("logo.png"), "name" } });

        (await asJson.ShouldBeProblemAsync(415, "unsupported_media_type")).GetProperty("detail").GetString().Should().Contain("multipart/form-data");
        (await withoutTheFile.ShouldBeProblemAsync(400, "invalid")).GetProperty("errors").GetProperty("file")[0].GetString()
            .Should().Be("Give file as a file sent as a form upload (multipart/form-data).");
        // A JSON endpoint sent something else is still told to send JSON.
        (await (await owner.Http.PostAsync("/api/v1/appointments", new MultipartFormDataContent { { new StringContent("x"), "doctorId" } }))
            .ShouldBeProblemAsync(415, "unsupported_media_type")).GetProperty("detail").GetString().Should().Contain("application/json");
    }
}
