using System.Text.Json;
using Clinic.Tests.Support;

namespace Clinic.Tests.Api;

/// <summary>An appointment over the API says what its caller may do now, with the domain's reasons, and the actions answer the same.</summary>
public sealed class ApiAllowedActionsTests
{
    private static async Task<Dictionary<string, JsonElement>> ActionsAsync(ApiClient client, Guid id)
    {
        var detail = await client.ReadAsync<JsonElement>(await client.GetAsync($"/api/v1/appointments/{id}"));
        return detail.GetProperty("actions").EnumerateArray().ToDictionary(a => a.GetProperty("action").GetString()!);
    }

    [Fact]
    public async Task Each_caller_gets_their_own_actions_and_inside_the_cut_off_the_patient_is_told_why_cancel_is_refused()
    {
        await using var app = new ClinicAppFactory();
        var (tanvir, start) = await ApiSlots.TanvirsFreeStartAsync(app, after: app.Clock.GetUtcNow().UtcDateTime.AddHours(25));
        var ayesha = await ApiClient.SignInAsync(app, "ayesha@patients.example");
        var staff = await ApiClient.SignInAsync(app, "staff1@gomoti.example");
        var id = (await ayesha.ReadAsync<JsonElement>(await ayesha.PostAsync("/api/v1/appointments", new { doctorId = tanvir, startUtc = start }))).GetProperty("appointmentId").GetGuid();

        var hers = await ActionsAsync(ayesha, id);
        var theirs = await ActionsAsync(staff, id);

        hers.Keys.Should().BeEquivalentTo(["cancel", "reschedule", "edit-note"]);
        hers.Values.Should().OnlyContain(a => a.GetProperty("allowed").GetBoolean());
        theirs.Keys.Should().Contain(["confirm", "cancel", "reschedule", "delete", "edit-note"]);
        theirs["confirm"].GetProperty("allowed").GetBoolean().Should().BeTrue();

        // Two hours before the start: inside the clinic's 24-hour cut-off.
        app.Clock.Advance(start - app.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(2));
        ayesha = await ApiClient.SignInAsync(app, "ayesha@patients.example"); // the hour-long tokens ran out meanwhile
        staff = await ApiClient.SignInAsync(app, "staff1@gomoti.example");
        var pending = await ActionsAsync(ayesha, id);
        pending["cancel"].GetProperty("allowed").GetBoolean().Should().BeTrue("a request the clinic has not accepted can always be withdrawn");
        pending["reschedule"].GetProperty("code").GetString().Should().Be("too_late");

        (await staff.PostAsync($"/api/v1/appointments/{id}/confirm", new { })).IsSuccessStatusCode.Should().BeTrue();
        var late = await ActionsAsync(ayesha, id);

        late["cancel"].GetProperty("allowed").GetBoolean().Should().BeFalse();
        late["cancel"].GetProperty("code").GetString().Should().Be("too_late");
        late["cancel"].GetProperty("reason").GetString().Should().Be("Appointments can be cancelled online until 24 hours before the start. Please call the clinic.");
        late["edit-note"].GetProperty("allowed").GetBoolean().Should().BeTrue();
        await (await ayesha.PostAsync($"/api/v1/appointments/{id}/cancel", new { })).ShouldBeProblemAsync(422, "too_late");
        (await ActionsAsync(staff, id))["cancel"].GetProperty("allowed").GetBoolean().Should().BeTrue("the front desk may cancel at any time before the visit");
    }
}
