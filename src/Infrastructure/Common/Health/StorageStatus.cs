using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MesaServicios.Infrastructure.Common.Health;

/// <summary>
/// Remembers the last time a write failed because the disk was full. Readiness reports the storage as failing for a
/// minute after it; the service recovers by itself as soon as writes succeed again (nothing here blocks them).
/// </summary>
public sealed class StorageStatus(TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private long _lastFullTicks;

    public void ReportFull() => Interlocked.Exchange(ref _lastFullTicks, clock.GetUtcNow().UtcTicks);

    public DateTimeOffset? LastFullAt
    {
        get
        {
            var ticks = Interlocked.Read(ref _lastFullTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    public bool IsFull => LastFullAt is { } at && clock.GetUtcNow() - at < Window;
}

internal sealed class StorageHealthCheck(StorageStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.IsFull
            ? HealthCheckResult.Unhealthy($"Storage full: a write failed for lack of disk space at {status.LastFullAt:O}.")
            : HealthCheckResult.Healthy());
}
