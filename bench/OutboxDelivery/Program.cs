// Outbox delivery rate to a local SMTP server: queues N mails in the outbox (one transaction), then delivers them
// the way the Hangfire job does, and prints mails/s. Two modes:
//   job      — one scope for the whole run, as DeliverOutboxJob: batches of Mail:DeliveryBatchSize, one SMTP
//              connection reused for every message of the run;
//   isolated — a new scope per message (batch size 1): one SMTP connection per message, for comparison.
// Usage: dotnet run -c Release --project bench/OutboxDelivery -- [count=2000] [job|isolated|both]
using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Mediator;
using MesaServicios.Application;
using MesaServicios.Application.Common;
using MesaServicios.Application.Notifications.Contracts;
using MesaServicios.Application.Notifications.DeliverOutbox;
using MesaServicios.Infrastructure;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
var mode = args.Length > 1 ? args[1] : "both";

var port = FreePort();
var store = new CountingStore();
var smtpOptions = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
var smtpServices = new SmtpServer.ComponentModel.ServiceProvider();
smtpServices.Add(store);
smtpServices.Add(new NoDelayListenerFactory());
var smtp = new SmtpServer.SmtpServer(smtpOptions, smtpServices);
using var stopSmtp = new CancellationTokenSource();
var listening = smtp.StartAsync(stopSmtp.Token);

Console.WriteLine($"Outbox delivery benchmark: {count} mails to an SMTP server on 127.0.0.1:{port} ({Environment.ProcessorCount} cores, .NET {Environment.Version})");
if (mode == "raw")
{
    using var client = new MailKit.Net.Smtp.SmtpClient();
    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = args.Length > 2 };
    await socket.ConnectAsync(IPAddress.Loopback, port);
    await client.ConnectAsync(socket, "127.0.0.1", port, MailKit.Security.SecureSocketOptions.None);
    var rawWatch = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        var message = new MimeKit.MimeMessage();
        message.From.Add(new MimeKit.MailboxAddress("Mesa", "soporte@iescinoc.edu.co"));
        message.To.Add(new MimeKit.MailboxAddress("Ana", $"u{i}@iescinoc.edu.co"));
        message.Subject = "raw";
        message.Body = new MimeKit.TextPart("plain") { Text = "hola" };
        await client.SendAsync(message);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw       {count} in {rawWatch.Elapsed.TotalSeconds:F2} s = {count / rawWatch.Elapsed.TotalSeconds:F0} mails/s"));
    await client.DisconnectAsync(true);
    return;
}

foreach (var run in mode == "both" ? new[] { "job", "isolated" } : [mode])
{
    var data = Path.Combine(Path.GetTempPath(), "mesa-bench", Guid.NewGuid().ToString("N"));
    using var host = BuildHost(data, port, run == "job" ? 50 : 1);
    await host.Services.InitializeDatabaseAsync();
    await QueueAsync(host.Services, count);
    var before = store.Count;
    var watch = Stopwatch.StartNew();
    var sent = run == "job" ? await DeliverLikeTheJobAsync(host.Services) : await DeliverIsolatedAsync(host.Services);
    watch.Stop();
    var received = store.Count - before;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{run,-9} sent {sent}, received {received} in {watch.Elapsed.TotalSeconds:F2} s = {sent / watch.Elapsed.TotalSeconds:F0} mails/s"));
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(data, recursive: true);
}

await stopSmtp.CancelAsync();
smtp.Shutdown();
await Task.WhenAny(listening, Task.Delay(2000));

static IHost BuildHost(string data, int port, int batchSize)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage:DataDirectory"] = data,
        ["Jobs:Enabled"] = "false",
        ["Mail:Transport"] = "Smtp",
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:DeliveryBatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture),
    });
    builder.Services.AddApplication();
    builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
    builder.Services.AddMediator(options => options.ServiceLifetime = ServiceLifetime.Scoped);
    return builder.Build();
}

