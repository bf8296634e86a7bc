// Inbox ingestion throughput against a real IMAP server.
//   dotnet run -c Release --project bench/InboxIngestion [-- messages [real [postgres=<server> [nodes=2]]]]
// Starts a throwaway dovecot (apt-get install dovecot-imapd), appends N messages (default 1,000: 40 % new
// requests, 30 % replies to existing tickets, 30 % auto-replies/bulk/list noise), then times one ingestion
// run of the real host (SQLite, the real pipeline) until the inbox is empty, and prints messages per second.
// Tickets are reached through an in-memory stand-in of the Tickets module's door (ITicketsModule), so the figure measures
// the Inbox module (IMAP fetch/move, parse, classify, record, apply, commit), not ticket persistence.
// postgres=<server> (a connection string without a database): the desk on a new PostgreSQL database instead of SQLite;
// nodes=2: two hosts of that desk ingest the same mailbox at once (each run takes the ingestion lease; with the real
// Tickets module only, since the stand-in is per process), timed until every message was handled by one of them.
using System.Diagnostics;
using System.Globalization;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Mediator;
using MesaServicios.Application.Inbox;
using MesaServicios.Application.Inbox.Ingest;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Application.Users.CreateUser;
using MesaServicios.Domain.Tickets;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Inbox.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;

namespace MesaServicios.Bench.InboxIngestion;

