using Clinic.Data.Persistence;
using Npgsql;

namespace Clinic.Tests.Data;

public sealed class PostgresConnectionTests
{
    [Fact]
    public void Statements_are_prepared_and_pooled_connections_kept_unless_the_connection_string_says_otherwise()
    {
        var defaults = new NpgsqlConnectionStringBuilder(PostgresConnection.WithDefaults("Host=db;Database=clinic;Username=clinic"));
        defaults.MaxAutoPrepare.Should().Be(64);
        defaults.NoResetOnClose.Should().BeTrue();
        defaults.Database.Should().Be("clinic");

        var own = new NpgsqlConnectionStringBuilder(PostgresConnection.WithDefaults("Host=db;Max Auto Prepare=0;No Reset On Close=false"));
        own.MaxAutoPrepare.Should().Be(0, "the clinic's own setting wins");
        own.NoResetOnClose.Should().BeFalse();
    }
}
