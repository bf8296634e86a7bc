using System.Collections.Concurrent;
using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Notifications.Links;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MesaServicios.WebApi.Tests.Notifications;

/// <summary>Publishes the Tickets module's integration events the way it will: inside one transaction of the host.</summary>
public static class IntegrationEvents
{
    public static Task PublishAsync<TEvent>(this MesaApiFactory factory, TEvent integrationEvent)
        where TEvent : TicketIntegrationEvent =>
        factory.WithScopeAsync(async sp =>
        {
            var transactions = sp.GetRequiredService<ITransactionRunner>();
            var publisher = sp.GetRequiredService<IPublisher>();
            return await transactions.RunAsync(
                async ct =>
                {
                    await publisher.Publish(integrationEvent, ct);
                    return true;
                },
                CancellationToken.None);
        });

    /// <summary>Runs the delivery request until nothing is left to claim, as the job does; returns how many were sent.</summary>
    public static async Task<int> DrainOutboxAsync(this MesaApiFactory factory)
    {
        var sent = 0;
        while (true)
        {
            var report = await factory.DeliverOutboxAsync();
            sent += report.Sent;
            if (report.Claimed == 0)
            {
                return sent;
            }
        }
    }

    public static Task DeactivateAsync(this MesaApiFactory factory, Guid userId) =>
        factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MesaServicios.Application.Users.IUsersDbContext>();
            var transactions = sp.GetRequiredService<ITransactionRunner>();
            return await transactions.RunAsync(
                async ct =>
                {
                    var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
                    user.Deactivate(TimeProvider.System.GetUtcNow());
                    return true;
                },
                CancellationToken.None);
        });
}

/// <summary>
/// The people of the notification tests: a requester, observers, technicians and administrators, some inactive,
/// created once per host.
/// </summary>
public sealed class NotificationCast
{
    public required TestUser Requester { get; init; }

    public required TestUser Observer { get; init; }

    public required TestUser InactiveObserver { get; init; }

    public required TestUser Technician { get; init; }

    public required TestUser OtherTechnician { get; init; }

    public required TestUser InactiveTechnician { get; init; }

    public required TestUser Admin { get; init; }

    public required TestUser OtherAdmin { get; init; }

    /// <summary>Every active technician or administrator: the "all technicians" of unassigned tickets.</summary>
    public IReadOnlyList<TestUser> AllTechnicians => [Technician, OtherTechnician, Admin, OtherAdmin];

    public static async Task<NotificationCast> CreateAsync(MesaApiFactory factory)
    {
        var cast = new NotificationCast
        {
            Requester = await factory.CreateUserAsync(UserRole.Requester, fullName: "Ana Solicitante"),
            Observer = await factory.CreateUserAsync(UserRole.Requester, fullName: "Olga Observadora", language: "en"),
            InactiveObserver = await factory.CreateUserAsync(UserRole.Requester, fullName: "Iván Inactivo"),
            Technician = await factory.CreateUserAsync(UserRole.Technician, fullName: "Tomás Técnico", language: "en"),
            OtherTechnician = await factory.CreateUserAsync(UserRole.Technician, fullName: "Teresa Técnica"),
            InactiveTechnician = await factory.CreateUserAsync(UserRole.Technician, fullName: "Isabel Inactiva"),
            Admin = await factory.AdminAsync(),
            OtherAdmin = await factory.CreateUserAsync(UserRole.Administrator, fullName: "Adriana Administradora"),
        };
        await factory.DeactivateAsync(cast.InactiveObserver.Id);
        await factory.DeactivateAsync(cast.InactiveTechnician.Id);
        return cast;
    }
}

/// <summary>The host with a cast of users, created once.</summary>
public class NotificationsFactory : MesaApiFactory
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private NotificationCast? _cast;

    public async Task<NotificationCast> CastAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _cast ??= await NotificationCast.CreateAsync(this);
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _gate.Dispose();
        }
    }
}

