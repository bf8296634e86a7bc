// Load generator for the Tickets API: seeds a database through the public API, then measures
//   1. POST /api/v1/tickets throughput at a given concurrency;
//   2. GET /api/v1/me/tickets latency (p50/p95/p99) at concurrency 1 and at the given concurrency.
// It talks HTTP to a running host (see bench/run-tickets-bench.sh), so it measures what a client sees.
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

var options = Options.Parse(args);
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(30) };
// --base-url may list several nodes of one desk (comma-separated): requests go to them in turn.
var nodes = options.BaseUrl.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
    .Select(url => new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) })
    .ToList();
var http = nodes[0];

var adminToken = await SignIn(http, options.AdminEmail, options.AdminPassword);
var requesters = new List<string>();
for (var i = 0; i < options.Requesters; i++)
{
    var email = $"bench{i}.{Guid.NewGuid():N}"[..20] + "@iescinoc.edu.co";
    using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users")
    {
        Content = JsonContent.Create(new { email, fullName = $"Solicitante {i}", department = "Rectoría", phone = "3000000000", role = "Requester", language = "es", password = "Clave-Segura-2026" }),
    };
    create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
    (await http.SendAsync(create)).EnsureSuccessStatusCode();
    requesters.Add(await SignIn(http, email, "Clave-Segura-2026"));
}

// The desk: technicians (half of them reading in English) who, with the administrator, hear of every new ticket.
for (var i = 0; i < options.Technicians; i++)
{
    var email = $"tech{i}.{Guid.NewGuid():N}"[..20] + "@iescinoc.edu.co";
    using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users")
    {
        Content = JsonContent.Create(new { email, fullName = $"Técnico {i}", department = "Oficina TIC", phone = "3000000000", role = "Technician", language = i % 2 == 0 ? "es" : "en", password = "Clave-Segura-2026" }),
    };
    create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
    (await http.SendAsync(create)).EnsureSuccessStatusCode();
}

Console.WriteLine($"# Tickets benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, concurrency {options.Concurrency}, desk of {options.Technicians} technicians + the administrator, {nodes.Count} node(s)");
if (options.Seed > 0)
{
    var seeded = await CreateTickets(nodes, requesters, options.Seed, options.Concurrency);
    Console.WriteLine($"seed: {options.Seed} tickets in {seeded.Elapsed.TotalSeconds:0.0} s = {options.Seed / seeded.Elapsed.TotalSeconds:0} creations/s ({seeded.Failures} failures)");
}

// A desk with a history has delivered its past mail long ago: the timed phase starts with an empty outbox. The real
// delivery job drains the seed's mail (untimed, bounded); the count is read from the database file, read-only.
var outbox = options.OutboxDatabase is null ? null : new OutboxWatch(options.OutboxDatabase);
if (outbox is not null && options.Seed > 0)
{
    var drained = await outbox.WaitEmptyAsync(options.DrainTimeout);
    Console.WriteLine($"seed mail: {drained.Delivered} messages delivered in {drained.Elapsed.TotalSeconds:0.0} s after the seed = {drained.Delivered / Math.Max(0.001, drained.Elapsed.TotalSeconds):0} messages/s" +
        (drained.Pending > 0 ? $"; NOT drained within {options.DrainTimeout} s: {drained.Pending} still waiting" : "; outbox empty"));
}

var sentBefore = outbox?.Counts().Sent ?? 0;
var measured = await CreateTickets(nodes, requesters, options.Create, options.Concurrency);
Console.WriteLine($"POST /api/v1/tickets: {options.Create} in {measured.Elapsed.TotalSeconds:0.00} s = {options.Create / measured.Elapsed.TotalSeconds:0} creations/s at concurrency {options.Concurrency}; " +
    $"latency p50 {Percentile(measured.Latencies, 50):0.0} ms, p95 {Percentile(measured.Latencies, 95):0.0} ms; failures {measured.Failures}");
if (outbox is not null)
{
    // The price paid by mail: how long after the last timed creation the outbox is empty again (the mail lag).
    var lag = await outbox.WaitEmptyAsync(options.DrainTimeout);
    var delivered = outbox.Counts().Sent - sentBefore;
    var window = measured.Elapsed + lag.Elapsed;
    Console.WriteLine($"mail of the timed phase: {delivered} messages delivered; mail lag {lag.Elapsed.TotalSeconds:0.0} s after the last creation" +
        (lag.Pending > 0 ? $" (NOT drained within {options.DrainTimeout} s: {lag.Pending} still waiting)" : string.Empty) +
        $"; delivery {delivered / window.TotalSeconds:0} messages/s over the timed phase and the lag ({window.TotalSeconds:0.0} s)");
}

if (options.Probe > 0)
{
    // The floor of any authenticated request (Kestrel, JWT, session check, JSON): GET /api/v1/me.
    var probe = await ReadMyTickets(nodes, requesters, options.Probe, options.Concurrency, "/api/v1/me");
    Console.WriteLine($"GET /api/v1/me at concurrency {options.Concurrency}: {options.Probe} requests, {options.Probe / probe.Elapsed.TotalSeconds:0} req/s, " +
        $"p50 {Percentile(probe.Latencies, 50):0.00} ms, p95 {Percentile(probe.Latencies, 95):0.00} ms; failures {probe.Failures}");
}

