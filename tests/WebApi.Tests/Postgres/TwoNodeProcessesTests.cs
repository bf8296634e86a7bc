using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MesaServicios.Domain.Inbox;
using MesaServicios.Domain.Notifications;
using MesaServicios.Domain.Tickets;
using MesaServicios.Domain.Users;
using MesaServicios.Infrastructure.Common.Persistence;
using MesaServicios.WebApi.Tests.Inbox.Support;
using MesaServicios.WebApi.Tests.Notifications;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Npgsql;
using Xunit.Abstractions;

namespace MesaServicios.WebApi.Tests.Postgres;

/// <summary>
/// Two application PROCESSES of one desk (the built WebApi, started twice) on one PostgreSQL database, reading one
/// IMAP mailbox (dovecot) and delivering to one SMTP listener, with the background jobs on in both (Hangfire on
/// PostgreSQL) and short job intervals set by configuration. Then one node is killed with SIGKILL in the middle of
/// a burst of creations: what it acknowledged is kept and the other node carries on. About a minute.
/// </summary>
public sealed class TwoNodeProcessesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string SigningKey = "dHdvLW5vZGVzLXNpZ25pbmcta2V5LXRoYXQtaXMtbG9uZy1lbm91Z2gtZm9yLWhtYWMtc2hhMjU2";
    private const string RequesterEmail = "ana.gomez@iescinoc.edu.co";
    private const int ClaimSeconds = 5;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    private readonly List<HostProcess> _nodes = [];
    private string _database = string.Empty;
    private DovecotServer? _dovecot;
    private LoopbackSmtpServer? _smtp;
    private (string User, string Password) _mailbox;

    public Task InitializeAsync()
    {
        _database = TestDatabase.CreatePostgresDatabase();
        _dovecot = new DovecotServer();
        _mailbox = _dovecot.CreateUser();
        _smtp = new LoopbackSmtpServer();
        _smtp.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            if (!node.HasExited && node.Output.Contains("fail:", StringComparison.Ordinal))
            {
                output.WriteLine($"--- node {node.ProcessId} ---\n{node.Output}");
            }

            await node.DisposeAsync();
        }

        _smtp?.Dispose();
        _dovecot?.Dispose();
        if (_database.Length > 0)
        {
            TestDatabase.DropPostgresDatabase(_database);
        }
    }

    [TwoNodesFact]
    public async Task TwoNodeProcesses_ShareTheWork_AndTheDeskSurvivesOneKilledWithSigkill()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Step(string what) => output.WriteLine($"{watch.Elapsed.TotalSeconds,6:0.0} s  {what}");

        // The first node installs Hangfire's schema; the second finds it.
        var a = await StartNodeAsync();
        var b = await StartNodeAsync();
        Step("two nodes started");
        var adminA = await SignInAsync(a, MesaApiFactory.AdminEmail, MesaApiFactory.AdminPassword);
        await CreateUserAsync(adminA, UserRole.Technician, "tecnica.nodos@iescinoc.edu.co");
        await CreateUserAsync(adminA, UserRole.Requester, RequesterEmail);
        await CreateUserAsync(adminA, UserRole.Requester, "beto.ruiz@iescinoc.edu.co");
        var anaOnA = await SignInAsync(a, RequesterEmail, MesaApiFactory.DefaultPassword);
        var betoOnB = await SignInAsync(b, "beto.ruiz@iescinoc.edu.co", MesaApiFactory.DefaultPassword);

        // --- Both nodes alive ------------------------------------------------------------------------------------
        // The same mailbox, read by whichever node's job runs: 30 requests by mail.
        var mailed = await AppendRequestsAsync(0, 30);

        // 2 × 100 tickets at concurrency 8 on each node, at once.
        var onA = OpenManyAsync(anaOnA, "Nodo A", 100, 8);
        var onB = OpenManyAsync(betoOnB, "Nodo B", 100, 8);
        var opened = (await onA).Concat(await onB).ToList();
        Assert.Equal(200, opened.Count);
        Assert.Equal(200, opened.Select(t => t.Id).Distinct().Count());
        Step("200 tickets opened");

        // The reservation race, split across the nodes: one slot asked 20 times at once, exactly one wins.
        await ReservationRaceAsync(adminA, anaOnA, betoOnB);

        // Escalation on both nodes: 20 of the tickets are made due for every level (their thresholds set in the past,
        // the clock's own columns), and the recurring job raises them.
        var escalated = opened.Select(t => t.Id).Order().Take(20).ToArray();
        await MakeDueAsync(escalated);
        Step("reservation race done, 20 tickets due");

        await WaitUntilAsync("the 30 mailed requests became tickets", async () =>
            await WithDbAsync(db => db.InboxMessages.CountAsync(m => m.Status == InboxMessageStatus.TicketCreated)) == 30);
        Step("mailbox ingested");
        await WaitUntilAsync("every level of the 20 due tickets was raised", async () =>
            await WithDbAsync(db => db.Set<TicketHistoryEntry>().CountAsync(h => h.Kind == TicketHistoryKind.Escalated && escalated.Contains(h.TicketId))) >= 80);
        Step("levels raised");
        await WaitUntilAsync("the outbox was delivered", async () =>
            await WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.Status == OutboxEmailStatus.Pending)) == 0);
        Step("outbox delivered");

        // Each mailed message became exactly one ticket.
        var records = await WithDbAsync(db => db.InboxMessages.AsNoTracking().ToListAsync());
        Assert.Equal(30, records.Count);
        Assert.Equal(mailed.Order(), records.Select(r => (r.MessageId ?? string.Empty).Trim('<', '>')).Order());
        Assert.Equal(30, records.Select(r => r.TicketId).Distinct().Count());
        Assert.Equal(30, await WithDbAsync(db => db.Tickets.CountAsync(t => t.Source == TicketSource.Email)));

        // Numbers from the sequence: unique and without gaps, whichever node (or job) opened the ticket.
        var numbers = await WithDbAsync(db => db.Tickets.Select(t => t.Id).OrderBy(id => id).ToListAsync());
        Assert.Equal(230, numbers.Count);
        Assert.Equal(Enumerable.Range(numbers[0], 230), numbers);

        // Each level once per ticket, however many runs on however many nodes.
        var levels = await WithDbAsync(db => db.Set<TicketHistoryEntry>()
            .Where(h => h.Kind == TicketHistoryKind.Escalated)
            .Select(h => new { h.TicketId, h.Text })
            .ToListAsync());
        Assert.All(levels.GroupBy(l => (l.TicketId, l.Text)), level => Assert.Single(level));
        Assert.All(escalated, id => Assert.Equal(
            ["OwnMissed", "OwnNearing", "ResolveMissed", "ResolveNearing"],
            levels.Where(l => l.TicketId == id).Select(l => l.Text!).Order(StringComparer.Ordinal)));

        // Each e-mail delivered exactly once to the one SMTP listener.
        await Task.Delay(TimeSpan.FromSeconds(2)); // a late duplicate would show now
        var outbox = await WithDbAsync(db => db.OutboxEmails.AsNoTracking().Select(e => new { e.MessageId, e.Status }).ToListAsync());
        Assert.All(outbox, e => Assert.Equal(OutboxEmailStatus.Sent, e.Status));
        var received = Received();
        Assert.Equal(outbox.Select(e => Bare(e.MessageId)).Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));

        // The work really was shared: both processes ran jobs.
        var servers = await JobServersAsync();
        Assert.True(servers.Contains(a.ProcessId) && servers.Contains(b.ProcessId), $"jobs ran on {string.Join(", ", servers)}; nodes {a.ProcessId}, {b.ProcessId}");

        // --- Node B killed with SIGKILL in the middle of creations on both -----------------------------------------
        var sentBefore = outbox.Count;
        using var stop = new CancellationTokenSource();
        var acknowledgedByB = new ConcurrentBag<(int Id, string Title)>();
        var acknowledgedByA = new ConcurrentBag<(int Id, string Title)>();
        var burstA = KeepOpeningAsync(anaOnA, "Tras A", 6, acknowledgedByA, tolerateFailures: false, stop.Token);
        var burstB = KeepOpeningAsync(betoOnB, "Tras B", 6, acknowledgedByB, tolerateFailures: true, stop.Token);
        var mailedLate = await AppendRequestsAsync(30, 10);
        await WaitUntilAsync("node B acknowledged creations", () => Task.FromResult(acknowledgedByB.Count >= 20));
        await b.KillAsync();
        Step($"node B killed after acknowledging {acknowledgedByB.Count} creations");
        var atKill = acknowledgedByA.Count;
        await WaitUntilAsync("node A kept creating after the kill", () => Task.FromResult(acknowledgedByA.Count >= atKill + 40));
        await stop.CancelAsync();
        await burstA;
        await burstB;
        Step("creations stopped");

        // Nothing B acknowledged is lost; A's creations all succeeded and exist.
        var titles = await WithDbAsync(db => db.Tickets.Select(t => new { t.Id, t.Title }).ToDictionaryAsync(t => t.Id, t => t.Title));
        Assert.All(acknowledgedByB.Concat(acknowledgedByA), ack => Assert.Equal(ack.Title, titles.GetValueOrDefault(ack.Id)));
        output.WriteLine($"after the kill: B acknowledged {acknowledgedByB.Count}, A {acknowledgedByA.Count} ({acknowledgedByA.Count - atKill} after the kill)");

        // The survivor carries on with the mailbox (each message still once) and delivers what the dead node queued,
        // including any batch the dead node had claimed (the claim expires after Mail:ClaimSeconds).
        await WaitUntilAsync("the 10 late requests became tickets on the surviving node", async () =>
            await WithDbAsync(db => db.InboxMessages.CountAsync(m => m.Status == InboxMessageStatus.TicketCreated)) == 40);
        Step("late mail ingested by the survivor");
        await WaitUntilAsync("the outbox was delivered by the surviving node", async () =>
            await WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.Status != OutboxEmailStatus.Sent)) == 0);
        Step("outbox delivered by the survivor");
        records = await WithDbAsync(db => db.InboxMessages.AsNoTracking().ToListAsync());
        Assert.Equal(mailed.Concat(mailedLate).Order(), records.Select(r => (r.MessageId ?? string.Empty).Trim('<', '>')).Order());
        Assert.Equal(40, records.Select(r => r.TicketId).Distinct().Count());

        var allMail = await WithDbAsync(db => db.OutboxEmails.AsNoTracking().Select(e => e.MessageId).ToListAsync());
        Assert.True(allMail.Count > sentBefore, "the creations after the kill queued mail");
        received = Received();
        Assert.Equal(allMail.Select(Bare).Order(StringComparer.Ordinal), received.Distinct().Order(StringComparer.Ordinal));
        // At most the one message the dead node had handed to the SMTP server without recording it as sent.
        Assert.InRange(received.Count - received.Distinct().Count(), 0, 1);
    }

    private async Task<HostProcess> StartNodeAsync()
    {
        var node = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Mesa"] = _database,
            ["Auth:SigningKey"] = SigningKey,
            ["Auth:AccessTokenMinutes"] = "600",
            ["RateLimits:AuthPerAddressPerMinute"] = "100000",
            ["RateLimits:AuthPerAccountPerMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
            ["Jobs:Enabled"] = "true",
            ["Jobs:WorkerCount"] = "6",
            ["Jobs:PollIntervalSeconds"] = "1",
            ["Jobs:DistributedLockTimeoutSeconds"] = "10",
            ["Mail:Transport"] = "Smtp",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = _smtp!.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
            ["Mail:Smtp:TimeoutSeconds"] = "10",
            ["Mail:DeliveryBatchSize"] = "20",
            ["Mail:DeliveryCron"] = "*/2 * * * * *",
            ["Mail:ClaimSeconds"] = ClaimSeconds.ToString(CultureInfo.InvariantCulture),
            ["Inbox:Source"] = "Imap",
            ["Inbox:Imap:Host"] = _dovecot!.Host,
            ["Inbox:Imap:Port"] = _dovecot.Port.ToString(CultureInfo.InvariantCulture),
            ["Inbox:Imap:Security"] = "None",
            ["Inbox:Imap:UserName"] = _mailbox.User,
            ["Inbox:Imap:Password"] = _mailbox.Password,
            ["Inbox:PollCron"] = "*/3 * * * * *",
            ["Inbox:LeaseSeconds"] = "5",
            ["ServiceLevels:EscalationCron"] = "*/3 * * * * *",
        });
        _nodes.Add(node);
        return node;
    }

    private static async Task<List<(int Id, string Title)>> OpenManyAsync(TestUser user, string prefix, int count, int concurrency)
    {
        var next = -1;
        var opened = new ConcurrentBag<(int, string)>();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var title = $"{prefix} solicitud {i}";
                opened.Add((await OpenAsync(user, title, CancellationToken.None), title));
            }
        }));
        return [.. opened];
    }

    private static async Task KeepOpeningAsync(
        TestUser user, string prefix, int concurrency, ConcurrentBag<(int Id, string Title)> acknowledged, bool tolerateFailures, CancellationToken stop)
    {
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                var title = $"{prefix} solicitud {Interlocked.Increment(ref next)}";
                try
                {
                    acknowledged.Add((await OpenAsync(user, title, CancellationToken.None), title));
                }
                catch (HttpRequestException) when (tolerateFailures)
                {
                    // The node is gone: this creation was never acknowledged.
                    return;
                }
            }
        }));
    }

    private static async Task<int> OpenAsync(TestUser user, string title, CancellationToken cancellationToken)
    {
        using var response = await user.Client.PostAsJsonAsync("/api/v1/tickets", new
        {
            title,
            description = "Abierta en uno de los dos nodos de la mesa.",
            type = "Request",
        }, cancellationToken);
        Assert.Equal(HttpStatusCode.Created, (await response.EnsureSuccessAsync()).StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    private static async Task ReservationRaceAsync(TestUser admin, TestUser onA, TestUser onB)
    {
        var created = await admin.Client.PostAsJsonAsync("/api/v1/equipment", new { code = "VB-NODOS", name = "Videobeam Epson", materialTypeId = 2, location = "Oficina TIC" });
        var item = (await (await created.EnsureSuccessAsync()).JsonAsync()).GetProperty("id").GetGuid();
        // Tomorrow (or the day after) at 10:00 in Bogotá, whatever the hour of the run.
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(2).AddHours(15), TimeSpan.Zero);
        using var gate = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, 20).Select(async i =>
        {
            await gate.WaitAsync();
            var shift = TimeSpan.FromMinutes(i);
            return await (i % 2 == 0 ? onA : onB).Client.PostAsJsonAsync("/api/v1/reservations", new
            {
                itemId = item,
                start = start + shift,
                end = start.AddHours(2) + shift,
                purpose = $"Clase {i} en la sala 204",
            });
        }).ToList();
        gate.Release(20);
        var responses = await Task.WhenAll(requests);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var conflict in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await conflict.ProblemAsync(HttpStatusCode.Conflict, "reservations.overlap");
        }
    }

    /// <summary>Puts every threshold of the tickets' clocks an hour in the past, as if they had waited that long unanswered.</summary>
    private async Task MakeDueAsync(int[] ticketIds)
    {
        var past = DateTimeOffset.UtcNow.AddHours(-1).UtcTicks;
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            UPDATE "Tickets" SET "SlaOwnWarnAt" = @past, "SlaOwnDueAt" = @past, "SlaResolveWarnAt" = @past,
                "SlaResolveDueAt" = @past, "SlaNextEscalationAt" = @past
            WHERE "Id" = ANY(@ids)
            """,
            connection);
        command.Parameters.AddWithValue("past", past);
        command.Parameters.AddWithValue("ids", ticketIds);
        Assert.Equal(ticketIds.Length, await command.ExecuteNonQueryAsync());
    }

    /// <summary>The processes that ran background jobs (from Hangfire's own record of each job's processing state).</summary>
    private async Task<HashSet<int>> JobServersAsync()
    {
        var servers = new HashSet<int>();
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "data"::text FROM hangfire."state" WHERE "name" = 'Processing'""", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var serverId = JsonDocument.Parse(reader.GetString(0)).RootElement.GetProperty("ServerId").GetString() ?? string.Empty;
            // ServerName is "<machine>:<process id>"; Hangfire appends its own ":<guid>".
            var parts = serverId.Split(':');
            if (parts.Length >= 2 && int.TryParse(parts[^2], CultureInfo.InvariantCulture, out var pid))
            {
                servers.Add(pid);
            }
        }

        return servers;
    }

    private async Task<List<string>> AppendRequestsAsync(int first, int count)
    {
        var ids = new List<string>();
        using var imap = new ImapClient();
        await imap.ConnectAsync(_dovecot!.Host, _dovecot.Port, SecureSocketOptions.None);
        await imap.AuthenticateAsync(_mailbox.User, _mailbox.Password);
        await imap.Inbox.OpenAsync(FolderAccess.ReadWrite);
        for (var i = first; i < first + count; i++)
        {
            var id = $"nodos-{i}-{Guid.NewGuid():N}@mail.test";
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Mail.Build(RequesterEmail, $"Solicitud de software {i}", Mail.CompleteBody, id)));
            await imap.Inbox.AppendAsync(new AppendRequest(await MimeMessage.LoadAsync(stream)));
            ids.Add(id);
        }

        await imap.DisconnectAsync(quit: true);
        return ids;
    }

    private List<string> Received() => [.. _smtp!.Received.Select(m => Bare(m.MessageId ?? string.Empty))];

    private static string Bare(string messageId) => messageId.Trim().Trim('<', '>');

    private async Task<T> WithDbAsync<T>(Func<MesaDbContext, Task<T>> work)
    {
        var options = new DbContextOptionsBuilder<MesaDbContext>()
            .UseNpgsql(_database, npgsql => npgsql.MigrationsAssembly(DatabaseOptions.PostgresMigrationsAssembly))
            .Options;
        await using var db = new MesaDbContext(options);
        return await work(db);
    }

    private async Task WaitUntilAsync(string what, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                foreach (var node in _nodes)
                {
                    output.WriteLine($"--- node {node.ProcessId} ---\n{node.Output}");
                }

                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(250);
        }
    }

    private static async Task<TestUser> SignInAsync(HostProcess node, string email, string password)
    {
        var client = new HttpClient { BaseAddress = new Uri(node.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        var token = await (await response.EnsureSuccessAsync()).JsonAsync();
        var access = token.GetProperty("access_token").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        var me = await (await (await client.GetAsync("/api/v1/me")).EnsureSuccessAsync()).JsonAsync();
        return new TestUser(
            Guid.Parse(me.GetProperty("id").GetString()!),
            email,
            Enum.Parse<UserRole>(me.GetProperty("role").GetString()!),
            client,
            access,
            token.GetProperty("refresh_token").GetString()!);
    }

    private static async Task CreateUserAsync(TestUser admin, UserRole role, string email)
    {
        var response = await admin.Client.PostAsJsonAsync("/api/v1/users", new
        {
            email,
            fullName = $"{role} {email.Split('@')[0]}",
            department = "Facultad de Ingeniería",
            phone = "3001234567",
            role = role.ToString(),
            language = "es",
            password = MesaApiFactory.DefaultPassword,
        }, TestJson.Options);
        await response.EnsureSuccessAsync();
    }
}

/// <summary>
/// Needs a PostgreSQL server and dovecot. Skipped with the reason when either is missing locally; never under CI=true,
/// where .ci/services.sh provides both and a missing one must fail the run.
/// </summary>
public sealed class TwoNodesFactAttribute : FactAttribute
{
    public TwoNodesFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            return;
        }

        if (TestDatabase.PostgresUnavailableReason is { } reason)
        {
            Skip = reason;
        }
        else if (DovecotServer.FindBinary() is null)
        {
            Skip = DovecotServer.InstallHint;
        }
    }
}
