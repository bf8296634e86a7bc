using MailKit.Net.Smtp;
using MailKit.Security;
using MesaServicios.Application.Notifications;
using MesaServicios.Domain.Notifications;
using Microsoft.Extensions.Options;

namespace MesaServicios.Infrastructure.Notifications;

/// <summary>Sends e-mail over SMTP with MailKit. A 5xx reply is a permanent failure; everything else is retried.</summary>
internal sealed class SmtpEmailSender(IOptions<MailOptions> options) : IEmailSender
{
    public async Task SendAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var smtp = settings.Smtp;
        var message = MimeMessageFactory.Create(email, settings);
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException ex)
        {
            throw new EmailDeliveryException($"SMTP {(int)ex.StatusCode}: {ex.Message}", permanent: (int)ex.StatusCode >= 500, ex);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or System.Net.Sockets.SocketException or TimeoutException or AuthenticationException)
        {
            throw new EmailDeliveryException($"SMTP unavailable: {ex.Message}", permanent: false, ex);
        }
    }
}
