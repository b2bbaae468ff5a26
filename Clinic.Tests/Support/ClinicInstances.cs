using Clinic.Data.Persistence;
using Clinic.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Support;

/// <summary>
/// Two app instances as a clinic group runs them: one PostgreSQL database, one Redis for live
/// events, each instance its own process state. A starts first (it migrates and seeds the demo
/// clinic); B finds the database ready.
/// </summary>
public sealed class ClinicInstances : IAsyncDisposable
{
    public sealed class Instance(TestDatabase database, string redis, string channel) : ClinicAppFactory(database)
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Clinic:Live:Redis"] = redis,
            ["Clinic:Live:Channel"] = channel,
        };

        public RedisEventRelay Relay => Services.GetRequiredService<RedisEventRelay>();

        /// <summary>The instance's address on Kestrel, when started with real servers.</summary>
        public string Url { get; internal set; } = "";
    }

    private ClinicInstances(TestDatabase database, Instance a, Instance b)
    {
        Database = database;
        A = a;
        B = b;
    }

    public TestDatabase Database { get; }
    public Instance A { get; }
    public Instance B { get; }

    public static ClinicInstances Start(string redis, bool realServers = false)
    {
        var database = TestDatabase.Create(Directory.CreateTempSubdirectory("clinic-instances-").FullName, StorageProviders.Postgres);
        var channel = $"clinic:test:{Guid.NewGuid():N}";
        var a = new Instance(database, redis, channel);
        var b = new Instance(database, redis, channel);
        if (realServers)
        {
            a.Url = a.StartRealServer();
            b.Url = b.StartRealServer();
        }
        else
        {
            _ = a.Services;
            _ = b.Services;
        }
        return new ClinicInstances(database, a, b);
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Database.DisposeAsync();
    }
}