static async Task QueueAsync(IServiceProvider services, int count)
{
    await using var scope = services.CreateAsyncScope();
    var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
    await scope.ServiceProvider.GetRequiredService<ITransactionRunner>().RunAsync(
        ct =>
        {
            for (var i = 1; i <= count; i++)
            {
                var rendered = EmailLayout.Render(
                    EmailLayout.Culture("es"),
                    EmailLayout.TicketSubject(i, "Ticket resuelto: Impresora sin conexión"),
                    "Ana Solicitante",
                    ["El técnico registró la solución del ticket."],
                    [new EmailSection("Solución", "Se reinstaló el controlador de la impresora del segundo piso.")],
                    [new EmailLink("Ver el ticket", $"https://mesa.iescinoc.edu.co/tickets/{i}")]);
                outbox.Enqueue(new EmailMessage("ticket.solved", $"usuario{i}@iescinoc.edu.co", "Ana Solicitante", rendered.Subject, rendered.TextBody, rendered.HtmlBody, TicketId: i));
            }

            return ValueTask.FromResult(count);
        },
        CancellationToken.None);
}

static async Task<int> DeliverLikeTheJobAsync(IServiceProvider services)
{
    await using var scope = services.CreateAsyncScope();
    var sender = scope.ServiceProvider.GetRequiredService<ISender>();
    var sent = 0;
    DeliveryReport report;
    do
    {
        report = await sender.Send(new DeliverOutboxRequest());
        sent += report.Sent;
    }
    while (report.Claimed > 0);
    return sent;
}

static async Task<int> DeliverIsolatedAsync(IServiceProvider services)
{
    var sent = 0;
    DeliveryReport report;
    do
    {
        await using var scope = services.CreateAsyncScope();
        report = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new DeliverOutboxRequest());
        sent += report.Sent;
    }
    while (report.Claimed > 0);
    return sent;
}

static int FreePort()
{
    using var probe = new TcpListener(IPAddress.Loopback, 0);
    probe.Start();
    return ((IPEndPoint)probe.LocalEndpoint).Port;
}

/// <summary>
/// Listener that turns Nagle's algorithm off on accepted connections, as production MTAs do; with it on, every
/// SMTP reply waits for the client's delayed ACK (about 40 ms) and the test server, not our code, sets the rate.
/// </summary>
internal sealed class NoDelayListenerFactory : SmtpServer.Net.IEndpointListenerFactory
{
    public SmtpServer.Net.IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = new TcpListener(endpointDefinition.Endpoint);
        listener.Start();
        return new NoDelayListener(listener);
    }

    private sealed class NoDelayListener(TcpListener listener) : SmtpServer.Net.IEndpointListener
    {
        public async Task<SmtpServer.IO.ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var tcp = await listener.AcceptTcpClientAsync(cancellationToken);
            tcp.NoDelay = true;
            context.Properties.Add(SmtpServer.Net.EndpointListener.LocalEndPointKey, tcp.Client.LocalEndPoint!);
            context.Properties.Add(SmtpServer.Net.EndpointListener.RemoteEndPointKey, tcp.Client.RemoteEndPoint!);
            return new PlainPipe(tcp);
        }

        public void Dispose() => listener.Stop();
    }

    /// <summary>A plain (no TLS) pipe over the accepted connection; the benchmark never offers STARTTLS.</summary>
    private sealed class PlainPipe(TcpClient tcp) : SmtpServer.IO.ISecurableDuplexPipe
    {
        private readonly NetworkStream _stream = tcp.GetStream();

        public System.IO.Pipelines.PipeReader Input => field ??= System.IO.Pipelines.PipeReader.Create(_stream);

        public System.IO.Pipelines.PipeWriter Output => field ??= System.IO.Pipelines.PipeWriter.Create(_stream);

        public bool IsSecure => false;

        public System.Security.Authentication.SslProtocols SslProtocol => System.Security.Authentication.SslProtocols.None;

        public Task UpgradeAsync(System.Security.Cryptography.X509Certificates.X509Certificate certificate, System.Security.Authentication.SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The benchmark server offers no TLS.");

        public void Dispose() => tcp.Dispose();
    }
}

/// <summary>Accepts every message and only counts it (the benchmark measures our side, not a disk).</summary>
internal sealed class CountingStore : MessageStore
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public ConcurrentDictionary<int, int> Sizes { get; } = new();

    public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return Task.FromResult(SmtpResponse.Ok);
    }
}
