using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Data.Persistence;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Api;

/// <summary>A series over the API: preview, then book the accepted visits together; patients may do neither.</summary>
public sealed class ApiSeriesTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    [Fact]
    public async Task Staff_preview_a_monthly_series_and_book_what_the_preview_found_free()
    {
        Guid imran;
        string mitu;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
        {
            imran = await db.Doctors.Where(d => d.FullName == "Dr. Imran Hossain").Select(d => d.Id).SingleAsync();
            mitu = await db.Users.Where(u => u.Email == "mitu@patients.example").Select(u => u.Id).SingleAsync();
        }
        var week = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{imran}/availability?days=14");
        var first = week.GetProperty("slots").EnumerateArray().First(s => s.GetProperty("state").GetString() == "Available").GetProperty("startUtc").GetDateTime();
        var staff = await ApiClient.SignInAsync(app, "staff1@gomoti.example");
        var patient = await ApiClient.SignInAsync(app, "mitu@patients.example");
        var body = new { doctorId = imran, patientUserId = mitu, firstStartUtc = first, frequency = "monthlyByWeekday", interval = 1, count = 3 };

        await (await patient.PostAsync("/api/v1/series/preview", body)).ShouldBeProblemAsync(403, "forbidden");
        var preview = await staff.ReadAsync<JsonElement>(await staff.PostAsync("/api/v1/series/preview", body));
        var occurrences = preview.GetProperty("occurrences").EnumerateArray().ToList();
        occurrences.Should().HaveCount(3);
        var accepted = occurrences.Select(o => o.GetProperty("free").GetBoolean() ? o.GetProperty("startUtc").GetDateTime() : o.GetProperty("alternativeUtc").GetDateTime()).ToList();

        var booked = await staff.PostAsync("/api/v1/series", new { body.doctorId, body.patientUserId, body.firstStartUtc, body.frequency, body.interval, body.count, startsUtc = accepted });

        booked.StatusCode.Should().Be(HttpStatusCode.Created);
        (await staff.ReadAsync<JsonElement>(booked)).GetProperty("appointmentIds").GetArrayLength().Should().Be(3);
        await (await staff.PostAsync("/api/v1/series", new { body.doctorId, body.patientUserId, body.firstStartUtc, body.frequency, body.interval, body.count, startsUtc = accepted }))
            .ShouldBeProblemAsync(409, "slot_full");
    }
}
