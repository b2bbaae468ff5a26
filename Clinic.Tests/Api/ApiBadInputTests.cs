using System.Net;
using System.Net.Http.Json;
using System.Text;
using Clinic.Data.Persistence;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Api;

/// <summary>What a careless or hostile client sends: every one a 4xx ProblemDetails, and nothing saved.</summary>
public sealed class ApiBadInputTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private async Task<Guid> DoctorAsync(string name)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.Doctors.Where(d => d.FullName == name).Select(d => d.Id).SingleAsync();
    }

    public static TheoryData<string> EdgeDates => new() { "0001-01-01", "9999-12-31" };

    [Theory]
    [MemberData(nameof(EdgeDates))]
    public async Task Dates_at_the_edges_of_the_calendar_are_a_400_everywhere(string date)
    {
        var tanvir = await DoctorAsync("Dr. Tanvir Ahmed");
        var patient = await ApiClient.SignInAsync(app, "ayesha@patients.example");
        var doctor = await ApiClient.SignInAsync(app, "tanvir.ahmed@gomoti.example");
        var instant = date == "0001-01-01" ? "0001-01-01T00:00:00Z" : "9999-12-31T23:59:59Z";
        var appointmentId = Guid.NewGuid(); // the date is refused before anyone looks the appointment up

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["book"] = await patient.PostAsync("/api/v1/appointments", new { doctorId = tanvir, startUtc = instant }),
            ["reschedule"] = await patient.PostAsync($"/api/v1/appointments/{appointmentId}/reschedule", new { startUtc = instant, version = 1 }),
            ["disable a slot"] = await doctor.PostAsync($"/api/v1/doctors/{tanvir}/slots/{instant}/disable"),
            ["enable a slot"] = await doctor.PostAsync($"/api/v1/doctors/{tanvir}/slots/{instant}/enable"),
            ["remove a slot"] = await doctor.Http.DeleteAsync($"/api/v1/doctors/{tanvir}/slots/{instant}"),
            ["filter from"] = await patient.GetAsync($"/api/v1/appointments?from={date}"),
            ["filter to"] = await patient.GetAsync($"/api/v1/appointments?to={date}"),
            ["availability"] = await patient.GetAsync($"/api/v1/doctors/{tanvir}/availability?from={date}"),
            ["time off"] = await doctor.PostAsync($"/api/v1/doctors/{tanvir}/schedule/time-off", new { firstDate = date, lastDate = date, reason = "Leave" }),
            ["extra hours"] = await doctor.PostAsync($"/api/v1/doctors/{tanvir}/schedule/extra-hours", new { date, from = "09:00", to = "10:00", slotMinutes = 30, capacity = 1 }),
            ["bulk"] = await patient.PostAsync("/api/v1/availability/bulk", new { doctorIds = new[] { tanvir }, dates = new[] { date } }),
        };

        foreach (var (what, response) in answers)
        {
            ((int)response.StatusCode).Should().BeInRange(400, 499, $"{what} with {date} is the client's mistake: {await response.Content.ReadAsStringAsync()}");
            response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", what);
        }
    }

    [Fact]
    public async Task Bulk_availability_over_more_than_62_days_is_a_400_not_a_crash()
    {
        var patient = await ApiClient.SignInAsync(app, "ayesha@patients.example");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var response = await patient.PostAsync("/api/v1/availability/bulk",
            new { doctorIds = new[] { await DoctorAsync("Dr. Tanvir Ahmed") }, dates = new[] { today, today.AddDays(70) } });

        var problem = await response.ShouldBeProblemAsync(400, "invalid");
        problem.GetProperty("detail").GetString().Should().Contain("62 days");
    }

    [Theory]
    [InlineData(7)]
    [InlineData(99)]
    [InlineData(-1)]
    public async Task Weekly_hours_on_a_day_that_is_no_weekday_are_refused_and_not_stored(int day)
    {
        var tanvir = await DoctorAsync("Dr. Tanvir Ahmed");
        var doctor = await ApiClient.SignInAsync(app, "tanvir.ahmed@gomoti.example");

        var response = await doctor.Http.PostAsync($"/api/v1/doctors/{tanvir}/schedule/weekly-hours",
            new StringContent($"{{\"day\":{day},\"from\":\"09:00\",\"to\":\"12:00\",\"slotMinutes\":30,\"capacity\":1}}", Encoding.UTF8, "application/json"));

        ((int)response.StatusCode).Should().Be(400, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        (await db.WeeklyRules.CountAsync(r => r.DoctorId == tanvir && (int)r.Day == day)).Should().Be(0);
    }

    [Fact]
    public async Task Every_bare_refusal_comes_with_a_ProblemDetails_body()
    {
        var anonymous = app.CreateClient();
        var patient = await ApiClient.SignInAsync(app, "ayesha@patients.example");

        await (await anonymous.GetAsync("/api/v1/appointments")).ShouldBeProblemAsync(401, "unauthorized");
        await (await patient.GetAsync("/api/v1/no-such-thing")).ShouldBeProblemAsync(404, "not_found");
        await (await anonymous.DeleteAsync("/api/v1/auth/login")).ShouldBeProblemAsync(405, "method_not_allowed");
        await (await anonymous.PostAsync("/api/v1/auth/login", new StringContent("email=a", Encoding.UTF8, "text/plain")))
            .ShouldBeProblemAsync(415, "unsupported_media_type");
        await (await patient.Http.PostAsync("/api/v1/appointments", new StringContent("{not json", Encoding.UTF8, "application/json")))
            .ShouldBeProblemAsync(400, "invalid");
        (await anonymous.GetAsync("/api/v1/appointments")).Headers.WwwAuthenticate.Should().NotBeEmpty("a 401 still says how to authenticate");
    }

    [Fact]
    public async Task A_value_of_the_wrong_kind_is_named_with_what_it_should_be_in_the_client_s_words()
    {
        var tanvir = await DoctorAsync("Dr. Tanvir Ahmed");
        var patient = await ApiClient.SignInAsync(app, "ayesha@patients.example");
        var doctor = await ApiClient.SignInAsync(app, "tanvir.ahmed@gomoti.example");
        HttpContent Json(string text) => new StringContent(text, Encoding.UTF8, "application/json");

        var answers = new (string What, HttpResponseMessage Response, string Field, string Says)[]
        {
            ("an id that is not one", await patient.Http.PostAsync("/api/v1/appointments", Json("""{"doctorId":"x"}""")), "doctorId", "Give doctorId as an id such as"),
            ("a month 13", await patient.Http.PostAsync("/api/v1/appointments", Json($$"""{"doctorId":"{{tanvir}}","startUtc":"2026-13-01T00:00:00Z"}""")),
                "startUtc", "Give startUtc as a UTC instant such as 2026-11-25T03:00:00Z"),
            ("a number for a note", await patient.Http.PostAsync("/api/v1/appointments", Json($$"""{"doctorId":"{{tanvir}}","note":5}""")), "note", "Give note as text"),
            ("one bad date in a list", await patient.Http.PostAsync("/api/v1/availability/bulk", Json($$"""{"doctorIds":["{{tanvir}}"],"dates":["2026-12-01","x"]}""")),
                "dates[1]", "Give dates[1] as a date such as 2026-11-25"),
            ("a list for an object", await patient.Http.PostAsync("/api/v1/appointments", Json("[1,2]")), "body", "one JSON object"),
            ("broken JSON", await patient.Http.PostAsync("/api/v1/appointments", Json("{not json")), "body", "not valid JSON (line 1, character 2)"),
            ("30 February in the address", await patient.GetAsync($"/api/v1/doctors/{tanvir}/availability?from=2026-02-30"),
                "from", "Give from as a date such as 2026-11-25; \"2026-02-30\" is not one"),
            ("a word for a number", await patient.GetAsync($"/api/v1/doctors/{tanvir}/availability?days=abc"), "days", "Give days as a whole number"),
            ("maybe for yes or no", await patient.GetAsync("/api/v1/notifications?unreadOnly=maybe"), "unreadOnly", "Give unreadOnly as true or false"),
            // A filter's name as the client wrote it, and a status with the names it takes.
            ("a status in small letters", await patient.GetAsync("/api/v1/appointments?status=pending"),
                "status", "Give status as one of Pending, Confirmed, Completed, Cancelled, NoShow, Offered; \"pending\" is not one"),
            ("a doctor that is no id", await patient.GetAsync("/api/v1/appointments?doctorId=xyz"), "doctorId", "Give doctorId as an id such as"),
            ("a slot's time in the address that is no time", await doctor.PostAsync($"/api/v1/doctors/{tanvir}/slots/tomorrow-morning/disable"),
                "startUtc", "Give startUtc as a UTC instant such as 2026-11-25T03:00:00Z; \"tomorrow-morning\" is not one"),
        };

        foreach (var (what, response, field, says) in answers)
        {
            var problem = await response.ShouldBeProblemAsync(400, "invalid");
            problem.GetProperty("errors").GetProperty(field)[0].GetString().Should().Contain(says, what);
            // The framework's own sentence names our types; the client never needs them.
            problem.GetProperty("detail").GetString().Should().NotContainAny(["Clinic.", "Nullable<", "could not be converted", "Failed to bind"], what);
        }
    }

    [Fact]
    public async Task Every_address_value_that_cannot_be_read_is_named_at_once_not_only_the_first()
    {
        var tanvir = await DoctorAsync("Dr. Tanvir Ahmed");
        var patient = await ApiClient.SignInAsync(app, "ayesha@patients.example");

        var response = await patient.GetAsync($"/api/v1/doctors/{tanvir}/availability?from=2026-02-30&days=abc&type=zzz");

        var errors = (await response.ShouldBeProblemAsync(400, "invalid")).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo(["from", "days", "type"]);
        errors.GetProperty("from")[0].GetString().Should().Be("Give from as a date such as 2026-11-25; \"2026-02-30\" is not one.");
        errors.GetProperty("days")[0].GetString().Should().Be("Give days as a whole number; \"abc\" is not one.");
        errors.GetProperty("type")[0].GetString().Should().StartWith("Give type as an id such as");

        // Values that read are not named: only the bad one is.
        var one = await patient.GetAsync($"/api/v1/doctors/{tanvir}/availability?from=2026-12-01&days=x");
        (await one.ShouldBeProblemAsync(400, "invalid")).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("days");
    }

    [Fact]
    public async Task A_note_with_a_control_character_is_refused()
    {
        var patient = await ApiClient.SignInAsync(app, "rahim@patients.example");
        var nusrat = await DoctorAsync("Dr. Nusrat Jahan");
        var slots = await app.CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/doctors/{nusrat}/availability?days=14");
        var free = slots.GetProperty("slots").EnumerateArray().First(s => s.GetProperty("state").GetString() == "Available").GetProperty("startUtc").GetDateTime();

        var response = await patient.PostAsync("/api/v1/appointments", new { doctorId = nusrat, startUtc = free, note = "see\u0000me" });

        await response.ShouldBeProblemAsync(400, "invalid");
    }
}
