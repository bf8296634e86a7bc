// "My tickets" at 1,000,000 tickets on PostgreSQL. A fresh database on the given server, migrated by the desk itself;
// 5,000 requesters; then the tickets written by the server in one INSERT … SELECT over generate_series (no client
// round trips: a million rows in well under a minute on a small machine), spread over a year, a requester's ~200
// each. Then GET /api/v1/me/tickets (page 1 of 20) through the mediator, in process, as ReportingBench does on SQLite:
// concurrency 1 and 16, p50/p95/p99. Columns the generator does not know (added later) get 0, '' or false.
//
// Usage: dotnet run -c Release --project bench/PostgresScale -- "Host=127.0.0.1;Port=54350;Username=postgres" [tickets=1000000] [reads=2000]
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Mediator;
using MesaServicios.Application;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Tickets.ListMyTickets;
using MesaServicios.Application.Users;
using MesaServicios.Domain.Users;
using MesaServicios.Infrastructure;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

var server = args.Length > 0 ? args[0] : "Host=127.0.0.1;Port=54350;Username=postgres";
var ticketCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
var reads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2_000;
var name = "mesa_scale_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString();
var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 64 }.ToString();
await ExecAsync(admin, $"CREATE DATABASE \"{name}\"");
try
{
    var now = DateTimeOffset.UtcNow;
    using var host = BuildHost(connectionString, Path.Combine(Path.GetTempPath(), "mesa-bench", name));
    await host.Services.InitializeDatabaseAsync();
    Console.WriteLine($"PostgreSQL scale benchmark: {ticketCount:N0} tickets, {Environment.ProcessorCount} cores, load average {LoadAverage()}");

    List<Guid> requesters;
    await using (var scope = host.Services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<IUsersDbContext>();
        for (var i = 0; i < 5_000; i++)
        {
            db.Users.Add(User.Create($"solicitante{i}@iescinoc.edu.co", $"Solicitante {i}", "Facultad de Ingeniería", "3001234567", UserRole.Requester, "es", now));
        }

        await db.SaveChangesAsync(default);
        requesters = [.. db.Users.Where(u => u.Role == UserRole.Requester).Select(u => u.Id)];
    }

    var watch = Stopwatch.StartNew();
    await GenerateAsync(connectionString, requesters, ticketCount, now);
    var generated = watch.Elapsed;
    var size = await ScalarAsync(connectionString, $"SELECT pg_size_pretty(pg_database_size('{name}'))");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generate {ticketCount:N0} tickets in {generated.TotalSeconds:F1} s ({ticketCount / generated.TotalSeconds:F0}/s) with VACUUM ANALYZE; database {size}"));

    foreach (var concurrency in new[] { 1, 16 })
    {
        var (p50, p95, p99, rate) = await TimeAsync(host.Services, requesters, reads, concurrency);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"my tickets (page 1 of 20), concurrency {concurrency}: {reads} requests, {rate:F0}/s, p50 {p50:F2} ms, p95 {p95:F2} ms, p99 {p99:F2} ms; load average {LoadAverage()}"));
    }
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await ExecAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
}

