using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Clinic.Data.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the web app.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<ClinicDbContext>
{
    public ClinicDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ClinicDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
