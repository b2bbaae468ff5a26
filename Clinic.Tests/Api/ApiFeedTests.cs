using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Data.Persistence;
using Clinic.Tests.Support;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Api;

/// <summary>Calendar subscription addresses: the person or the owner issues them; the secret alone reads; revoking ends it.</summary>
public sealed class ApiFeedTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private async Task<(Guid DoctorId, string AyeshaId)> IdsAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return (await db.Doctors.Where(d => d.FullName == "Dr. Farhana Rahman").Select(d => d.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == "ayesha@patients.example").Select(u => u.Id).SingleAsync());
    }

    private static string PathOf(JsonElement issued) => new Uri(issued.GetProperty("url").GetString()!).AbsolutePath;

    [Fact]
    public async Task A_patients_feed_lists_her_appointments_at_their_instants_until_she_reissues_or_revokes_it()
    {
        var (farhana, ayeshaId) = await IdsAsync();
        var ayesha = await ApiClient.SignInAsync(app, "ayesha@patients.example");
        var week = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{farhana}/availability?days=7");
        var slot = week.GetProperty("slots").EnumerateArray().First(s => s.GetProperty("state").GetString() == "Available");
        (await ayesha.PostAsync("/api/v1/appointments", new { doctorId = farhana, startUtc = slot.GetProperty("startUtc").GetDateTime() })).StatusCode.Should().Be(HttpStatusCode.Created);

        var first = await ayesha.ReadAsync<JsonElement>(await ayesha.PostAsync($"/api/v1/feeds/patients/{ayeshaId}"));
        var anonymous = app.CreateClient();
        var response = await anonymous.GetAsync(PathOf(first));
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/calendar");
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var entry = calendar.Events.Should().ContainSingle().Subject;
        entry.DtStart!.IsUtc.Should().BeTrue("an instant in UTC is unambiguous across daylight-saving changes");
        entry.DtStart.AsUtc.Should().Be(slot.GetProperty("startUtc").GetDateTime().ToUniversalTime());
        entry.Summary.Should().Be("Appointment with Dr. Farhana Rahman (Pending)");
        entry.Status.Should().Be("TENTATIVE");

        var second = await ayesha.ReadAsync<JsonElement>(await ayesha.PostAsync($"/api/v1/feeds/patients/{ayeshaId}"));
        await (await anonymous.GetAsync(PathOf(first))).ShouldBeProblemAsync(404, "not_found");
        (await anonymous.GetAsync(PathOf(second))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ayesha.Http.DeleteAsync($"/api/v1/feeds/patients/{ayeshaId}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await anonymous.GetAsync(PathOf(second))).ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task Only_the_person_or_the_owner_manages_an_address()
    {
        var (farhana, ayeshaId) = await IdsAsync();
        var rahim = await ApiClient.SignInAsync(app, "rahim@patients.example");
        var staff = await ApiClient.SignInAsync(app, "staff1@gomoti.example");
        var owner = await ApiClient.SignInAsync(app, "owner@gomoti.example");
        var doctor = await ApiClient.SignInAsync(app, "farhana.rahman@gomoti.example");

        await (await rahim.PostAsync($"/api/v1/feeds/patients/{ayeshaId}")).ShouldBeProblemAsync(404, "not_found");
        await (await rahim.Http.DeleteAsync($"/api/v1/feeds/patients/{ayeshaId}")).ShouldBeProblemAsync(404, "not_found");
        await (await staff.PostAsync($"/api/v1/feeds/doctors/{farhana}")).ShouldBeProblemAsync(404, "not_found");
        await (await app.CreateClient().GetAsync("/api/v1/feeds/made-up-secret.ics")).ShouldBeProblemAsync(404, "not_found");

        var byDoctor = await doctor.ReadAsync<JsonElement>(await doctor.PostAsync($"/api/v1/feeds/doctors/{farhana}"));
        (await app.CreateClient().GetAsync(PathOf(byDoctor))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await owner.Http.DeleteAsync($"/api/v1/feeds/doctors/{farhana}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await app.CreateClient().GetAsync(PathOf(byDoctor))).ShouldBeProblemAsync(404, "not_found");
    }
}
