using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Tests.Support;

namespace Clinic.Tests.Api;

/// <summary>Branches over the API: anyone lists them and sees each doctor's; the owner keeps them, with the same refusals as the page.</summary>
public sealed class ApiBranchTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    [Fact]
    public async Task Anyone_lists_the_branches_with_their_doctors_and_each_doctor_names_their_branch()
    {
        var anonymous = app.CreateClient();

        var branches = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/branches");
        var doctors = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/doctors");

        var uttara = branches.EnumerateArray().Single(b => b.GetProperty("name").GetString() == "Uttara");
        uttara.GetProperty("address").GetString().Should().Be("House 7, Road 11, Sector 4, Uttara, Dhaka 1230");
        uttara.GetProperty("doctorNames").EnumerateArray().Select(n => n.GetString()).Should().Equal("Dr. Imran Hossain", "Dr. Nusrat Jahan");
        var nusrat = doctors.EnumerateArray().Single(d => d.GetProperty("fullName").GetString() == "Dr. Nusrat Jahan");
        (nusrat.GetProperty("branchName").GetString(), nusrat.GetProperty("practiceAddress").GetString())
            .Should().Be(("Uttara", "House 7, Road 11, Sector 4, Uttara, Dhaka 1230"));
    }

    [Fact]
    public async Task The_owner_adds_and_removes_a_branch_staff_are_refused_and_a_branch_with_doctors_stays()
    {
        var owner = await ApiClient.SignInAsync(app, "owner@gomoti.example");
        var staff = await ApiClient.SignInAsync(app, "staff1@gomoti.example");
        var body = new { name = "Mirpur", address = "Section 10, Mirpur, Dhaka 1216", phone = "+880 2 9001 0000" };

        await (await staff.PostAsync("/api/v1/branches", body)).ShouldBeProblemAsync(403, "forbidden");
        var bad = await (await owner.PostAsync("/api/v1/branches", new { name = "", address = "" })).ShouldBeProblemAsync(400, "invalid");
        bad.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).Should().Equal("Branch name is required.", "Address is required.");

        var created = await owner.PostAsync("/api/v1/branches", body);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var mirpur = (await owner.ReadAsync<JsonElement>(created)).GetProperty("id").GetGuid();
        var uttara = (await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/branches")).EnumerateArray()
            .Single(b => b.GetProperty("name").GetString() == "Uttara").GetProperty("id").GetGuid();

        var kept = await (await owner.Http.DeleteAsync($"/api/v1/branches/{uttara}")).ShouldBeProblemAsync(400, "invalid");
        kept.GetProperty("detail").GetString().Should().Be("Dr. Imran Hossain, Dr. Nusrat Jahan work at Uttara: move them to another branch first.");
        (await owner.Http.DeleteAsync($"/api/v1/branches/{mirpur}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await owner.Http.DeleteAsync($"/api/v1/branches/{mirpur}")).ShouldBeProblemAsync(404, "not_found");
    }
}
