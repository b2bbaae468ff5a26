using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Clinic.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Api;

/// <summary>A free time to book over the API, found as a client finds it: Dr. Tanvir Ahmed's (fee BDT 1,500) next two weeks.</summary>
public static class ApiSlots
{
    public static async Task<(Guid DoctorId, DateTime StartUtc)> TanvirsFreeStartAsync(ClinicAppFactory app, DateTime? after = null)
    {
        Guid tanvir;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
            tanvir = await db.Doctors.Where(d => d.FullName == "Dr. Tanvir Ahmed").Select(d => d.Id).SingleAsync();
        var week = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{tanvir}/availability?days=14");
        var start = week.GetProperty("slots").EnumerateArray().Where(s => s.GetProperty("state").GetString() == "Available")
            .Select(s => s.GetProperty("startUtc").GetDateTime()).First(s => after is null || s > after);
        return (tanvir, start);
    }

    /// <summary>Staff book Ayesha Siddiqua with Dr. Tanvir Ahmed at his next free time; her signed-in client comes along.</summary>
    public static async Task<(Guid AppointmentId, ApiClient Ayesha)> StaffBookAyeshaWithTanvirAsync(ClinicAppFactory app, ApiClient staff)
    {
        var (tanvir, start) = await TanvirsFreeStartAsync(app);
        var ayesha = await ApiClient.SignInAsync(app, "ayesha@patients.example");
        var me = await ayesha.ReadAsync<JsonElement>(await ayesha.GetAsync("/api/v1/me"));
        var booked = await staff.PostAsync("/api/v1/appointments", new { doctorId = tanvir, startUtc = start, patientUserId = me.GetProperty("userId").GetString() });
        return ((await staff.ReadAsync<JsonElement>(booked)).GetProperty("appointmentId").GetGuid(), ayesha);
    }
}
