using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Data.Persistence;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Api;

/// <summary>A type's length over the API: availability for a type, a booking that takes two slots, and a start where it does not fit.</summary>
public sealed class ApiVisitLengthTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private static readonly TimeZoneInfo Dhaka = TimeZoneInfo.FindSystemTimeZoneById("Asia/Dhaka");

    /// <summary>A day Dr. Tanvir Ahmed works (Sunday to Thursday), three weeks ahead and clear of Victory Day.</summary>
    private static DateOnly Day()
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Dhaka)).AddDays(21);
        while (day.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday || day is { Month: 12, Day: 16 })
            day = day.AddDays(1);
        return day;
    }

    private static DateTime At(DateOnly day, int hour, int minute) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), Dhaka);

    private async Task<(Guid Tanvir, Guid Stress, Guid BloodTest)> IdsAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return (await db.Doctors.Where(d => d.FullName == "Dr. Tanvir Ahmed").Select(d => d.Id).SingleAsync(),
            await db.Services.Where(s => s.Name == "Exercise stress test").Select(s => s.Id).SingleAsync(),
            await db.Services.Where(s => s.Name == "Blood test").Select(s => s.Id).SingleAsync());
    }

    private static Dictionary<DateTime, JsonElement> Slots(JsonElement availability) =>
        availability.GetProperty("slots").EnumerateArray().ToDictionary(s => s.GetProperty("startUtc").GetDateTime().ToUniversalTime());

    [Fact]
    public async Task Availability_for_a_long_type_opens_only_where_it_fits_and_booking_it_takes_both_slots()
    {
        var (tanvir, stress, _) = await IdsAsync();
        var day = Day();
        var anonymous = app.CreateClient();

        var forType = Slots(await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{tanvir}/availability?from={day:yyyy-MM-dd}&days=1&type={stress}"));
        forType[At(day, 12, 30)].GetProperty("state").GetString().Should().Be("DoesNotFit");
        forType[At(day, 12, 30)].GetProperty("reason").GetString().Should().Be("Needs 60 min: it would run past the doctor's hours (until 13:30).");
        forType[At(day, 11, 0)].GetProperty("state").GetString().Should().Be("Available");
        forType[At(day, 11, 0)].GetProperty("endUtc").GetDateTime().ToUniversalTime().Should().Be(At(day, 12, 0));

        var ayesha = await ApiClient.SignInAsync(app, "ayesha@patients.example");
        var booked = await ayesha.PostAsync("/api/v1/appointments", new { doctorId = tanvir, startUtc = At(day, 11, 0), serviceId = stress });
        booked.StatusCode.Should().Be(HttpStatusCode.Created);

        var plain = Slots(await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{tanvir}/availability?from={day:yyyy-MM-dd}&days=1"));
        plain[At(day, 11, 0)].GetProperty("state").GetString().Should().Be("Full");
        plain[At(day, 11, 30)].GetProperty("state").GetString().Should().Be("Full", "the second half of the hour is held");
        var rahim = await ApiClient.SignInAsync(app, "rahim@patients.example");
        var overlapping = await rahim.PostAsync("/api/v1/appointments", new { doctorId = tanvir, startUtc = At(day, 10, 30), serviceId = stress });
        var problem = await overlapping.ShouldBeProblemAsync(409, "does_not_fit");
        problem.GetProperty("detail").GetString().Should().Be("Needs 60 min: 11:00 is not free.");
    }

    [Fact]
    public async Task Availability_for_a_type_the_doctor_does_not_offer_names_the_field()
    {
        var (tanvir, _, bloodTest) = await IdsAsync();

        var refused = await app.CreateClient().GetAsync($"/api/v1/doctors/{tanvir}/availability?type={bloodTest}");

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("not offered by this doctor");
    }
}
