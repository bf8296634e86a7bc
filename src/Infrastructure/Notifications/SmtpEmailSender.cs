using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MesaServicios.Application.Notifications;
using MesaServicios.Domain.Notifications;
using Microsoft.Extensions.Options;

namespace MesaServicios.Infrastructure.Notifications;

/// <summary>
/// Sends e-mail over SMTP with MailKit. One connection is opened lazily and reused for every message of the
/// scope (a delivery run), and closed with it; after any failure it is dropped and the next message reconnects.
/// A 5xx reply is a permanent failure; everything else is retried.
/// </summary>
/// <remarks>Disposable both ways: Hangfire disposes its job scope synchronously, the tests and the host asynchronously.</remarks>
internal sealed class SmtpEmailSender(IOptions<MailOptions> options) : IEmailSender, IAsyncDisposable, IDisposable
{
    private SmtpClient? _client;

    public async Task SendAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = MimeMessageFactory.Create(email, settings);
        try
        {
            var client = await ConnectedClientAsync(settings.Smtp, cancellationToken);
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException ex)
        {
            await DropAsync();
            throw new EmailDeliveryException($"SMTP {(int)ex.StatusCode}: {ex.Message}", permanent: (int)ex.StatusCode >= 500, ex);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or System.Net.Sockets.SocketException or TimeoutException or AuthenticationException or ServiceNotConnectedException)
        {
            await DropAsync();
            throw new EmailDeliveryException($"SMTP unavailable: {ex.Message}", permanent: false, ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true } client)
        {
            try
            {
                await client.DisconnectAsync(quit: true);
            }
            catch (Exception ex) when (ex is SmtpProtocolException or IOException or System.Net.Sockets.SocketException or TimeoutException)
            {
                // The messages were already accepted; a failed QUIT changes nothing.
            }
        }

        _client?.Dispose();
        _client = null;
    }

    public void Dispose()
    {
        if (_client is { IsConnected: true } client)
        {
            try
            {
                client.Disconnect(quit: true);
            }
            catch (Exception ex) when (ex is SmtpProtocolException or IOException or System.Net.Sockets.SocketException or TimeoutException)
            {
                // The messages were already accepted; a failed QUIT changes nothing.
            }
        }

        _client?.Dispose();
        _client = null;
    }

    private async Task<SmtpClient> ConnectedClientAsync(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } connected)
        {
            return connected;
        }

        _client?.Dispose();
        var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        _client = client;
        await client.ConnectAsync(smtp.Host, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        return client;
    }

    private async Task DropAsync()
    {
        if (_client is null)
        {
            return;
        }

        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(quit: false);
            }
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or System.Net.Sockets.SocketException or TimeoutException)
        {
            // Already broken: nothing more to close.
        }

        _client.Dispose();
        _client = null;
    }
}
