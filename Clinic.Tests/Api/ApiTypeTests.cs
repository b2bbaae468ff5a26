using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Data.Persistence;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Api;

/// <summary>Appointment types over the API: anyone reads a doctor's, the owner manages them, with the same refusals as the pages.</summary>
public sealed class ApiTypeTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private async Task<Guid> DoctorAsync(string name)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.Doctors.Where(d => d.FullName == name).Select(d => d.Id).SingleAsync();
    }

    [Fact]
    public async Task Anyone_reads_a_doctor_s_active_types_with_duration_and_price()
    {
        var nusrat = await DoctorAsync("Dr. Nusrat Jahan");

        var types = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{nusrat}/types");

        types.EnumerateArray().Select(t => t.GetProperty("name").GetString()).Should().Equal("Follow-up visit", "General consultation", "Video consultation");
        var video = types.EnumerateArray().Last();
        (video.GetProperty("durationMinutes").GetInt32(), video.GetProperty("price").GetDecimal(), video.GetProperty("currency").GetString(), video.GetProperty("isOnline").GetBoolean())
            .Should().Be((30, 700m, "BDT", true));
    }

    [Fact]
    public async Task The_owner_adds_and_changes_a_type_staff_are_refused_and_bad_fields_are_named()
    {
        var imran = await DoctorAsync("Dr. Imran Hossain");
        var owner = await ApiClient.SignInAsync(app, "owner@gomoti.example");
        var staff = await ApiClient.SignInAsync(app, "staff1@gomoti.example");
        var body = new { name = "Skin check", durationMinutes = 20, price = 900, colour = "#6D4C41", bufferMinutes = 5, isOnline = false, isActive = true, doctorIds = new[] { imran } };

        await (await staff.PostAsync("/api/v1/types", body)).ShouldBeProblemAsync(403, "forbidden");
        await (await staff.GetAsync("/api/v1/types")).ShouldBeProblemAsync(403, "forbidden");
        var bad = await (await owner.PostAsync("/api/v1/types", new { name = "", durationMinutes = 1, price = 900, colour = "brown", doctorIds = new[] { imran } }))
            .ShouldBeProblemAsync(400, "invalid");
        bad.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).Should().Contain(["Name is required.", "Colour must be written as #RRGGBB, e.g. #1E88E5."]);

        var created = await owner.PostAsync("/api/v1/types", body);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await owner.ReadAsync<JsonElement>(created)).GetProperty("id").GetGuid();
        var changed = await owner.Http.PutAsJsonAsync($"/api/v1/types/{id}", new { name = "Skin check", durationMinutes = 25, price = 950, colour = "#6D4C41", isActive = false, doctorIds = new[] { imran } });
        changed.StatusCode.Should().Be(HttpStatusCode.OK);

        var offered = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{imran}/types");
        offered.EnumerateArray().Should().NotContain(t => t.GetProperty("name").GetString() == "Skin check", "it is no longer offered");
        var all = await owner.ReadAsync<JsonElement>(await owner.GetAsync("/api/v1/types"));
        all.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Skin check").GetProperty("durationMinutes").GetInt32().Should().Be(25);
        await (await owner.Http.PutAsJsonAsync($"/api/v1/types/{Guid.NewGuid()}", body)).ShouldBeProblemAsync(404, "not_found");
    }
}