internal static class Bench
{
    public static async Task<int> Main(string[] args)
    {
        var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        // "real": tickets and follow-ups go through the real Tickets module (and its notifications) on SQLite;
        // otherwise through an in-memory stand-in, to isolate the Inbox module's own cost.
        var realTickets = args.Length > 1 && args[1] == "real";
        var postgres = args.FirstOrDefault(a => a.StartsWith("postgres=", StringComparison.Ordinal))?["postgres=".Length..];
        var nodeCount = int.Parse(args.FirstOrDefault(a => a.StartsWith("nodes=", StringComparison.Ordinal))?["nodes=".Length..] ?? "1", CultureInfo.InvariantCulture);
        if (nodeCount > 1 && (postgres is null || !realTickets))
        {
            Console.Error.WriteLine("nodes=2 needs the real Tickets module and PostgreSQL: -- 1000 real postgres=<server> nodes=2");
            return 2;
        }

        string? database = null;
        if (postgres is not null)
        {
            database = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = "mesa_inbox_" + Guid.NewGuid().ToString("N"), MaxPoolSize = 64 }.ToString();
            await using var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = "postgres", Pooling = false }.ToString());
            await admin.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{new Npgsql.NpgsqlConnectionStringBuilder(database).Database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        using var dovecot = new DovecotServer();
        var (user, password) = dovecot.CreateUser();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "mesa-bench", Guid.NewGuid().ToString("N"));
        var tickets = new BenchTicketsModule();

        // Outside a test project the factory needs to be told where the API's content root is.
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "MesaServicios.sln")))
        {
            repository = repository.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MESASERVICIOS_WEBAPI", Path.Combine(repository?.FullName ?? ".", "src", "WebApi"));
        WebApplicationFactory<Program> Node(int index) => new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            if (database is not null)
            {
                builder.UseSetting("Database:Provider", "Postgres");
                builder.UseSetting("ConnectionStrings:Mesa", database);
            }

            foreach (var (key, value) in new Dictionary<string, string>
            {
                ["Storage:DataDirectory"] = Path.Combine(dataDirectory, $"node{index}"),
                ["Auth:SigningKey"] = "YmVuY2gtc2lnbmluZy1rZXktdGhhdC1pcy1sb25nLWVub3VnaC1mb3ItaG1hYy1zaGEyNTY=",
                ["Jobs:Enabled"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Inbox:Source"] = "Imap",
                ["Inbox:BatchSize"] = "200",
                ["Inbox:Imap:Host"] = dovecot.Host,
                ["Inbox:Imap:Port"] = dovecot.Port.ToString(CultureInfo.InvariantCulture),
                ["Inbox:Imap:Security"] = nameof(SecureSocketOptions.None),
                ["Inbox:Imap:UserName"] = user,
                ["Inbox:Imap:Password"] = password,
            })
            {
                builder.UseSetting(key, value);
            }

            if (!realTickets)
            {
                builder.ConfigureTestServices(services =>
                {
                    services.RemoveAll<ITicketsModule>();
                    services.AddSingleton<ITicketsModule>(tickets);
                });
            }
        });
        await using var factory = Node(0);
        _ = factory.Services; // the first node migrates the database before the others start
        var others = Enumerable.Range(1, nodeCount - 1).Select(Node).ToList();
        foreach (var other in others)
        {
            _ = other.Services;
        }

        // People who write: 20 requesters, each with one open ticket to reply to.
        var requesters = new List<(string Email, int Ticket)>();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            for (var i = 0; i < 20; i++)
            {
                var email = $"persona{i}@iescinoc.edu.co";
                var profile = await sender.Send(new CreateUserCommand(email, $"Persona {i}", "Biblioteca", "3001234567", UserRole.Requester, "es"));
                var ticket = realTickets
                    ? (await sender.Send(new OpenTicketFromEmailCommand(profile.Id, $"Solicitud inicial {i}", "El equipo de la sala no enciende desde ayer.", TicketType.Request, null, null, null, false, null, []))).TicketId
                    : tickets.Seed(profile.Id);
                requesters.Add((email, ticket));
            }
        }

        Console.WriteLine($"Appending {total} messages to {dovecot.Host}:{dovecot.Port} …");
        using (var imap = new ImapClient())
        {
            await imap.ConnectAsync(dovecot.Host, dovecot.Port, SecureSocketOptions.None);
            await imap.AuthenticateAsync(user, password);
            await imap.Inbox.OpenAsync(FolderAccess.ReadWrite);
            var requests = new List<IAppendRequest>();
            for (var i = 0; i < total; i++)
            {
                var (email, ticket) = requesters[i % requesters.Count];
                var message = new MimeMessage();
                message.From.Add(MailboxAddress.Parse(email));
                message.To.Add(MailboxAddress.Parse("soporte@iescinoc.edu.co"));
                message.MessageId = $"bench-{i}@mail.test";
                switch (i % 10)
                {
                    case < 4:
                        message.Subject = $"Solicitud número {i}";
                        message.Body = new TextPart("plain") { Text = "Nombre: Persona\nDependencia: Biblioteca\nTeléfono: 3001234567\nDetalle: Necesito ayuda con el equipo de la sala." };
                        break;
                    case < 7:
                        message.Subject = $"Re: [Mesa #{ticket}] Solicitud";
                        message.Body = new TextPart("plain") { Text = "Gracias, sigue fallando.\n\nEl lun, 2 mar 2026 a las 8:00, Mesa escribió:\n> ¿Funciona?" };
                        break;
                    default:
                        message.Subject = "Respuesta automática: Solicitud";
                        message.Headers.Add(i % 2 == 0 ? "Auto-Submitted" : "Precedence", i % 2 == 0 ? "auto-replied" : "bulk");
                        message.Body = new TextPart("plain") { Text = "Estoy fuera de la oficina." };
                        break;
                }

                requests.Add(new AppendRequest(message));
                if (requests.Count == 100)
                {
                    await imap.Inbox.AppendAsync(requests);
                    requests.Clear();
                }
            }

            if (requests.Count > 0)
            {
                await imap.Inbox.AppendAsync(requests);
            }

            await imap.DisconnectAsync(true);
        }

        var watch = Stopwatch.StartNew();
        IngestionReport report;
        if (nodeCount == 1)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            report = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new IngestMailRequest());
        }
        else
        {
            // Every node runs ingestion at once, again and again, as their recurring jobs would: the lease lets one
            // read at a time; a node that finds it taken tries again shortly, and takes over between runs.
            var reports = new System.Collections.Concurrent.ConcurrentBag<(int Node, IngestionReport Report)>();
            var handled = 0;
            var nodes = others.Prepend(factory).ToList();
            await Task.WhenAll(nodes.Select((node, index) => Task.Run(async () =>
            {
                while (Volatile.Read(ref handled) < total && watch.Elapsed < TimeSpan.FromMinutes(3))
                {
                    await using var scope = node.Services.CreateAsyncScope();
                    var one = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new IngestMailRequest());
                    reports.Add((index, one));
                    if (Interlocked.Add(ref handled, one.Moved) < total && one.Fetched == 0)
                    {
                        await Task.Delay(50);
                    }
                }
            })));
            var all = reports.Select(r => r.Report).ToList();
            report = new IngestionReport(
                true, all.Sum(r => r.Fetched), all.Sum(r => r.Recorded), all.Sum(r => r.AlreadyRecorded), all.Sum(r => r.Applied),
                all.Sum(r => r.Retrying), all.Sum(r => r.Rejected), all.Sum(r => r.Moved));
            Console.WriteLine("  per node (messages moved): " + string.Join(", ", reports.GroupBy(r => r.Node).OrderBy(g => g.Key).Select(g => $"node {g.Key + 1}: {g.Sum(r => r.Report.Moved)} in {g.Count(r => r.Report.Fetched > 0)} runs")));
        }

        watch.Stop();
        var rate = report.Fetched / watch.Elapsed.TotalSeconds;
        Console.WriteLine($"Ingested {report.Fetched} messages in {watch.Elapsed.TotalSeconds:F2} s: {rate:F0} messages/s");
        Console.WriteLine(realTickets
            ? $"  applied {report.Applied}, moved {report.Moved}, retrying {report.Retrying}, rejected {report.Rejected} (real Tickets module)"
            : $"  applied {report.Applied}, moved {report.Moved}, retrying {report.Retrying}, rejected {report.Rejected}; tickets {tickets.Created}, follow-ups {tickets.FollowUps}");
        foreach (var other in others)
        {
            await other.DisposeAsync();
        }

        if (database is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(postgres!) { Database = "postgres", Pooling = false }.ToString());
            await admin.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new Npgsql.NpgsqlConnectionStringBuilder(database).Database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder.
        }

        return report.Fetched == total && report.Moved == total ? 0 : 1;
    }
}

