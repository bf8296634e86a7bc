namespace MesaServicios.Domain.Audit;

/// <summary>
/// One line of the audit log: who did what to what, when and from where. Append-only: nothing in the code changes
/// or deletes an entry (no setters, no update path), and the database refuses UPDATE and DELETE (a trigger) except
/// the retention purge of entries older than Audit:RetentionDays.
/// </summary>
public sealed class AuditEntry
{
    public const int ActionMaxLength = 60;
    public const int SubjectMaxLength = 254;
    public const int DetailsMaxLength = 2000;

    private AuditEntry()
    {
    }

    public Guid Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>What happened, as a stable code (e.g. <c>auth.sign_in_failed</c>, <c>tickets.solved</c>).</summary>
    public string Action { get; private set; } = string.Empty;

    /// <summary>The person who acted, when known (null for anonymous or the system).</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>What it happened to (an e-mail, <c>user:…</c>, <c>ticket:12</c>, <c>setting:…</c>).</summary>
    public string? Subject { get; private set; }

    public string? ClientAddress { get; private set; }

    /// <summary>Short free text (e.g. "Requester → Technician").</summary>
    public string? Details { get; private set; }

    public static AuditEntry Record(string action, Guid? actorId, string? subject, string? clientAddress, string? details, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OccurredAt = now,
        Action = Cut(action, ActionMaxLength)!,
        ActorId = actorId,
        Subject = Cut(subject, SubjectMaxLength),
        ClientAddress = Cut(clientAddress, 64),
        Details = Cut(details, DetailsMaxLength),
    };

    private static string? Cut(string? value, int max) => value is { Length: var length } && length > max ? value[..max] : value;
}
