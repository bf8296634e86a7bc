using MesaServicios.Application.Common;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace MesaServicios.Infrastructure.Common.Persistence.WriteEngine;

/// <summary>
/// A module's hook on the write engine: told after a command's transaction is durable, when that command saved
/// something the observer cares about (e.g. Notifications asks for an outbox run when e-mails were queued). The
/// engine knows no module; modules register observers (<c>services.AddSingleton&lt;ICommitObserver, X&gt;()</c>).
/// </summary>
public interface ICommitObserver
{
    /// <summary>
    /// Called just before each save of the command, inside its write turn, with change detection already done by the
    /// engine: keep it to a look at <see cref="ChangeTracker.Entries{TEntity}"/> and at the rows written in bulk
    /// (<see cref="IBulkInsert.Pending{T}"/>): no queries, no detection.
    /// </summary>
    bool IsInterestedIn(ChangeTracker changes, IBulkInsert bulk);

    /// <summary>
    /// After the commit that holds the command. The change is saved: this must not throw and must not block (log and
    /// leave the rest to a recurring job).
    /// </summary>
    void Committed();
}
