using System.Net;
using System.Text.Json;
using Clinic.Tests.Support;

namespace Clinic.Tests.Api;

/// <summary>A check-in kiosk or another desk moves a visit on over the API, and the patient's app reads their place in line.</summary>
public sealed class ApiWaitingLineTests
{
    [Fact]
    public async Task The_desk_checks_a_patient_in_on_the_day_and_the_patient_reads_that_they_go_in_next()
    {
        await using var app = new ClinicAppFactory();
        var (id, _) = await ApiSlots.StaffBookAyeshaWithTanvirAsync(app, await ApiClient.SignInAsync(app, "staff1@gomoti.example"));
        var start = (await ReadAsync(app, "staff1@gomoti.example", id)).GetProperty("appointment").GetProperty("startUtc").GetDateTime();

        // Half an hour before the visit, on its day.
        app.Clock.Advance(start.AddMinutes(-30) - app.Clock.GetUtcNow().UtcDateTime);
        var desk = await ApiClient.SignInAsync(app, "staff2@gomoti.example");
        (await desk.PostAsync($"/api/v1/appointments/{id}/next-stage", new { })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var mine = await ReadAsync(app, "ayesha@patients.example", id);
        mine.GetProperty("appointment").GetProperty("stage").GetString().Should().Be("Waiting");
        mine.GetProperty("placeInLine").GetInt32().Should().Be(1);
    }

    private static async Task<JsonElement> ReadAsync(ClinicAppFactory app, string email, Guid id)
    {
        var client = await ApiClient.SignInAsync(app, email);
        return await client.ReadAsync<JsonElement>(await client.GetAsync($"/api/v1/appointments/{id}"));
    }
}
