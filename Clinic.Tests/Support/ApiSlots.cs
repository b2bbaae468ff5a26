using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Support;

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
}
