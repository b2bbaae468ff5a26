using System.Net;
using Clinic.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Clinic.Tests.Integration;

public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_answers_200_while_the_database_answers()
    {
        await using var app = new ClinicAppFactory();

        var response = await app.CreateClient().GetAsync("/healthz");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task Healthz_answers_503_when_the_database_cannot_be_read()
    {
        await using var app = new SqliteApp();
        var client = app.CreateClient();
        (await client.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);

        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(app.Root, "clinic.db*"))
            File.Delete(file);
        await File.WriteAllTextAsync(app.DatabasePath, "this is not a database file, it was overwritten by a disk fault");

        var response = await client.GetAsync("/healthz");
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).Should().Be("Unhealthy");
    }

    private sealed class SqliteApp : ClinicAppFactory
    {
        protected override string Provider => Clinic.Data.Persistence.StorageProviders.Sqlite;
    }

    private sealed class UnknownProviderFactory : ClinicAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Clinic:Storage:Provider"] = "Oracle" };
    }

    [Fact]
    public async Task An_unknown_database_provider_stops_the_start_with_a_clear_message()
    {
        await using var app = new UnknownProviderFactory();

        var start = () => app.CreateClient();

        start.Should().Throw<OptionsValidationException>().WithMessage("*Clinic:Storage:Provider must be 'Sqlite' or 'Postgres'*");
    }

    private sealed class PostgresWithoutServerFactory : ClinicAppFactory
    {
        protected override string Provider => Clinic.Data.Persistence.StorageProviders.Sqlite;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Clinic:Storage:Provider"] = "Postgres" };
    }

    [Fact]
    public async Task PostgreSQL_without_a_connection_string_stops_the_start_and_says_which_setting_is_missing()
    {
        await using var app = new PostgresWithoutServerFactory();

        var start = () => app.CreateClient();

        start.Should().Throw<OptionsValidationException>().WithMessage("*ConnectionStrings:Clinic is empty*");
    }
}