/// <summary>
/// Test double of the Tickets module's door that records the decisions the links hand to it (the end-to-end
/// check, where the ticket really closes or reopens, is in the Tickets tests of <c>DecideSolutionFromLink</c>).
/// </summary>
public sealed class RecordingTicketsModule : ITicketsModule
{
    public ConcurrentQueue<(string Decision, int TicketId, Guid RequesterId, string? Text)> Sent { get; } = new();

    public ValueTask DecideSolutionFromLinkAsync(DecideSolutionFromLinkCommand command, CancellationToken cancellationToken)
    {
        Sent.Enqueue((command.Decision == SolutionDecision.Approve ? "approve" : "reject", command.TicketId, command.RequesterId, command.Text));
        return ValueTask.CompletedTask;
    }

    public ValueTask<TicketSummaryContract?> GetSummaryAsync(int ticketId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Links only decide solutions.");

    public ValueTask<EmailTicketResult> OpenFromEmailAsync(OpenTicketFromEmailCommand command, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Links only decide solutions.");

    public ValueTask<EmailTicketResult> AddFollowUpFromEmailAsync(AddFollowUpFromEmailCommand command, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Links only decide solutions.");

    public ValueTask<int> OpenAboutEquipmentAsync(OpenEquipmentTicketCommand command, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Links only decide solutions.");
}

/// <summary>
/// The host delivering over SMTP to a real SMTP listener on a loopback port, with a cast of users and a recorder
/// in place of the Tickets module's door (see <see cref="RecordingTicketsModule"/>).
/// </summary>
public sealed class SmtpNotificationsFactory : NotificationsFactory
{
    public SmtpNotificationsFactory()
    {
        Smtp = new LoopbackSmtpServer();
        With("Mail:Transport", "Smtp");
        With("Mail:Smtp:Host", "127.0.0.1");
        With("Mail:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        With("Mail:Smtp:Security", "None");
        With("Mail:Smtp:TimeoutSeconds", "10");
        With("Mail:DeliveryBatchSize", "5");
        Smtp.Start();
    }

    public LoopbackSmtpServer Smtp { get; }

    public RecordingTicketsModule Decisions { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ITicketsModule>();
            services.AddSingleton<ITicketsModule>(Decisions);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.Dispose();
        }
    }
}

/// <summary>A real SMTP server (SmtpServer library) on 127.0.0.1 that keeps every message it accepts; it can be stopped and told to refuse.</summary>
public sealed class LoopbackSmtpServer : IDisposable
{
    private readonly Store _store = new();
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stop;
    private Task? _running;

    public LoopbackSmtpServer()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Received => _store.Messages;

    /// <summary>While true every message is refused with 554 (a permanent failure).</summary>
    public bool RefuseAll
    {
        get => _store.Refuse;
        set => _store.Refuse = value;
    }

    public IReadOnlyList<MimeMessage> For(int ticketId) =>
        _store.Messages.Where(m => (m.Subject ?? string.Empty).Contains($"[Mesa #{ticketId}]", StringComparison.Ordinal)).ToList();

    public int CountOf(string messageId) => _store.Messages.Count(m => m.MessageId == messageId);

    /// <summary>Starts listening (again); does nothing when already listening.</summary>
    public void Start()
    {
        if (_server is not null)
        {
            return;
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = _server.StartAsync(_stop.Token);
    }

    public void Stop()
    {
        if (_server is null)
        {
            return;
        }

        _stop!.Cancel();
        _server.Shutdown();
        try
        {
            _running!.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Cancelled listener: expected on stop.
        }

        _stop.Dispose();
        _server = null;
    }

    public void Dispose() => Stop();

    private sealed class Store : MessageStore
    {
        private readonly ConcurrentQueue<MimeMessage> _messages = new();

        public volatile bool Refuse;

        public IReadOnlyCollection<MimeMessage> Messages => _messages.ToArray();

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Refuse)
            {
                return Task.FromResult(new SmtpResponse(SmtpReplyCode.TransactionFailed, "5.7.1 refused by policy"));
            }

            using var stream = new MemoryStream(buffer.ToArray());
            _messages.Enqueue(MimeMessage.Load(stream));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
