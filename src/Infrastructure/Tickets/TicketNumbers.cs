using MesaServicios.Application.Tickets;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.Infrastructure.Tickets;

/// <summary>
/// Ticket numbers for the SQLite desk, where this process is the only writer: read once from the database (the
/// highest number used, including SQLite's AUTOINCREMENT record, so a number is never reused), then counted in
/// memory. On PostgreSQL (several nodes) PostgresTicketNumbers takes them from a sequence instead.
/// </summary>
internal sealed class TicketNumbers(IServiceScopeFactory scopes) : ITicketNumbers
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private long _last = -1;

    public async ValueTask<int> NextAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Read(ref _last) < 0)
        {
            await _loading.WaitAsync(cancellationToken);
            try
            {
                if (Interlocked.Read(ref _last) < 0)
                {
                    Interlocked.Exchange(ref _last, await HighestUsedAsync(cancellationToken));
                }
            }
            finally
            {
                _loading.Release();
            }
        }

        return checked((int)Interlocked.Increment(ref _last));
    }

    private async Task<long> HighestUsedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MesaDbContext>();
        var highest = await db.Tickets.Select(t => (int?)t.Id).MaxAsync(cancellationToken) ?? 0;
        var sequence = await db.Database
            .SqlQueryRaw<long>("SELECT COALESCE(MAX(seq), 0) AS \"Value\" FROM sqlite_sequence WHERE name = 'Tickets'")
            .SingleAsync(cancellationToken);
        return Math.Max(highest, sequence);
    }
}
