using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MesaServicios.Infrastructure.Reporting;

/// <summary>
/// Loads the reports' column store in the background at host start (startup never waits for it; a report that
/// arrives first waits for the load), then every ten minutes deletes the change-log rows the store has applied. The
/// log is read by this process only (a SQLite desk has one node); a store that restarts loads everything again.
/// </summary>
internal sealed partial class ReportingColumnStoreLoader(IServiceScopeFactory scopes, ReportingColumnStore store, ILogger<ReportingColumnStoreLoader> logger)
    : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start: the load runs on the thread pool and startup goes on.
        await Task.Yield();
        try
        {
            await LoadAsync(stoppingToken);
            using var timer = new PeriodicTimer(PruneEvery);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PruneAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task LoadAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MesaDbContext>();
                await store.CatchUpAsync(db.Database.GetDbConnection(), stoppingToken);
            }

            LogLoaded(store.Count, (long)store.LastLoadTime.TotalMilliseconds);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // The first report loads it instead.
            LogFailed(e);
        }
    }

    /// <summary>Deletes the log rows already applied (one short statement on its own connection).</summary>
    internal async Task PruneAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PruneAppliedAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Kept for the next round (the log only grows a little meanwhile).
            LogPruneFailed(e);
        }
    }

    private async Task PruneAppliedAsync(CancellationToken cancellationToken)
    {
        var applied = store.AppliedSequence;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MesaDbContext>();
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{ReportingCacheSql.Table}\" WHERE \"Seq\" <= {{0}}", [applied], cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reporting column store loaded: {Tickets} tickets in {Milliseconds} ms")]
    private partial void LogLoaded(int tickets, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting column store not loaded at start; the first report loads it")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not prune the reporting change log; the next round tries again")]
    private partial void LogPruneFailed(Exception exception);
}
