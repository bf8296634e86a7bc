using MesaServicios.Domain.Inbox;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Inbox;

/// <summary>The Inbox module's tables.</summary>
public interface IInboxDbContext
{
    DbSet<InboxMessage> InboxMessages { get; }

    DbSet<UndeliverableAddress> UndeliverableAddresses { get; }

    DbSet<InboxAutoReply> InboxAutoReplies { get; }

    DbSet<InboxLease> InboxLeases { get; }

    /// <summary>Keeps one connection open for a long ingestion run (instead of one per statement) until disposed.</summary>
    Task<IAsyncDisposable> KeepConnectionOpenAsync(CancellationToken cancellationToken);

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
