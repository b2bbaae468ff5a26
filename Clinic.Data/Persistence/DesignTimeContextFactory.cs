using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Clinic.Data.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add NAME --context SqliteClinicDbContext</c> build the SQLite model
/// without starting the web app.
/// </summary>
internal sealed class SqliteDesignTimeContextFactory : IDesignTimeDbContextFactory<SqliteClinicDbContext>
{
    public SqliteClinicDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ClinicDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>The same for <c>--context PostgresClinicDbContext</c>; adding a migration never connects.</summary>
internal sealed class PostgresDesignTimeContextFactory : IDesignTimeDbContextFactory<PostgresClinicDbContext>
{
    public PostgresClinicDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ClinicDbContext>().UseNpgsql("Host=localhost;Database=clinic_design_time").Options);
}
