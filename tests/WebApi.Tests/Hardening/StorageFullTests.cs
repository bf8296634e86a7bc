using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using MesaServicios.Domain.Tickets;
using MesaServicios.Infrastructure.Common.Persistence;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MesaServicios.WebApi.Tests.Hardening;

/// <summary>
/// A full disk, simulated at the storage edge (every save fails with SQLITE_FULL while armed): 503 with a code and
/// Retry-After, one log line per failure, readiness reports it, and the service recovers by itself.
/// </summary>
public sealed class StorageFullTests : IDisposable
{
    private readonly FullDisk _disk = new();
    private readonly CapturingLogs _logs = new();
    private readonly MesaApiFactory _factory;

    public StorageFullTests()
    {
        _factory = new MesaApiFactory().WithServices(services =>
        {
            services.ConfigureDbContext<MesaDbContext>(options => options.AddInterceptors(_disk));
            services.AddSingleton<ILoggerProvider>(_logs);
        });
    }

    [Fact]
    public async Task AFullDisk_Answers503WithRetryAfter_LogsOnce_ReadinessTells_AndTheServiceRecovers()
    {
        var requester = await _factory.CreateUserAsync();
        var client = _factory.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        _disk.Full = true;
        _logs.Clear();
        var refused = await requester.Client.PostAsJsonAsync("/api/v1/tickets", new { title = "Disco lleno", description = "No debería guardarse.", type = "Incident" });

        var problem = await refused.ProblemAsync(HttpStatusCode.ServiceUnavailable, "common.storage_unavailable");
        Assert.False(problem.TryGetProperty("exception", out _));
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Single(_logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.DoesNotContain(_logs.Entries, e => e.HasException && e.Level >= LogLevel.Warning);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("storage", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        _disk.Full = false;
        var accepted = await requester.Client.PostAsJsonAsync("/api/v1/tickets", new { title = "Ya hay espacio", description = "Se guarda.", type = "Incident" });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Set<Ticket>().CountAsync()));
        _factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    public void Dispose() => _factory.Dispose();

    private sealed class FullDisk : SaveChangesInterceptor
    {
        public volatile bool Full;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Full ? throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13) : ValueTask.FromResult(result);
    }

    private sealed class CapturingLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<(LogLevel Level, bool HasException, string Category)> _entries = new();

        public IReadOnlyList<(LogLevel Level, bool HasException, string Category)> Entries => _entries.ToList();

        public void Clear() => _entries.Clear();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    owner._entries.Enqueue((logLevel, exception is not null, category));
                }
            }
        }
    }
}
