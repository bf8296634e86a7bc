using MesaServicios.Domain.Inbox;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Inbox;

/// <summary>The Inbox module's tables (the ingestion lease is behind <see cref="IIngestionLease"/>).</summary>
public interface IInboxDbContext
{
    DbSet<InboxMessage> InboxMessages { get; }

    DbSet<UndeliverableAddress> UndeliverableAddresses { get; }

    DbSet<InboxAutoReply> InboxAutoReplies { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
