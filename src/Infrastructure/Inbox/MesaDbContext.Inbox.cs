using MesaServicios.Application.Inbox;
using MesaServicios.Domain.Inbox;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Common.Persistence;

public sealed partial class MesaDbContext : IInboxDbContext
{
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<UndeliverableAddress> UndeliverableAddresses => Set<UndeliverableAddress>();

    public DbSet<InboxAutoReply> InboxAutoReplies => Set<InboxAutoReply>();

    public DbSet<InboxLease> InboxLeases => Set<InboxLease>();
}
