using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Data.Identity;
using Clinic.Data.Persistence;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Api;

/// <summary>The booking race of the pages, over HTTP: fifty patients post for one seat at once.</summary>
public sealed class ApiBookingRaceTests(ClinicAppFactory app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<ClinicAppFactory>
{
    private const string Password = "Race-Password-2026";

    private async Task<IReadOnlyList<string>> NewPatientsAsync(int count)
    {
        var emails = new List<string>();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
        for (var i = 0; i < count; i++)
        {
            var email = $"api-racer{i}@patients.example";
            var user = new ClinicUser { UserName = email, Email = email, EmailConfirmed = true, FullName = $"API Racer {i}", IsActive = true };
            (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
            (await users.AddToRoleAsync(user, ClinicRoles.Patient)).Succeeded.Should().BeTrue();
            emails.Add(email);
        }
        return emails;
    }

    [Fact]
    public async Task Fifty_concurrent_posts_for_a_one_seat_slot_create_exactly_one_appointment_and_49_get_slot_full()
    {
        Guid tanvir;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
            tanvir = await db.Doctors.Where(d => d.FullName == "Dr. Tanvir Ahmed").Select(d => d.Id).SingleAsync();
        var week = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/doctors/{tanvir}/availability?days=14");
        var slot = week.GetProperty("slots").EnumerateArray().First(s => s.GetProperty("state").GetString() == "Available").GetProperty("startUtc").GetDateTime();
        var clients = await Task.WhenAll((await NewPatientsAsync(50)).Select(email => ApiClient.SignInAsync(app, email, Password)));

        using var start = new ManualResetEventSlim();
        using var races = new SeatRaceCounter(app.Services);
        var posts = clients.Select(client => Task.Run(async () =>
        {
            start.Wait();
            return await client.PostAsync("/api/v1/appointments", new { doctorId = tanvir, startUtc = slot });
        })).ToList();
        start.Set();
        var responses = await Task.WhenAll(posts);
        output.WriteLine($"{app.Database.Provider}: 50 posts for one seat; {races.Lost} seat races lost to another writer and retried.");

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        refused.Should().HaveCount(49);
        foreach (var response in refused)
            await response.ShouldBeProblemAsync(409, "slot_full");
        await using var check = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        (await check.Appointments.CountAsync(a => a.DoctorId == tanvir && a.StartUtc == slot)).Should().Be(1);
    }
}
