namespace MesaServicios.Domain.Notifications;

/// <summary>
/// An in-app alert for the whole desk (every technician and administrator) in one language: written once per language
/// instead of one notification per desk member. Each member sees it among his notifications while he is on the desk,
/// if it was raised after he joined it and is not about his own action (<see cref="ExceptUserId"/>): what he read is in
/// <see cref="DeskAlertRead"/> and <see cref="DeskAlertWatermark"/>.
/// </summary>
public sealed class DeskAlert
{
    private DeskAlert()
    {
        Kind = string.Empty;
        Language = string.Empty;
        Title = string.Empty;
        Body = string.Empty;
    }

    /// <summary>Increasing number: "read everything up to" is a number, free of equal clock readings.</summary>
    public long Id { get; private set; }

    /// <summary>The kind of event (e.g. "ticket.created"), as in the notification matrix.</summary>
    public string Kind { get; private set; }

    public int? TicketId { get; private set; }

    /// <summary>"es" or "en": the desk members who read this language see it.</summary>
    public string Language { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    public string? Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A desk member who hears of the event otherwise (its author, its requester): not shown to him.</summary>
    public Guid? ExceptUserId { get; private set; }

    /// <summary>A second desk member who hears of the event otherwise.</summary>
    public Guid? ExceptOtherUserId { get; private set; }

    /// <summary>At most two desk members can be left out of one alert (<see cref="MaxExcepted"/>).</summary>
    public const int MaxExcepted = 2;

    public static DeskAlert Create(string kind, int? ticketId, string language, string title, string body, string? link, IReadOnlyList<Guid> except, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(except.Count, MaxExcepted);
        return new DeskAlert
        {
            Kind = kind,
            TicketId = ticketId,
            Language = language,
            Title = title.Length > 300 ? title[..300] : title,
            Body = body.Length > 2000 ? body[..2000] : body,
            Link = link,
            CreatedAt = now,
            ExceptUserId = except.Count > 0 ? except[0] : null,
            ExceptOtherUserId = except.Count > 1 ? except[1] : null,
        };
    }

    /// <summary>
    /// The alert's id among a person's notifications (which are GUIDs): a GUID of version 0 (a notification's is
    /// version 7) whose last eight bytes are the alert's number.
    /// </summary>
    public static Guid PublicId(long id)
    {
        Span<byte> bytes = stackalloc byte[16];
        bytes.Clear();
        bytes[0] = 0xde;
        bytes[1] = 0x5c;
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes[8..], id);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The alert's number if <paramref name="id"/> is a desk alert's id (<see cref="PublicId"/>).</summary>
    public static bool TryParsePublicId(Guid id, out long alertId)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        alertId = System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(bytes[8..]);
        var prefix = bytes[0] == 0xde && bytes[1] == 0x5c && bytes[2..8].IndexOfAnyExcept((byte)0) < 0;
        return prefix && alertId > 0;
    }
}

/// <summary>One desk member has read one desk alert (individual marks; "mark all read" is a <see cref="DeskAlertWatermark"/>).</summary>
public sealed class DeskAlertRead
{
    private DeskAlertRead()
    {
    }

    public long AlertId { get; private set; }

    public Guid UserId { get; private set; }

    public DateTimeOffset ReadAt { get; private set; }

    public static DeskAlertRead Create(long alertId, Guid userId, DateTimeOffset now) =>
        new() { AlertId = alertId, UserId = userId, ReadAt = now };
}

/// <summary>A desk member's "mark all read": every desk alert up to <see cref="ReadUpTo"/> is read since <see cref="MarkedAt"/>.</summary>
public sealed class DeskAlertWatermark
{
    private DeskAlertWatermark()
    {
    }

    public Guid UserId { get; private set; }

    public long ReadUpTo { get; private set; }

    public DateTimeOffset MarkedAt { get; private set; }

    public static DeskAlertWatermark Create(Guid userId, long readUpTo, DateTimeOffset now) =>
        new() { UserId = userId, ReadUpTo = readUpTo, MarkedAt = now };

    /// <summary>Moves forward only: a slower "mark all read" never un-reads what a later one read.</summary>
    public void MoveTo(long readUpTo, DateTimeOffset now)
    {
        if (readUpTo > ReadUpTo)
        {
            ReadUpTo = readUpTo;
            MarkedAt = now;
        }
    }
}
