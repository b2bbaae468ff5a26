using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Data.Persistence;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Api;

/// <summary>
/// Every appointment and schedule endpoint × every role: the permission matrix of the pages,
/// enforced in the use cases, seen over HTTP. A patient reaching for another patient's appointment
/// by id gets 404, exactly as for an id that does not exist.
/// </summary>
public sealed class ApiRoleMatrixTests(ApiRoleMatrixTests.MatrixFactory app) : IClassFixture<ApiRoleMatrixTests.MatrixFactory>
{
    public sealed class MatrixFactory : ClinicAppFactory
    {
        private int next;

        /// <summary>Each case takes its own free slots of Dr. Farhana Rahman (the 15-seat hospital doctor).</summary>
        public int NextSlotIndex() => Interlocked.Add(ref next, 2);

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Clinic:Api:RateLimit:TokenLimit"] = "100000" };
    }

    private static readonly Dictionary<string, string> Emails = new()
    {
        ["owner"] = "owner@gomoti.example",
        ["staff"] = "staff2@gomoti.example",
        ["its doctor"] = "farhana.rahman@gomoti.example",
        ["other doctor"] = "tanvir.ahmed@gomoti.example",
        ["its patient"] = "ayesha@patients.example",
        ["other patient"] = "rahim@patients.example",
    };

    public static TheoryData<string, string, int> Appointment => new()
    {
        { "read", "owner", 200 }, { "read", "staff", 200 }, { "read", "its doctor", 200 }, { "read", "its patient", 200 },
        { "read", "other doctor", 404 }, { "read", "other patient", 404 }, { "read", "anonymous", 401 },
        { "confirm", "owner", 204 }, { "confirm", "staff", 204 }, { "confirm", "its doctor", 403 }, { "confirm", "its patient", 403 },
        { "confirm", "other doctor", 404 }, { "confirm", "other patient", 404 }, { "confirm", "anonymous", 401 },
        { "cancel", "owner", 204 }, { "cancel", "staff", 204 }, { "cancel", "its patient", 204 }, { "cancel", "its doctor", 403 },
        { "cancel", "other doctor", 404 }, { "cancel", "other patient", 404 }, { "cancel", "anonymous", 401 },
        // Allowed roles meet the state rule (a pending request is not completed); the others are refused first.
        { "complete", "staff", 409 }, { "complete", "its doctor", 409 }, { "complete", "its patient", 403 }, { "complete", "other patient", 404 },
        { "no-show", "owner", 409 }, { "no-show", "its doctor", 403 }, { "no-show", "its patient", 403 }, { "no-show", "other patient", 404 },
        { "next-stage", "staff", 409 }, { "next-stage", "its doctor", 409 }, { "next-stage", "its patient", 403 }, { "next-stage", "other patient", 404 },
        { "reschedule", "staff", 204 }, { "reschedule", "its patient", 204 }, { "reschedule", "its doctor", 403 }, { "reschedule", "other patient", 404 },
        { "delete", "owner", 204 }, { "delete", "staff", 204 }, { "delete", "its doctor", 403 }, { "delete", "its patient", 403 },
        { "delete", "other patient", 404 }, { "delete", "anonymous", 401 },
    };

    public static TheoryData<string, int> Schedule => new()
    {
        { "owner", 200 }, { "staff", 200 }, { "its doctor", 200 }, { "other doctor", 403 }, { "its patient", 403 }, { "anonymous", 401 },
    };

    private async Task<HttpClient> AsAsync(string role) =>
        role == "anonymous" ? app.CreateClient() : (await ApiClient.SignInAsync(app, Emails[role])).Http;

    private async Task<Guid> FarhanaAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.Doctors.Where(d => d.FullName == "Dr. Farhana Rahman").Select(d => d.Id).SingleAsync();
    }

    [Theory]
    [MemberData(nameof(Appointment))]
    public async Task Appointment_endpoints_follow_the_role_matrix(string action, string role, int expected)
    {
        var farhana = await FarhanaAsync();
        var week = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{farhana}/availability?days=60");
        var free = week.GetProperty("slots").EnumerateArray().Where(s => s.GetProperty("state").GetString() == "Available")
            .Select(s => s.GetProperty("startUtc").GetDateTime()).Distinct().ToList();
        var index = app.NextSlotIndex();
        var ayesha = await ApiClient.SignInAsync(app, Emails["its patient"]);
        var booked = await ayesha.PostAsync("/api/v1/appointments", new { doctorId = farhana, startUtc = free[index] });
        booked.StatusCode.Should().Be(HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
        var id = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("appointmentId").GetGuid();
        var client = await AsAsync(role);

        var response = action switch
        {
            "read" => await client.GetAsync($"/api/v1/appointments/{id}"),
            "cancel" => await client.PostAsJsonAsync($"/api/v1/appointments/{id}/cancel", new { reason = "Matrix test" }),
            "reschedule" => await client.PostAsJsonAsync($"/api/v1/appointments/{id}/reschedule", new { startUtc = free[index + 1] }),
            "delete" => await client.DeleteAsync($"/api/v1/appointments/{id}"),
            _ => await client.PostAsJsonAsync($"/api/v1/appointments/{id}/{action}", new { }),
        };

        ((int)response.StatusCode).Should().Be(expected, $"{role} → {action}: {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [MemberData(nameof(Schedule))]
    public async Task A_doctors_schedule_is_read_by_the_doctor_and_the_clinic_only(string role, int expected)
    {
        var response = await (await AsAsync(role)).GetAsync($"/api/v1/doctors/{await FarhanaAsync()}/schedule");

        ((int)response.StatusCode).Should().Be(expected);
    }

    [Theory]
    [InlineData("staff", 201)]
    [InlineData("owner", 201)]
    [InlineData("its doctor", 403)]
    [InlineData("other patient", 403)]
    public async Task Only_the_clinic_books_for_a_patient(string role, int expected)
    {
        var farhana = await FarhanaAsync();
        string ayeshaId;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
            ayeshaId = await db.Users.Where(u => u.Email == Emails["its patient"]).Select(u => u.Id).SingleAsync();
        var week = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{farhana}/availability?days=60");
        var slot = week.GetProperty("slots").EnumerateArray().Where(s => s.GetProperty("state").GetString() == "Available")
            .Select(s => s.GetProperty("startUtc").GetDateTime()).Distinct().ElementAt(app.NextSlotIndex());

        var response = await (await AsAsync(role)).PostAsJsonAsync("/api/v1/appointments", new { doctorId = farhana, startUtc = slot, patientUserId = ayeshaId });

        ((int)response.StatusCode).Should().Be(expected, await response.Content.ReadAsStringAsync());
    }
}
