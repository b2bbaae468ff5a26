using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Data.Persistence;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Api;

/// <summary>A doctor's own schedule over the API: theirs to change, staff's and the owner's too, nobody else's.</summary>
public sealed class ApiScheduleTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private async Task<Guid> DoctorAsync(string name)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.Doctors.Where(d => d.FullName == name).Select(d => d.Id).SingleAsync();
    }

    private async Task<JsonElement> SlotsAsync(Guid doctorId, int days = 14) =>
        (await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{doctorId}/availability?days={days}")).GetProperty("slots");

    [Fact]
    public async Task A_doctor_reads_and_changes_only_their_own_schedule()
    {
        var tanvir = await DoctorAsync("Dr. Tanvir Ahmed");
        var imran = await DoctorAsync("Dr. Imran Hossain");
        var doctor = await ApiClient.SignInAsync(app, "tanvir.ahmed@gomoti.example");
        var patient = await ApiClient.SignInAsync(app, "mitu@patients.example");

        var me = await doctor.ReadAsync<JsonElement>(await doctor.GetAsync("/api/v1/me"));
        me.GetProperty("doctorId").GetGuid().Should().Be(tanvir);
        var schedule = await doctor.ReadAsync<JsonElement>(await doctor.GetAsync($"/api/v1/doctors/{tanvir}/schedule"));
        schedule.GetProperty("weeklyHours").GetArrayLength().Should().Be(5, "Sunday to Thursday");

        await (await doctor.GetAsync($"/api/v1/doctors/{imran}/schedule")).ShouldBeProblemAsync(403, "forbidden");
        await (await patient.GetAsync($"/api/v1/doctors/{tanvir}/schedule")).ShouldBeProblemAsync(403, "forbidden");
        await (await doctor.PostAsync($"/api/v1/doctors/{imran}/schedule/time-off", new { firstDate = "2026-12-20", lastDate = "2026-12-21", reason = "Leave" }))
            .ShouldBeProblemAsync(403, "forbidden");
        await (await doctor.GetAsync($"/api/v1/doctors/{Guid.NewGuid()}/schedule")).ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task Time_off_and_a_disabled_slot_show_in_availability_at_once_and_a_booked_slot_cannot_be_disabled()
    {
        var nusrat = await DoctorAsync("Dr. Nusrat Jahan");
        var doctor = await ApiClient.SignInAsync(app, "nusrat.jahan@gomoti.example");
        var patient = await ApiClient.SignInAsync(app, "shirin@patients.example");
        var free = (await SlotsAsync(nusrat)).EnumerateArray().Where(s => s.GetProperty("state").GetString() == "Available").ToList();
        var booked = free[0].GetProperty("startUtc").GetDateTime();
        var toDisable = free[1].GetProperty("startUtc").GetDateTime();
        (await patient.PostAsync("/api/v1/appointments", new { doctorId = nusrat, startUtc = booked })).StatusCode.Should().Be(HttpStatusCode.Created);

        await (await doctor.PostAsync($"/api/v1/doctors/{nusrat}/slots/{booked:O}/disable")).ShouldBeProblemAsync(409, "slot_booked");
        (await doctor.PostAsync($"/api/v1/doctors/{nusrat}/slots/{toDisable:O}/disable")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await SlotsAsync(nusrat)).EnumerateArray().Single(s => s.GetProperty("startUtc").GetDateTime() == toDisable)
            .GetProperty("state").GetString().Should().Be("Disabled");
        (await doctor.PostAsync($"/api/v1/doctors/{nusrat}/slots/{toDisable:O}/enable")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var lastDay = free[^1].GetProperty("localStart").GetDateTime();
        var day = DateOnly.FromDateTime(lastDay);
        (await doctor.PostAsync($"/api/v1/doctors/{nusrat}/schedule/time-off", new { firstDate = day, lastDate = day, reason = "Conference" }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        var calendar = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{nusrat}/calendar?from={day:yyyy-MM-dd}&days=1");
        calendar[0].GetProperty("closedReason").GetString().Should().Be("Conference");
    }

    [Fact]
    public async Task Staff_add_weekly_hours_for_a_doctor_and_a_bad_shape_is_refused_with_its_sentence()
    {
        var imran = await DoctorAsync("Dr. Imran Hossain");
        var staff = await ApiClient.SignInAsync(app, "staff1@gomoti.example");

        var bad = await staff.PostAsync($"/api/v1/doctors/{imran}/schedule/weekly-hours", new { day = "Saturday", from = "14:00:00", to = "10:00:00", slotMinutes = 30, capacity = 1 });
        await bad.ShouldBeProblemAsync(400, "invalid");
        await (await staff.PostAsync($"/api/v1/doctors/{imran}/schedule/weekly-hours", new { day = "Saturday" })).ShouldBeProblemAsync(400, "invalid");

        (await staff.PostAsync($"/api/v1/doctors/{imran}/schedule/weekly-hours", new { day = "Saturday", from = "18:00:00", to = "20:00:00", slotMinutes = 30, capacity = 2 }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        var schedule = await staff.ReadAsync<JsonElement>(await staff.GetAsync($"/api/v1/doctors/{imran}/schedule"));
        schedule.GetProperty("weeklyHours").EnumerateArray().Should().Contain(r => r.GetProperty("day").GetString() == "Saturday" && r.GetProperty("capacity").GetInt32() == 2);
    }
}
