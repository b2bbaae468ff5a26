using System.Net;
using System.Net.Http.Json;
using Clinic.Tests.Api;
using Microsoft.Data.Sqlite;

namespace Clinic.Tests.Security;

public sealed class ProductionErrorTests
{
    [Fact]
    public async Task A_database_fault_on_an_API_route_is_a_500_ProblemDetails_without_internals_and_pages_get_the_error_page()
    {
        await using var app = new ProductionAppFactory();
        var client = app.CreateHttpsClient();
        (await client.GetAsync("/Account/Login")).StatusCode.Should().Be(HttpStatusCode.OK);

        // The disk gives back garbage where the database was.
        SqliteConnection.ClearAllPools();
        await File.WriteAllBytesAsync(app.DatabasePath, new byte[8192]);
        SqliteConnection.ClearAllPools();
        var api = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "owner@gomoti.example", password = ProductionAppFactory.OwnerPassword });
        var page = await client.GetAsync("/doctors");

        var problem = await api.ShouldBeProblemAsync(500, "server_error");
        var body = problem.ToString();
        body.Should().NotContainAny("Sqlite", "SQLite", "Exception", " at ", "clinic.db");
        problem.GetProperty("traceId").GetString().Should().NotBeNullOrEmpty();
        page.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        page.Content.Headers.ContentType?.MediaType.Should().Be("text/html");
        (await page.Content.ReadAsStringAsync()).Should().NotContain("SqliteException");
    }
}
