namespace MesaServicios.Application.Inbox;

/// <summary>Inbound mail settings (section "Inbox").</summary>
public sealed class InboxOptions
{
    public const string Section = "Inbox";

    /// <summary>Poll the mailbox in the background.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>"Drop" (a folder of .eml files, the embedded default) or "Imap".</summary>
    public string Source { get; set; } = "Drop";

    /// <summary>Cron of the recurring ingestion job (default every minute).</summary>
    public string PollCron { get; set; } = "* * * * *";

    /// <summary>Words that, in the subject, make a new message a request ticket (whole word, any case or accent). Empty: "solicitud".</summary>
    public string[] Keywords { get; set; } = [];

    /// <summary>The configured keywords, or "solicitud" when none are configured.</summary>
    public IReadOnlyList<string> EffectiveKeywords => Keywords.Any(k => !string.IsNullOrWhiteSpace(k)) ? Keywords : ["solicitud"];

    /// <summary>The drop folder, under the data directory unless absolute; processed files go to processed/ or rejected/ inside it.</summary>
    public string DropFolder { get; set; } = "mail/inbox";

    public ImapOptions Imap { get; set; } = new();

    /// <summary>Our own addresses: mail from them is never ingested. Default: <c>Mail:FromAddress</c>.</summary>
    public string[] OwnAddresses { get; set; } = [];

    /// <summary>Institutional domains whose unknown senders get a requester account. Default: <c>Users:AllowedDomains</c>.</summary>
    public string[] AllowedDomains { get; set; } = [];

    /// <summary>The address the desk's automatic answers tell people to write to. Default: the first of <see cref="OwnAddresses"/>.</summary>
    public string? SupportAddress { get; set; }

    /// <summary>The address to write to: <see cref="SupportAddress"/>, else the first own address (by default <c>Mail:FromAddress</c>).</summary>
    public string EffectiveSupportAddress =>
        !string.IsNullOrWhiteSpace(SupportAddress) ? SupportAddress.Trim() : OwnAddresses.FirstOrDefault(a => !string.IsNullOrWhiteSpace(a))?.Trim() ?? string.Empty;

    /// <summary>The culture of the automatic answers and of the texts the Inbox writes for the sender (e.g. <c>es-CO</c>).</summary>
    public string Culture { get; set; } = "es-CO";

    /// <summary>How an answer names a message that had no subject.</summary>
    public string NoSubjectText { get; set; } = "(sin asunto)";

    /// <summary>The title of a ticket opened from a message whose subject is empty once cleaned.</summary>
    public string DefaultTitle { get; set; } = "Solicitud por correo electrónico";

    public bool IsOwnAddress(string email) =>
        OwnAddresses.Any(a => string.Equals(a.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase));

    public bool IsInstitutional(string email)
    {
        var at = email.LastIndexOf('@');
        return at >= 0 && AllowedDomains.Any(d => string.Equals(d.Trim(), email[(at + 1)..].Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Attempts before a message that cannot be parsed or applied is moved to the rejected folder.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Messages fetched per round trip.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>At most this many automatic answers per address and window.</summary>
    public int AutoReplyLimit { get; set; } = 3;

    public int AutoReplyWindowHours { get; set; } = 24;

    /// <summary>How long a run holds the ingestion lease (renewed every batch).</summary>
    public int LeaseSeconds { get; set; } = 300;
}

public sealed class ImapOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 993;

    /// <summary>None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable.</summary>
    public string Security { get; set; } = "SslOnConnect";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string InboxFolder { get; set; } = "INBOX";

    public string ProcessedFolder { get; set; } = "Procesados";

    public string RejectedFolder { get; set; } = "Rechazados";

    public int TimeoutSeconds { get; set; } = 60;
}