/// <summary>In-memory stand-in for the Tickets module (see the header comment).</summary>
internal sealed class BenchTicketsModule : ITicketsModule
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, TicketSummaryContract> _tickets = [];
    private int _next;

    public int Created { get; private set; }

    public int FollowUps { get; private set; }

    public int Seed(Guid requesterId)
    {
        lock (_gate)
        {
            var id = ++_next;
            _tickets[id] = new TicketSummaryContract(id, "Ticket", "…", TicketStatus.InProgress, TicketType.Request, Urgency.Medium, 3, requesterId, null, [], DateTimeOffset.UnixEpoch);
            return id;
        }
    }

    public ValueTask<TicketSummaryContract?> GetSummaryAsync(int ticketId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_tickets.GetValueOrDefault(ticketId));
        }
    }

    public ValueTask<EmailTicketResult> OpenFromEmailAsync(OpenTicketFromEmailCommand command, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var id = ++_next;
            _tickets[id] = new TicketSummaryContract(id, command.Title, command.Description, TicketStatus.New, command.Type, Urgency.Medium, 3, command.RequesterId, null, [], DateTimeOffset.UnixEpoch);
            Created++;
            return ValueTask.FromResult(new EmailTicketResult(id, []));
        }
    }

    public ValueTask<int> OpenAboutEquipmentAsync(OpenEquipmentTicketCommand command, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The Inbox never opens tickets about equipment.");

    public ValueTask<EmailTicketResult> AddFollowUpFromEmailAsync(AddFollowUpFromEmailCommand command, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            FollowUps++;
            return ValueTask.FromResult(new EmailTicketResult(command.TicketId, []));
        }
    }

    public ValueTask DecideSolutionFromLinkAsync(DecideSolutionFromLinkCommand command, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The Inbox never decides solutions.");
}
