using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using MesaServicios.WebApi.Tests.Support;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MesaServicios.WebApi.Tests.Users;

public sealed class PasswordResetMailDeliveryTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public PasswordResetMailDeliveryTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task ResetMail_IsWrittenToThePickupFolder_WithTextAndHtml_AndItsTokenResetsThePassword()
    {
        var user = await _factory.CreateUserAsync(fullName: "Lucía Recupera");
        await (await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = user.Email })).EnsureSuccessAsync();
        await _factory.IssuePasswordResetsAsync();

        var report = await _factory.DeliverOutboxAsync();

        Assert.Equal(1, report.Sent);
        var file = Assert.Single(Directory.GetFiles(_factory.PickupDirectory, "*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        await ResetMailProof.AssertAndUseAsync(_factory, message, user.Email);
    }
}

/// <summary>A desk that sends its mail over SMTP to a server listening on a loopback port inside the test.</summary>
public sealed class SmtpMailFactory : MesaApiFactory
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _server;
    private int _disposed;

    public SmtpMailFactory()
    {
        var port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.test")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(Store);
        _server = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        With("Mail:Transport", "Smtp");
        With("Mail:Smtp:Host", "127.0.0.1");
        With("Mail:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        With("Mail:Smtp:Security", "None");
        With("Mail:Smtp:TimeoutSeconds", "10");
    }

    public CapturingStore Store { get; } = new();

    protected override void Dispose(bool disposing)
    {
        // WebApplicationFactory's Dispose and DisposeAsync call this more than once: stop the listener once.
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stop.Cancel();
            try
            {
                _server.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // The listener stops by cancellation.
            }

            _stop.Dispose();
        }

        base.Dispose(disposing);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public sealed class CapturingStore : MessageStore
    {
        public ConcurrentQueue<(IReadOnlyList<string> Recipients, MimeMessage Message)> Received { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context,
            IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            Received.Enqueue((transaction.To.Select(m => $"{m.User}@{m.Host}").ToList(), message));
            return SmtpResponse.Ok;
        }
    }
}

public sealed class PasswordResetMailOverSmtpTests : IClassFixture<SmtpMailFactory>
{
    private readonly SmtpMailFactory _factory;

    public PasswordResetMailOverSmtpTests(SmtpMailFactory factory) => _factory = factory;

    [Fact]
    public async Task ResetMail_IsReceivedByTheSmtpServer_AndItsTokenResetsThePassword()
    {
        var user = await _factory.CreateUserAsync(fullName: "Lucía Recupera");
        await (await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = user.Email })).EnsureSuccessAsync();
        await _factory.IssuePasswordResetsAsync();

        var report = await _factory.DeliverOutboxAsync();

        Assert.Equal(1, report.Sent);
        var (recipients, message) = Assert.Single(_factory.Store.Received);
        Assert.Equal([user.Email], recipients);
        await ResetMailProof.AssertAndUseAsync(_factory, message, user.Email);
    }
}

internal static class ResetMailProof
{
    /// <summary>Checks the delivered reset mail, then uses its link's token to set a new password and signs in with it.</summary>
    public static async Task AssertAndUseAsync(MesaApiFactory factory, MimeMessage message, string email)
    {
        Assert.Equal("Restablece tu contraseña de la Mesa de Servicios", message.Subject);
        Assert.Equal(email, Assert.Single(message.To.Mailboxes).Address);
        Assert.NotNull(message.TextBody);
        Assert.NotNull(message.HtmlBody);
        Assert.Contains("Hola, Lucía Recupera", message.TextBody, StringComparison.Ordinal);
        var textToken = UserMail.TokenIn(message.TextBody);
        var htmlToken = UserMail.TokenIn(WebUtility.HtmlDecode(message.HtmlBody));
        Assert.Equal(textToken, htmlToken);

        var reset = await factory.Anonymous().PostAsJsonAsync("/api/v1/auth/reset-password", new { email, token = textToken, newPassword = "Recuperada-Por-Correo-1" });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        await factory.SignInAsync(email, "Recuperada-Por-Correo-1");
    }
}

/// <summary>A desk whose background jobs run (Hangfire server on, polling every second).</summary>
public sealed class JobsRunningFactory : MesaApiFactory
{
    public JobsRunningFactory()
    {
        With("Jobs:Enabled", "true");
        With("Jobs:PollIntervalSeconds", "1");
    }
}

public sealed class PasswordResetWithJobsTests : IClassFixture<JobsRunningFactory>
{
    private readonly JobsRunningFactory _factory;

    public PasswordResetWithJobsTests(JobsRunningFactory factory) => _factory = factory;

    [Fact]
    public async Task ResetMail_IsMadeAndDeliveredAfterTheAnswer_ByTheJobs_WithoutAnyOtherStep()
    {
        var user = await _factory.CreateUserAsync(fullName: "Lucía Recupera");
        var unknown = "nadie.jamas@iescinoc.edu.co";

        await (await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = user.Email })).EnsureSuccessAsync();
        await (await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = unknown })).EnsureSuccessAsync();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        MimeMessage? message = null;
        while (message is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            foreach (var file in Directory.Exists(_factory.PickupDirectory) ? Directory.GetFiles(_factory.PickupDirectory, "*.eml") : [])
            {
                var candidate = await MimeMessage.LoadAsync(file);
                if (candidate.Subject == "Restablece tu contraseña de la Mesa de Servicios")
                {
                    message = candidate;
                }
            }
        }

        Assert.NotNull(message);
        await ResetMailProof.AssertAndUseAsync(_factory, message, user.Email);
        Assert.Empty(await _factory.QueuedToAsync(unknown));
    }
}
