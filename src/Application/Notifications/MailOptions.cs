namespace MesaServicios.Application.Notifications;

/// <summary>Outbound mail settings (section "Mail").</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string FromAddress { get; set; } = "soporte@iescinoc.edu.co";

    public string FromName { get; set; } = "Mesa de Servicios TIC";

    /// <summary>Right-hand side of the Message-IDs we generate.</summary>
    public string MessageIdDomain { get; set; } = "mesa.iescinoc.edu.co";

    /// <summary>"Pickup" (write .eml files, the default) or "Smtp".</summary>
    public string Transport { get; set; } = "Pickup";

    public string PickupDirectory { get; set; } = "mail/outbox";

    public SmtpOptions Smtp { get; set; } = new();

    public int MaxAttempts { get; set; } = 8;

    public int RetryBaseDelaySeconds { get; set; } = 30;

    public int DeliveryBatchSize { get; set; } = 200;

    /// <summary>
    /// While other commands keep the single writer busy (more than <see cref="DeliveryBusyCommandsPerSecond"/> a second),
    /// delivery takes batches of this size and pauses <see cref="DeliveryBusyPauseMilliseconds"/> between them, so
    /// interactive requests get the writer and the cores; it catches up when the burst ends and never stops.
    /// </summary>
    public int DeliveryBusyBatchSize { get; set; } = 10;

    public int DeliveryBusyPauseMilliseconds { get; set; } = 100;

    /// <summary>Commands of others per second above which the writer counts as busy for delivery; 0 turns the pacing off.</summary>
    public int DeliveryBusyCommandsPerSecond { get; set; } = 50;

    public int DeliveryIntervalSeconds { get; set; } = 15;

    /// <summary>Cron of the recurring delivery run (default every minute); a commit that queues mail also asks for a run at once.</summary>
    public string DeliveryCron { get; set; } = "* * * * *";

    /// <summary>How long a delivery run holds the messages it claimed: those of a node that died are sent again after this.</summary>
    public int ClaimSeconds { get; set; } = 300;
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    /// <summary>None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable.</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public int TimeoutSeconds { get; set; } = 30;
}
