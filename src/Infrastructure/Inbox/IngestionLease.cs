using MesaServicios.Application.Inbox;
using MesaServicios.Domain.Inbox;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Inbox;

/// <summary>The ingestion lease as one row of <c>InboxLeases</c>, taken with a conditional update (atomic on every provider).</summary>
internal sealed class IngestionLease(MesaDbContext db) : IIngestionLease
{
    private const string LeaseName = "inbox.ingestion";

    public async Task<bool> TryTakeAsync(Guid holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (!await db.InboxLeases.AnyAsync(l => l.Name == LeaseName, cancellationToken))
        {
            // The first run creates the row; a concurrent first run on another node finds it there and does nothing
            // (no failed INSERT, so no error in the log). ExpiresAt 0 is long past on every provider's conversion.
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"InboxLeases\" (\"Name\", \"Holder\", \"ExpiresAt\") VALUES ({0}, NULL, 0) ON CONFLICT (\"Name\") DO NOTHING",
                [LeaseName],
                cancellationToken);
        }

        var taken = await db.InboxLeases
            .Where(l => l.Name == LeaseName && (l.Holder == holder || l.Holder == null || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        return taken == 1;
    }

    public async Task ReleaseAsync(Guid holder)
    {
        await db.InboxLeases
            .Where(l => l.Name == LeaseName && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (Guid?)null).SetProperty(l => l.ExpiresAt, DateTimeOffset.UnixEpoch), CancellationToken.None);
    }
}
