using MesaServicios.Application.Inbox;
using MesaServicios.Domain.Inbox;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Inbox;

/// <summary>
/// Claims the row with an update that changes nothing: a concurrent transaction on the same message waits on it
/// and then finds the message no longer pending (SQLite serialises writers; PostgreSQL re-checks the row).
/// </summary>
internal sealed class InboxMessageClaim(MesaDbContext db) : IInboxMessageClaim
{
    public async Task<bool> TryClaimPendingAsync(Guid inboxMessageId, CancellationToken cancellationToken) =>
        await db.InboxMessages
            .Where(m => m.Id == inboxMessageId && m.Status == InboxMessageStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, m => m.Attempts), cancellationToken) > 0;
}
