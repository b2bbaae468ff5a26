using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Clinic.Data.Persistence;
using Clinic.Tests.Support;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Api;

/// <summary>
/// Random and malformed input thrown at availability and booking (CsCheck): whatever arrives, the
/// API answers below 500, and a request it refuses leaves the database as it was.
/// </summary>
public sealed class ApiPropertyTests(ApiPropertyTests.UnlimitedApiFactory app) : IClassFixture<ApiPropertyTests.UnlimitedApiFactory>
{
    /// <summary>The app with a budget no sampler reaches, so every request meets the endpoint rather than the rate limiter.</summary>
    public sealed class UnlimitedApiFactory : ClinicAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Clinic:Api:RateLimit:TokenLimit"] = "1000000",
            ["Clinic:Api:RateLimit:TokensPerPeriod"] = "1000000",
        };
    }

    private async Task<(Guid Doctor, string[] Slots)> KnownAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var tanvir = await db.Doctors.Where(d => d.FullName == "Dr. Tanvir Ahmed").Select(d => d.Id).SingleAsync();
        var week = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{tanvir}/availability?days=14");
        return (tanvir, [.. week.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("startUtc").GetString()!)]);
    }

    private async Task<int> CountAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.Appointments.CountAsync() + await db.AppointmentHistory.CountAsync() + await db.Notifications.CountAsync() + await db.Outbox.CountAsync();
    }

    /// <summary>A JSON value that may be right, wrong in type, out of range or absent.</summary>
    private static Gen<object?> Value(params object?[] good) => Gen.OneOf(
        Gen.Const<object?>((object?)null),
        Gen.String.Select(s => (object?)s),
        Gen.Int.Select(i => (object?)i),
        Gen.Bool.Select(b => (object?)b),
        Gen.Guid.Select(g => (object?)g),
        Gen.DateTime.Select(d => (object?)d),
        Gen.OneOf(good.Length == 0 ? [null] : good));

    [Fact]
    public async Task Random_booking_bodies_never_fail_with_a_server_error_and_a_refused_one_saves_nothing()
    {
        var (doctor, slots) = await KnownAsync();
        var patient = await ApiClient.SignInAsync(app, "rahim@patients.example");
        var staff = await ApiClient.SignInAsync(app, "staff1@gomoti.example");
        var fields = Gen.Select(Value(doctor, doctor.ToString()), Value([.. slots, "2026-13-45T99:00:00Z", "yesterday"]), Value(Guid.Empty),
            Value(new string('x', 1500), "<script>alert(1)</script>"), Value("not-a-user"), Gen.Bool, Gen.Int[0, 9]);

        await fields.SampleAsync(async (doctorId, startUtc, serviceId, note, patientUserId, asStaff, shape) =>
        {
            var body = shape switch
            {
                0 => Gen.String.Single(),                     // not JSON at all
                1 => "[1,2,3]",                                // JSON, wrong shape
                2 => "{\"doctorId\": ",                         // cut short
                _ => JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["doctorId"] = doctorId, ["startUtc"] = startUtc, ["serviceId"] = serviceId, ["note"] = note, ["patientUserId"] = patientUserId,
                }),
            };
            var before = await CountAsync();
            var client = asStaff ? staff : patient;
            var response = await client.Http.PostAsync("/api/v1/appointments", new StringContent(body, Encoding.UTF8, "application/json"));

            ((int)response.StatusCode).Should().BeLessThan(500, await response.Content.ReadAsStringAsync());
            if (response.StatusCode != HttpStatusCode.Created)
            {
                (await CountAsync()).Should().Be(before, "a refused request saves nothing");
                response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
            }
        }, iter: 150, threads: 1);
    }

    [Fact]
    public async Task Random_availability_queries_never_fail_with_a_server_error()
    {
        var (doctor, _) = await KnownAsync();
        var anonymous = app.CreateClient();
        var query = Gen.Select(
            Gen.OneOf(Gen.Const(doctor.ToString()), Gen.Guid.Select(g => g.ToString()), Gen.String.Select(Uri.EscapeDataString)),
            Gen.OneOf(Gen.Const(""), Gen.Date.Select(d => DateOnly.FromDateTime(d).ToString("yyyy-MM-dd")), Gen.String.Select(Uri.EscapeDataString),
                Gen.Const("0001-01-01"), Gen.Const("9999-12-31")),
            Gen.OneOf(Gen.Const(""), Gen.Int.Select(i => i.ToString()), Gen.Int[-5, 70].Select(i => i.ToString()), Gen.String.Select(Uri.EscapeDataString)),
            Gen.Int[0, 2]);

        await query.SampleAsync(async (doctorId, from, days, endpoint) =>
        {
            var path = endpoint switch
            {
                0 => $"/api/v1/doctors/{doctorId}/availability?from={from}&days={days}",
                1 => $"/api/v1/doctors/{doctorId}/calendar?from={from}&days={days}",
                _ => $"/api/v1/doctors/{doctorId}",
            };
            var response = await anonymous.GetAsync(path);

            ((int)response.StatusCode).Should().BeLessThan(500, $"{path}: {await response.Content.ReadAsStringAsync()}");
        }, iter: 200, threads: 1);
    }
}
