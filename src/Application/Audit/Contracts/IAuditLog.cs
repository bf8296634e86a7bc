namespace MesaServicios.Application.Audit.Contracts;

/// <summary>
/// A fact for the audit log. <paramref name="ActorId"/> null means "the signed-in person if any" is not known
/// (anonymous or system). Client address and time are filled in by the log.
/// </summary>
public sealed record AuditRecord(string Action, Guid? ActorId, string? Subject, string? Details = null, string? ClientAddress = null);

/// <summary>
/// The Audit module's facade: any module appends what happened, in the caller's transaction (the entry commits or
/// rolls back with the change it records). Appending is the only operation: there is no update nor delete.
/// </summary>
public interface IAuditLog
{
    void Append(AuditRecord record);
}
