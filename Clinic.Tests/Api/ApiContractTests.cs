using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Data.Booking;
using Clinic.Data.Persistence;
using Clinic.Data.Scheduling;
using Clinic.Domain.Appointments;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Api;

/// <summary>The API's contract, role by role: what each may do, and the ProblemDetails code of each refusal.</summary>
public sealed class ApiContractTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private async Task<Guid> DoctorAsync(string name)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.Doctors.Where(d => d.FullName == name).Select(d => d.Id).SingleAsync();
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<int> AppointmentCountAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.Appointments.CountAsync();
    }

    /// <summary>The free slots of a doctor from the API itself, skipping the first <paramref name="skip"/> so tests do not meet.</summary>
    private async Task<DateTime> FreeSlotAsync(Guid doctorId, int skip)
    {
        var week = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{doctorId}/availability?days=14");
        return week.GetProperty("slots").EnumerateArray().Where(s => s.GetProperty("state").GetString() == "Available")
            .Select(s => s.GetProperty("startUtc").GetDateTime()).Skip(skip).First();
    }

    [Fact]
    public async Task The_openapi_document_describes_every_resource_and_declares_bearer_tokens()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        document.GetProperty("openapi").GetString().Should().StartWith("3.");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain(["/api/v1/auth/login", "/api/v1/clinic", "/api/v1/doctors", "/api/v1/doctors/{doctorId}/availability",
            "/api/v1/doctors/{doctorId}/calendar", "/api/v1/availability/bulk", "/api/v1/availability/next", "/api/v1/appointments",
            "/api/v1/appointments/{id}", "/api/v1/appointments/{id}/cancel", "/api/v1/notifications"]);
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString().Should().Be("bearer");

        // Read back with the OpenAPI library and checked against its rules: no parse error, no rule broken.
        var read = Microsoft.OpenApi.OpenApiDocument.Parse(document.GetRawText(), "json");
        read.Diagnostic!.Errors.Should().BeEmpty();
        Microsoft.OpenApi.OpenApiElementExtensions.Validate(read.Document!, Microsoft.OpenApi.ValidationRuleSet.GetDefaultRuleSet()).Should().BeEmpty();
    }

    [Fact]
    public async Task Anyone_reads_the_clinic_the_doctors_and_availability_and_bad_ranges_are_refused_field_by_field()
    {
        var anonymous = app.CreateClient();

        var clinic = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/clinic");
        clinic.GetProperty("timeZoneId").GetString().Should().Be("Asia/Dhaka");
        clinic.GetProperty("bookingWindowDays").GetInt32().Should().Be(60);
        var cardiology = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/doctors?specialization=cardiology");
        cardiology.EnumerateArray().Select(d => d.GetProperty("fullName").GetString()).Should().Equal("Dr. Tanvir Ahmed");
        var tanvir = await DoctorAsync("Dr. Tanvir Ahmed");
        var calendar = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{tanvir}/calendar");
        calendar.GetArrayLength().Should().Be(7);

        var problem = await (await anonymous.GetAsync($"/api/v1/doctors/{tanvir}/availability?days=0")).ShouldBeProblemAsync(400, "invalid");
        problem.GetProperty("errors").GetProperty("days")[0].GetString().Should().Be("Ask for between 1 and 62 days.");
        await (await anonymous.GetAsync($"/api/v1/doctors/{Guid.NewGuid()}/availability")).ShouldBeProblemAsync(404, "not_found");
        await (await anonymous.PostAsJsonAsync("/api/v1/availability/bulk", new { doctorIds = Array.Empty<Guid>(), dates = new[] { "2026-12-01" } }))
            .ShouldBeProblemAsync(400, "invalid");
    }

    [Fact]
    public async Task Signing_in_gives_tokens_that_refresh_and_everything_personal_needs_one()
    {
        var anonymous = app.CreateClient();
        (await anonymous.GetAsync("/api/v1/appointments")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = "ayesha@patients.example", password = "wrong-password" }))
            .ShouldBeProblemAsync(401, "sign_in_refused");

        var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = "ayesha@patients.example", password = app.DemoPassword });
        var tokens = await login.Content.ReadFromJsonAsync<JsonElement>();
        tokens.GetProperty("tokenType").GetString().Should().Be("Bearer");
        var refreshed = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "forged" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_patient_books_pending_staff_book_confirmed_and_refusals_carry_their_code_and_save_nothing()
    {
        var tanvir = await DoctorAsync("Dr. Tanvir Ahmed");
        var slot = await FreeSlotAsync(tanvir, 0);
        var ayesha = await ApiClient.SignInAsync(app, "ayesha@patients.example");
        var rahim = await ApiClient.SignInAsync(app, "rahim@patients.example");
        var staff = await ApiClient.SignInAsync(app, "staff1@gomoti.example");

        var booked = await ayesha.PostAsync("/api/v1/appointments", new { doctorId = tanvir, startUtc = slot, note = "API booking" });
        booked.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await booked.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().Should().Be("Pending");
        booked.Headers.Location!.ToString().Should().Be($"/api/v1/appointments/{body.GetProperty("appointmentId").GetGuid()}");

        var before = await AppointmentCountAsync();
        await (await rahim.PostAsync("/api/v1/appointments", new { doctorId = tanvir, startUtc = slot })).ShouldBeProblemAsync(409, "slot_full");
        await (await rahim.PostAsync("/api/v1/appointments", new { doctorId = tanvir, startUtc = slot.AddMinutes(7) })).ShouldBeProblemAsync(422, "no_such_slot");
        var beyond = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{tanvir}/availability?from={DateTime.UtcNow.AddDays(70):yyyy-MM-dd}&days=7");
        var beyondWindow = beyond.GetProperty("slots").EnumerateArray().First(s => s.GetProperty("state").GetString() == "OutsideWindow").GetProperty("startUtc").GetDateTime();
        await (await rahim.PostAsync("/api/v1/appointments", new { doctorId = tanvir, startUtc = beyondWindow })).ShouldBeProblemAsync(422, "outside_window");
        await (await rahim.PostAsync("/api/v1/appointments", new { doctorId = tanvir, startUtc = slot, patientUserId = await UserIdAsync("mitu@patients.example") }))
            .ShouldBeProblemAsync(403, "forbidden");
        var invalid = await (await rahim.PostAsync("/api/v1/appointments", new { startUtc = "next tuesday" })).ShouldBeProblemAsync(400, "invalid");
        invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain("startUtc");
        (await AppointmentCountAsync()).Should().Be(before, "a refused request saves nothing");

        var forMitu = await staff.PostAsync("/api/v1/appointments", new { doctorId = tanvir, startUtc = await FreeSlotAsync(tanvir, 0), patientUserId = await UserIdAsync("mitu@patients.example") });
        (await forMitu.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("Confirmed");
    }

    [Fact]
    public async Task A_patient_token_never_reaches_another_patients_appointment_and_each_action_follows_the_role_matrix()
    {
        var imran = await DoctorAsync("Dr. Imran Hossain");
        var ayesha = await ApiClient.SignInAsync(app, "ayesha@patients.example");
        var shirin = await ApiClient.SignInAsync(app, "shirin@patients.example");
        var staff = await ApiClient.SignInAsync(app, "staff2@gomoti.example");
        var booked = await ayesha.ReadAsync<Booked>(await ayesha.PostAsync("/api/v1/appointments", new { doctorId = imran, startUtc = await FreeSlotAsync(imran, 1) }));
        var id = booked.AppointmentId;

        await (await shirin.GetAsync($"/api/v1/appointments/{id}")).ShouldBeProblemAsync(404, "not_found");
        await (await shirin.PostAsync($"/api/v1/appointments/{id}/cancel", new { reason = "not mine" })).ShouldBeProblemAsync(404, "not_found");
        await (await shirin.PostAsync($"/api/v1/appointments/{id}/reschedule", new { startUtc = await FreeSlotAsync(imran, 3) })).ShouldBeProblemAsync(404, "not_found");
        await (await shirin.Http.DeleteAsync($"/api/v1/appointments/{id}")).ShouldBeProblemAsync(404, "not_found");
        (await shirin.ReadAsync<JsonElement>(await shirin.GetAsync("/api/v1/appointments"))).GetProperty("items").EnumerateArray()
            .Should().NotContain(a => a.GetProperty("id").GetGuid() == id);
        await (await ayesha.PostAsync($"/api/v1/appointments/{id}/confirm")).ShouldBeProblemAsync(403, "forbidden");

        var detail = await staff.ReadAsync<JsonElement>(await staff.GetAsync($"/api/v1/appointments/{id}"));
        var version = detail.GetProperty("appointment").GetProperty("version").GetInt32();
        (await staff.PostAsync($"/api/v1/appointments/{id}/confirm", new { version })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await staff.PostAsync($"/api/v1/appointments/{id}/cancel", new { reason = "Doctor ill", version })).ShouldBeProblemAsync(409, "changed_meanwhile");
        await (await staff.PostAsync($"/api/v1/appointments/{id}/confirm")).ShouldBeProblemAsync(409, "invalid_state");

        var mine = await ayesha.ReadAsync<JsonElement>(await ayesha.GetAsync($"/api/v1/appointments/{id}"));
        mine.GetProperty("appointment").GetProperty("status").GetString().Should().Be("Confirmed");
        mine.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()).Should().Equal("Pending", "Confirmed");
    }

    [Fact]
    public async Task Notifications_are_the_callers_own_counted_and_marked_read()
    {
        var nusrat = await DoctorAsync("Dr. Nusrat Jahan");
        var jamal = await ApiClient.SignInAsync(app, "jamal@patients.example");
        var rahim = await ApiClient.SignInAsync(app, "rahim@patients.example");
        var owner = await ApiClient.SignInAsync(app, "owner@gomoti.example");
        var id = (await jamal.ReadAsync<Booked>(await jamal.PostAsync("/api/v1/appointments", new { doctorId = nusrat, startUtc = await FreeSlotAsync(nusrat, 2) }))).AppointmentId;
        (await owner.PostAsync($"/api/v1/appointments/{id}/confirm")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var count = await jamal.ReadAsync<JsonElement>(await jamal.GetAsync("/api/v1/notifications/unread-count"));
        count.GetProperty("unread").GetInt32().Should().Be(1);
        var newest = (await jamal.ReadAsync<JsonElement>(await jamal.GetAsync("/api/v1/notifications"))).GetProperty("items")[0];
        newest.GetProperty("title").GetString().Should().Be("Appointment confirmed");
        var notificationId = newest.GetProperty("id").GetGuid();

        await (await rahim.PostAsync($"/api/v1/notifications/{notificationId}/read")).ShouldBeProblemAsync(404, "not_found");
        (await jamal.PostAsync($"/api/v1/notifications/{notificationId}/read")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await jamal.ReadAsync<JsonElement>(await jamal.GetAsync("/api/v1/notifications/unread-count"))).GetProperty("unread").GetInt32().Should().Be(0);
    }
}
