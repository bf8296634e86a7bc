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
            var lease = InboxLease.Create(LeaseName);
            db.InboxLeases.Add(lease);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Created by a concurrent run: fine.
            }
            finally
            {
                db.InboxLeases.Entry(lease).State = EntityState.Detached;
            }
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
