namespace MesaServicios.Domain.Audit;

/// <summary>
/// A retention purge of the audit log: entries older than <see cref="PurgeBefore"/> may be deleted (the database
/// refuses any other delete). Purges themselves are kept, so the log shows when and how far it was cut.
/// </summary>
public sealed class AuditPurge
{
    private AuditPurge()
    {
    }

    public Guid Id { get; private set; }

    public DateTimeOffset PurgedAt { get; private set; }

    public DateTimeOffset PurgeBefore { get; private set; }

    public static AuditPurge Record(DateTimeOffset purgeBefore, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), PurgedAt = now, PurgeBefore = purgeBefore };
}
