using MesaServicios.Domain.Notifications;

namespace MesaServicios.Application.Notifications;

/// <summary>Port: hands one e-mail to the outside world (pickup folder or SMTP).</summary>
public interface IEmailSender
{
    /// <summary>
    /// True when handing the same e-mail over twice leaves one copy (the pickup folder names each file after the message):
    /// delivery may then record a batch's results together. False (SMTP, the default): each message is recorded as sent
    /// before the next one goes, so a crash sends at most one message twice (docs/notifications.md).
    /// </summary>
    bool ResendIsHarmless => false;

    Task SendAsync(OutboxEmail email, CancellationToken cancellationToken);
}

/// <summary>A delivery failed; <see cref="Permanent"/> failures (e.g. a 5xx reply) are not retried.</summary>
public sealed class EmailDeliveryException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
