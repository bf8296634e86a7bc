using MesaServicios.Domain.Notifications;

namespace MesaServicios.Application.Notifications;

/// <summary>Port: hands one e-mail to the outside world (pickup folder or SMTP).</summary>
public interface IEmailSender
{
    Task SendAsync(OutboxEmail email, CancellationToken cancellationToken);
}

/// <summary>A delivery failed; <see cref="Permanent"/> failures (e.g. a 5xx reply) are not retried.</summary>
public sealed class EmailDeliveryException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
