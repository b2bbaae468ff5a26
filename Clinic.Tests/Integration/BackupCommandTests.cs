using System.Net;
using Clinic.Data.Persistence;
using Clinic.Domain.Appointments;
using Clinic.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Clinic.Tests.Integration;

/// <summary>
/// The documented backup: the built app run with <c>backup</c> beside a running clinic copies its
/// database and keys, and a clinic started on the copy has what was saved before it, with the patient
/// still signed in.
/// </summary>
[Trait("Engine", "Sqlite")]
public sealed class BackupCommandTests(ITestOutputHelper output)
{
    private sealed class SqliteClinic : ClinicAppFactory
    {
        protected override string Provider => StorageProviders.Sqlite;
    }

    /// <summary>A clinic started on a copy, as the README's restore says: the copy's folder holds the database and the keys.</summary>
    private sealed class RestoredClinic(string databaseFile) : ClinicAppFactory
    {
        protected override string Provider => StorageProviders.Sqlite;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Clinic:Storage:SqlitePath"] = databaseFile };
    }

    private static async Task<DateTime> RequestAsync(ClinicAppFactory app, int hour)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var doctorId = await db.Doctors.Where(d => d.FullName == "Dr. Tanvir Ahmed").Select(d => d.Id).SingleAsync();
        var ayesha = await db.Users.Where(u => u.Email == "ayesha@patients.example").Select(u => u.Id).SingleAsync();
        var start = new DateTime(2026, 12, 20, hour, 0, 0, DateTimeKind.Utc);
        db.Appointments.Add(Appointment.Request(doctorId, ayesha, start, start.AddMinutes(30), 1, DateTime.UtcNow));
        await db.SaveChangesAsync();
        return start;
    }

    [Fact]
    public async Task A_copy_made_beside_the_running_clinic_starts_a_clinic_with_what_was_saved_before_it_and_keeps_people_signed_in()
    {
        var cookies = new CookieContainer();
        await using var live = new SqliteClinic();
        var browser = live.CreateDefaultClient(new CookieContainerHandler(cookies));
        (await browser.SignInAsync("ayesha@patients.example", live.DemoPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var before = await RequestAsync(live, 3);

        var (exit, text) = await AppCommand.RunAsync(output, live.DatabasePath, "backup");
        var after = await RequestAsync(live, 4);

        exit.Should().Be(0, text);
        text.Should().Contain("Copied the clinic's database to").And.Contain("checked by SQLite");
        var copy = Directory.GetDirectories(Path.Combine(live.Root, "backups")).Should().ContainSingle().Subject;
        await using var restored = new RestoredClinic(Path.Combine(copy, "clinic.db"));
        var sameBrowser = restored.CreateDefaultClient(new CookieContainerHandler(cookies));
        (await sameBrowser.GetAsync("/patient/appointments")).StatusCode.Should().Be(HttpStatusCode.OK, "the keys came with the copy: her sign-in still holds");
        await using var db = await restored.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        (await db.Appointments.Select(a => a.StartUtc).ToListAsync()).Should().Contain(before).And.NotContain(after);
    }
}
