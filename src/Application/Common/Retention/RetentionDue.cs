using Mediator;

namespace MesaServicios.Application.Common.Retention;

/// <summary>
/// Data kept bounded (section "Retention"). Each module answers <see cref="RetentionDue"/> by purging its own old
/// data, in batches, each batch in its own transaction; every purge is idempotent and safe with two runs at once.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Days a delivered e-mail keeps its body (its metadata is kept).</summary>
    public int MailBodyDays { get; set; } = 30;

    /// <summary>Days an applied or ignored inbound message keeps its raw bytes (its record is kept).</summary>
    public int InboundMailDays { get; set; } = 30;

    /// <summary>Days an ended (expired or revoked) session and its refresh tokens are kept.</summary>
    public int EndedSessionDays { get; set; } = 30;

    /// <summary>Days a desk alert (an in-app alert for the whole desk) and its read marks are kept.</summary>
    public int DeskAlertDays { get; set; } = 180;

    /// <summary>Days audit entries are kept.</summary>
    public int AuditDays { get; set; } = 730;

    /// <summary>Rows per transaction.</summary>
    public int BatchSize { get; set; } = 500;
}

/// <summary>Published by the retention job; each module purges what it owns.</summary>
public sealed record RetentionDue : INotification;
