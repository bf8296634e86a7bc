namespace MesaServicios.Domain.Tickets;

/// <summary>
/// Remembers the answer to a ticket creation sent with an <c>Idempotency-Key</c>, so a retry by the same user
/// within the retention window gets the same answer and creates nothing. Unique per (user, key).
/// </summary>
public sealed class TicketIdempotencyRecord
{
    private TicketIdempotencyRecord()
    {
        Key = string.Empty;
        RequestHash = string.Empty;
        ResponseBody = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Key { get; private set; }

    /// <summary>SHA-256 of the request; the same key with another request is refused, never answered with the wrong ticket.</summary>
    public string RequestHash { get; private set; }

    public int TicketId { get; private set; }

    public int ResponseVersion { get; private set; }

    /// <summary>The JSON body of the first answer, returned as is on a replay.</summary>
    public string ResponseBody { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static TicketIdempotencyRecord Create(Guid userId, string key, string requestHash, int ticketId, int responseVersion, string responseBody, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserId = userId,
        Key = key,
        RequestHash = requestHash,
        TicketId = ticketId,
        ResponseVersion = responseVersion,
        ResponseBody = responseBody,
        CreatedAt = now,
    };

    public bool IsFreshAt(DateTimeOffset now, TimeSpan retention) => CreatedAt > now - retention;

    /// <summary>An expired record is reused for the new answer (the key is unique per user).</summary>
    public void Renew(string requestHash, int ticketId, int responseVersion, string responseBody, DateTimeOffset now)
    {
        RequestHash = requestHash;
        TicketId = ticketId;
        ResponseVersion = responseVersion;
        ResponseBody = responseBody;
        CreatedAt = now;
    }
}
