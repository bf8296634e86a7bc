using MesaServicios.Application.Audit.Contracts;
using MesaServicios.Application.Common.Security;
using MesaServicios.Domain.Audit;

namespace MesaServicios.Application.Audit;

/// <summary>
/// Adds entries to the current unit of work; the caller's transaction saves them. The actor defaults to the
/// signed-in person and the address to the current request's client.
/// </summary>
internal sealed class AuditLog(IAuditDbContext db, ICurrentUser currentUser, TimeProvider clock) : IAuditLog
{
    public void Append(AuditRecord record) =>
        db.AuditEntries.Add(AuditEntry.Record(
            record.Action,
            record.ActorId ?? currentUser.UserId,
            record.Subject,
            record.ClientAddress ?? currentUser.ClientAddress,
            record.Details,
            clock.GetUtcNow()));
}