foreach (var concurrency in new[] { 1, options.Concurrency })
{
    var reads = await ReadMyTickets(nodes, requesters, options.Reads, concurrency);
    Console.WriteLine($"GET /api/v1/me/tickets (page 1, 20 rows) at concurrency {concurrency}: {options.Reads} requests, " +
        $"{options.Reads / reads.Elapsed.TotalSeconds:0} req/s, p50 {Percentile(reads.Latencies, 50):0.00} ms, p95 {Percentile(reads.Latencies, 95):0.00} ms, p99 {Percentile(reads.Latencies, 99):0.00} ms; failures {reads.Failures}");
}

return 0;

static async Task<string> SignIn(HttpClient http, string email, string password)
{
    var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
    response.EnsureSuccessStatusCode();
    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
    return body.GetProperty("access_token").GetString()!;
}

static async Task<RunResult> CreateTickets(IReadOnlyList<HttpClient> nodes, IReadOnlyList<string> tokens, int count, int concurrency)
{
    var latencies = new double[count];
    var next = -1;
    var failures = 0;
    var urgencies = new[] { "VeryLow", "Low", "Medium", "High", "VeryHigh" };
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            // Bodies written by hand (no serializer): the generator shares the server's two cores and must stay light.
            var body = $$"""{"title":"El equipo {{i}} no enciende","description":"Desde esta mañana el equipo de la oficina {{i % 300}} no enciende; ya revisé el cable de poder.","type":"{{(i % 3 == 0 ? "Request" : "Incident")}}","urgency":"{{urgencies[i % urgencies.Length]}}"}""";
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets")
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[i % tokens.Count]);
            var started = Stopwatch.GetTimestamp();
            using var response = await nodes[i % nodes.Count].SendAsync(request);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                if (Interlocked.Increment(ref failures) <= 3)
                {
                    Console.Error.WriteLine($"POST failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }
    }));
    return new RunResult(clock.Elapsed, latencies, failures);
}

static async Task<RunResult> ReadMyTickets(IReadOnlyList<HttpClient> nodes, IReadOnlyList<string> tokens, int count, int concurrency, string path = "/api/v1/me/tickets?page=1&pageSize=20")
{
    var latencies = new double[count];
    var next = -1;
    var failures = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[i % tokens.Count]);
            var started = Stopwatch.GetTimestamp();
            using var response = await nodes[i % nodes.Count].SendAsync(request, HttpCompletionOption.ResponseContentRead);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        }
    }));
    return new RunResult(clock.Elapsed, latencies, failures);
}

static double Percentile(double[] values, int percentile)
{
    var sorted = values.Order().ToArray();
    var index = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
    return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
}

internal sealed record RunResult(TimeSpan Elapsed, double[] Latencies, int Failures);

internal sealed record Drain(TimeSpan Elapsed, long Delivered, long Pending);

/// <summary>Reads the outbox's counts from the host's SQLite file (read-only; WAL readers never wait for the writer).</summary>
internal sealed class OutboxWatch(string path)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();

    public (long Sent, long Pending) Counts()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM OutboxEmails WHERE Status = 'Sent'), (SELECT count(*) FROM OutboxEmails WHERE Status = 'Pending')";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Waits until no mail is waiting (polling twice a second), at most <paramref name="timeoutSeconds"/>.</summary>
    public async Task<Drain> WaitEmptyAsync(int timeoutSeconds)
    {
        var clock = Stopwatch.StartNew();
        var (sentAtStart, pending) = Counts();
        var sent = sentAtStart;
        while (pending > 0 && clock.Elapsed.TotalSeconds < timeoutSeconds)
        {
            await Task.Delay(500);
            (sent, pending) = Counts();
        }

        return new Drain(clock.Elapsed, sent - sentAtStart, pending);
    }
}

internal sealed record Options(string BaseUrl, string AdminEmail, string AdminPassword, int Requesters, int Seed, int Create, int Reads, int Concurrency, int Probe, int Technicians, string? OutboxDatabase, int DrainTimeout)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var index = Array.IndexOf(args, "--" + name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        return new Options(
            Get("base-url", "http://127.0.0.1:5090"),
            Get("admin-email", "admin@iescinoc.edu.co"),
            Get("admin-password", "Mesa-Bench-Raiz-2026"),
            int.Parse(Get("requesters", "16"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Get("seed", "100000"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Get("create", "10000"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Get("reads", "5000"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Get("concurrency", "16"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Get("probe", "0"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Get("technicians", "5"), System.Globalization.CultureInfo.InvariantCulture),
            Get("outbox-db", string.Empty) is { Length: > 0 } database ? database : null,
            int.Parse(Get("drain-timeout", "600"), System.Globalization.CultureInfo.InvariantCulture));
    }
}
