namespace MesaServicios.Application.Inbox.Parsing;

/// <summary>A file carried by an inbound e-mail.</summary>
public sealed record ParsedAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>An address a delivery-status report says failed.</summary>
public sealed record BouncedRecipient(string Email, string? Diagnostic);

/// <summary>An inbound e-mail reduced to what the desk needs; built by <see cref="MailParser"/>.</summary>
public sealed record ParsedMail
{
    /// <summary>Message-ID without angle brackets, or null.</summary>
    public string? MessageId { get; init; }

    /// <summary>The dedup key: the Message-ID, or <c>sha256:</c> of the raw bytes when there is none.</summary>
    public required string Key { get; init; }

    public required string FromAddress { get; init; }

    public string? FromName { get; init; }

    public required string Subject { get; init; }

    public DateTimeOffset? Date { get; init; }

    /// <summary>In-Reply-To then References, newest first, without angle brackets.</summary>
    public IReadOnlyList<string> ThreadIds { get; init; } = [];

    /// <summary>Every header, in order (name, decoded value).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The text body (HTML converted when there is no plain text), untrimmed.</summary>
    public required string TextBody { get; init; }

    public IReadOnlyList<ParsedAttachment> Attachments { get; init; } = [];

    public bool IsDeliveryReport { get; init; }

    public IReadOnlyList<BouncedRecipient> BouncedRecipients { get; init; } = [];

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public bool HasHeader(string name) => Headers.Any(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
}