static async Task GenerateAsync(string connectionString, List<Guid> requesters, int count, DateTimeOffset now)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    var columns = new List<(string Name, string Type)>();
    await using (var read = new NpgsqlCommand(
        """SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'Tickets' AND is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO'""",
        connection))
    await using (var reader = await read.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }
    }

    // A year back from now, newest last; g is the row number.
    var created = "(@start + g::bigint * (@span / @count))";
    var known = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Title"] = "'El equipo ' || g || ' de la oficina ' || (g % 300) || ' no enciende'",
        ["Description"] = "'Desde esta mañana el equipo no enciende; ya revisé el cable de poder.'",
        ["Type"] = "1 + g % 2",
        ["Status"] = "(ARRAY[1, 2, 4, 5, 6, 6, 6, 6, 6, 6])[1 + g % 10]",
        ["Urgency"] = "1 + g % 5",
        ["Impact"] = "3",
        ["Priority"] = "1 + (g / 5) % 5",
        ["Source"] = "1 + (g % 20 = 0)::int * 2",
        ["RequesterId"] = "(@requesters)[(1 + (g::bigint * 7919) % @people)::int]",
        ["CreatedAt"] = created,
        ["UpdatedAt"] = created,
        ["Version"] = "1",
        ["TimelineSequence"] = "1",
        ["SlaOwnTargetMinutes"] = "600",
        ["SlaResolveTargetMinutes"] = "3000",
        ["SlaWarningPercent"] = "75",
        ["SlaOwnWarnAt"] = $"{created} + 4500 * 600000000::bigint",
        ["SlaOwnDueAt"] = $"{created} + 6000 * 600000000::bigint",
        ["SlaResolveWarnAt"] = $"{created} + 22500 * 600000000::bigint",
        ["SlaResolveDueAt"] = $"{created} + 30000 * 600000000::bigint",
    };
    var names = new StringBuilder();
    var values = new StringBuilder();
    foreach (var (column, type) in columns)
    {
        names.Append(names.Length == 0 ? string.Empty : ", ").Append('"').Append(column).Append('"');
        values.Append(values.Length == 0 ? string.Empty : ", ").Append(known.GetValueOrDefault(column) ?? type switch
        {
            "boolean" => "false",
            "text" or "character varying" => "''",
            "uuid" => "'00000000-0000-0000-0000-000000000000'",
            _ => "0",
        });
    }

    await using (var insert = new NpgsqlCommand($"""INSERT INTO "Tickets" ({names}) SELECT {values} FROM generate_series(1, @count) AS g""", connection))
    {
        insert.CommandTimeout = 600;
        insert.Parameters.AddWithValue("start", now.AddDays(-365).UtcTicks);
        insert.Parameters.AddWithValue("span", TimeSpan.FromDays(365).Ticks);
        insert.Parameters.AddWithValue("count", count);
        insert.Parameters.AddWithValue("people", requesters.Count);
        insert.Parameters.AddWithValue("requesters", requesters.ToArray());
        await insert.ExecuteNonQueryAsync();
    }

    await using var analyze = new NpgsqlCommand("""VACUUM ANALYZE "Tickets" """, connection) { CommandTimeout = 600 };
    await analyze.ExecuteNonQueryAsync();
}

static async Task<(double P50, double P95, double P99, double Rate)> TimeAsync(IServiceProvider services, IReadOnlyList<Guid> users, int count, int concurrency)
{
    // Warm-up: the plan cache and the pool.
    for (var i = 0; i < 50; i++)
    {
        await ListAsync(services, users[i]);
    }

    var latencies = new double[count];
    var next = -1;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            var started = Stopwatch.GetTimestamp();
            await ListAsync(services, users[(i * 7) % users.Count]);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
    }));
    var elapsed = clock.Elapsed;
    Array.Sort(latencies);
    return (latencies[count / 2], latencies[(int)(count * 0.95)], latencies[(int)(count * 0.99)], count / elapsed.TotalSeconds);
}

static async Task ListAsync(IServiceProvider services, Guid user)
{
    await using var scope = services.CreateAsyncScope();
    scope.ServiceProvider.GetRequiredService<BenchUser>().Act(user, UserRole.Requester);
    var page = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ListMyTicketsQuery(1, 20));
    if (page.Items.Count == 0)
    {
        throw new InvalidOperationException("A requester without tickets: the generator did not spread them.");
    }
}

static IHost BuildHost(string connectionString, string data)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage:DataDirectory"] = data,
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Mesa"] = connectionString,
        ["Jobs:Enabled"] = "false",
    });
    builder.Services.AddScoped<BenchUser>();
    builder.Services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<BenchUser>());
    builder.Services.AddApplication();
    builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
    builder.Services.AddMediator(options => options.ServiceLifetime = ServiceLifetime.Scoped);
    return builder.Build();
}

static async Task ExecAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

static async Task<string> ScalarAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? string.Empty;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

/// <summary>Who the measured request acts as.</summary>
internal sealed class BenchUser : ICurrentUser
{
    public Guid? UserId { get; private set; }

    public UserRole? Role { get; private set; }

    public Guid? SessionId => null;

    public string Language => "es";

    public string? ClientAddress => null;

    public void Act(Guid id, UserRole role)
    {
        UserId = id;
        Role = role;
    }
}
