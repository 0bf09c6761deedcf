using Galen.Evidence.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Galen.Web.Infrastructure;

/// <summary>Healthy when the store answers.</summary>
public sealed class StoreHealthCheck(GalenDbFactory dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.Create();
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The store answers.")
            : HealthCheckResult.Unhealthy("The store does not answer.");
    }
}
