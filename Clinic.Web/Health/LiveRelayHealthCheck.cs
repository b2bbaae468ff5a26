using Clinic.Web.Live;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Clinic.Web.Health;

/// <summary>Degraded while Redis is unreachable: this instance still serves its pages, but they miss other instances' changes.</summary>
public sealed class LiveRelayHealthCheck(RedisEventRelay relay) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!relay.IsConfigured ? HealthCheckResult.Healthy("One instance: no relay needed.")
            : relay.IsRelaying
            ? HealthCheckResult.Healthy("Live events reach the other instances.")
            : HealthCheckResult.Degraded("Redis is unreachable: pages here miss other instances' changes until it is back."));
}
