namespace MesaServicios.Domain.Inbox;

/// <summary>An address a delivery-status report said we cannot deliver to (one row per address).</summary>
public sealed class UndeliverableAddress
{
    private UndeliverableAddress()
    {
        Email = string.Empty;
    }

    public string Email { get; private set; }

    public string? Diagnostic { get; private set; }

    public int Reports { get; private set; }

    public DateTimeOffset FirstReportedAt { get; private set; }

    public DateTimeOffset LastReportedAt { get; private set; }

    public static UndeliverableAddress Create(string email, string? diagnostic, DateTimeOffset now) => new()
    {
        Email = email.Trim().ToLowerInvariant(),
        Diagnostic = Trim(diagnostic),
        Reports = 1,
        FirstReportedAt = now,
        LastReportedAt = now,
    };

    public void ReportedAgain(string? diagnostic, DateTimeOffset now)
    {
        Reports++;
        Diagnostic = Trim(diagnostic) ?? Diagnostic;
        LastReportedAt = now;
    }

    private static string? Trim(string? value) => value is null ? null : value.Length <= 500 ? value : value[..500];
}

/// <summary>An automatic answer we sent to an address (to cap them per sender and period).</summary>
public sealed class InboxAutoReply
{
    private InboxAutoReply()
    {
        Email = string.Empty;
        Kind = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Email { get; private set; }

    public string Kind { get; private set; }

    public Guid InboxMessageId { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public static InboxAutoReply Create(string email, string kind, Guid inboxMessageId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Email = email.Trim().ToLowerInvariant(),
        Kind = kind,
        InboxMessageId = inboxMessageId,
        SentAt = now,
    };
}

/// <summary>A named lease: only the holder runs the ingestion until it expires or is released.</summary>
public sealed class InboxLease
{
    private InboxLease()
    {
        Name = string.Empty;
    }

    public string Name { get; private set; }

    public Guid? Holder { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }
}
