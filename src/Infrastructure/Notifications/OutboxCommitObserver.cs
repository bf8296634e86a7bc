using MesaServicios.Application.Common;
using MesaServicios.Domain.Notifications;
using MesaServicios.Infrastructure.Common.Persistence.WriteEngine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace MesaServicios.Infrastructure.Notifications;

/// <summary>A command that queued e-mails asks, once committed, for a delivery run now (<see cref="OutboxSignal"/>).</summary>
internal sealed class OutboxCommitObserver(OutboxSignal signal) : ICommitObserver
{
    public bool IsInterestedIn(ChangeTracker changes, IBulkInsert bulk) =>
        changes.Entries<OutboxEmail>().Any(e => e.State == EntityState.Added) || bulk.Pending<OutboxEmail>().Any();

    public void Committed() => signal.Signal();
}
