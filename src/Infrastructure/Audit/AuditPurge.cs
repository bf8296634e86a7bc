namespace MesaServicios.Infrastructure.Audit;

/// <summary>
/// A retention purge of the audit log: entries older than <see cref="PurgeBefore"/> may be deleted (the database
/// trigger refuses any other delete). Purges themselves are kept, so the log shows when and how far it was cut.
/// </summary>
public sealed class AuditPurge
{
    public Guid Id { get; set; }

    public DateTimeOffset PurgedAt { get; set; }

    public DateTimeOffset PurgeBefore { get; set; }
}
