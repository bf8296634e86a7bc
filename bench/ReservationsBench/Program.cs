// Equipment reservations at scale: seeds 2,000 items and 200,000 reservations (100 per item over a year, none
// overlapping; past ones mostly picked up and returned — 5 % never picked up (no-shows), 8 % returned late by
// 10 minutes to 5 hours — future ones reserved), then measures
//   0. the equipment report (issue #12: most reserved material types, utilisation per item, no-shows, late returns)
//      for the last full month, that month for one material type, and the last year: median and max of 2 rounds;
//   1. availability of every item for a one-week window (all types, and one material type): p50/p95/max;
//   2. bookings per second at concurrency 16, each worker booking its own items (distinct items, no conflicts),
//      through the real command pipeline (validation, write turn, overlap check, trigger, notification + e-mail).
// Usage: dotnet run -c Release --project bench/ReservationsBench -- [items=2000] [reservations=200000] [queries=200] [bookings=4000]
using System.Diagnostics;
using System.Globalization;
using Mediator;
using MesaServicios.Application;
using MesaServicios.Application.Common.Behaviors;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Reporting;
using MesaServicios.Application.Reporting.Equipment;
using MesaServicios.Application.Reservations.Availability;
using MesaServicios.Application.Reservations.BookReservation;
using MesaServicios.Application.Users.CreateUser;
using MesaServicios.Domain.Reporting;
using MesaServicios.Domain.Reservations;
using MesaServicios.Domain.Users;
using MesaServicios.Infrastructure;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var itemCount = Arg(0, 2000);
var reservationCount = Arg(1, 200_000);
var queries = Arg(2, 200);
var bookings = Arg(3, 4000);
const int Concurrency = 16;

var data = Path.Combine(Path.GetTempPath(), "mesa-bench", Guid.NewGuid().ToString("N"));
Console.WriteLine($"Reservations benchmark: {itemCount} items, {reservationCount} reservations ({Environment.ProcessorCount} cores, .NET {Environment.Version})");
using var host = BuildHost(data);
await host.Services.InitializeDatabaseAsync();
var now = DateTimeOffset.UtcNow;

// ---- seed ------------------------------------------------------------------------------------------------
var seedWatch = Stopwatch.StartNew();
var items = new List<Guid>();
await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<MesaDbContext>();
    for (var i = 0; i < itemCount; i++)
    {
        var item = EquipmentItem.Create($"BN-{i:D5}", $"Equipo {i}", (i % 7) + 1, "Oficina TIC", null, now);
        db.EquipmentItems.Add(item);
        items.Add(item.Id);
    }

    await db.SaveChangesAsync();
}

var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(data, "mesa.db") }.ToString();
await using (var connection = new SqliteConnection(connectionString))
{
    await connection.OpenAsync();
    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
    var insert = connection.CreateCommand();
    insert.Transaction = transaction;
    insert.CommandText = """
        INSERT INTO "Reservations" ("Id", "ItemId", "HolderId", "BookedById", "StartsAt", "EndsAt", "Purpose", "Status", "CheckedOutAt", "ReturnedAt", "CreatedAt", "UpdatedAt", "Version")
        VALUES ($id, $item, $holder, $holder, $start, $end, 'Clase', $status, $out, $returned, $created, $created, 1)
        """;
    var id = insert.Parameters.Add("$id", SqliteType.Text);
    var itemParameter = insert.Parameters.Add("$item", SqliteType.Text);
    var holder = insert.Parameters.Add("$holder", SqliteType.Text);
    var start = insert.Parameters.Add("$start", SqliteType.Integer);
    var end = insert.Parameters.Add("$end", SqliteType.Integer);
    var status = insert.Parameters.Add("$status", SqliteType.Integer);
    var checkedOut = insert.Parameters.Add("$out", SqliteType.Integer);
    var returned = insert.Parameters.Add("$returned", SqliteType.Integer);
    var created = insert.Parameters.Add("$created", SqliteType.Integer);
    // Its own random stream, so the windows (and the availability figures) are those of the seed without outcomes.
    var outcomes = new Random(43);
    created.Value = now.UtcTicks;
    var random = new Random(42);
    var perItem = reservationCount / itemCount;
    var first = now.AddDays(-180);
    foreach (var item in items)
    {
        var cursor = first.AddHours(random.Next(0, 24));
        itemParameter.Value = item.ToString().ToUpperInvariant();
        for (var r = 0; r < perItem; r++)
        {
            var length = TimeSpan.FromHours(random.Next(1, 9));
            id.Value = Guid.CreateVersion7().ToString().ToUpperInvariant();
            holder.Value = Guid.CreateVersion7().ToString().ToUpperInvariant();
            start.Value = cursor.UtcTicks;
            end.Value = (cursor + length).UtcTicks;
            var past = cursor + length < now;
            var roll = outcomes.NextDouble();
            var outcome = !past ? ReservationStatus.Reserved : roll < 0.05 ? ReservationStatus.NoShow : ReservationStatus.Returned;
            status.Value = (int)outcome;
            checkedOut.Value = outcome == ReservationStatus.Returned ? cursor.AddMinutes(outcomes.Next(0, 15)).UtcTicks : DBNull.Value;
            returned.Value = outcome != ReservationStatus.Returned ? DBNull.Value
                : roll < 0.13 ? (cursor + length).AddMinutes(outcomes.Next(10, 300)).UtcTicks
                : (cursor + length).AddMinutes(-outcomes.Next(0, 30)).UtcTicks;
            await insert.ExecuteNonQueryAsync();
            cursor += length + TimeSpan.FromHours(random.Next(24, 100)); // a booking every 1–4 days
        }
    }

    await transaction.CommitAsync();
    await using var analyze = connection.CreateCommand();
    analyze.CommandText = "ANALYZE;";
    await analyze.ExecuteNonQueryAsync();
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded in {seedWatch.Elapsed.TotalSeconds:F1} s; load average {(File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown")}"));

// ---- the equipment report (issue #12) ---------------------------------------------------------------------------
{
    var bogota = TimeZoneInfo.FindSystemTimeZoneById("America/Bogota");
    var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, bogota).DateTime);
    var monthStart = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
    var month = new ReportFilter(monthStart, monthStart.AddMonths(1).AddDays(-1));
    var year = new ReportFilter(today.AddDays(-364), today);
    foreach (var (label, filter, type) in new (string, ReportFilter, int?)[] { ("month", month, null), ("month, material type 2", month, 2), ("year", year, null) })
    {
        var times = new List<double>();
        var cpu = new List<double>();
        EquipmentReport? report = null;
        for (var round = 0; round <= 2; round++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var cpuBefore = ProcessCpu();
            var watch = Stopwatch.StartNew();
            report = await sender.Send(new GetEquipmentReportQuery(filter, type));
            if (round > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
                cpu.Add(ProcessCpu() - cpuBefore);
            }
        }

        // Where the time goes: the store's read alone.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var period = ReportPeriod.Of(filter.From!.Value, filter.To!.Value, bogota);
            var watch = Stopwatch.StartNew();
            var read = await scope.ServiceProvider.GetRequiredService<IEquipmentReportingStore>().BookingsAsync(period.Start, period.End, type, default);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  read ({label}): {read.Count:N0} bookings ({read.Listed.Count:N0} in full) of {read.Items.Count:N0} items in {watch.Elapsed.TotalMilliseconds:F0} ms"));
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"equipment report ({label}): median {times[times.Count / 2]:F0} ms, max {times[^1]:F0} ms, CPU {cpu.Min():F0} ms; {report!.MaterialTypes.Sum(t => t.Reservations):N0} reservations, {report.Items.Count:N0} items, {report.NoShows.Count:N0} no-shows, {report.LateReturns.Count:N0} late returns"));
    }
}

// ---- availability -------------------------------------------------------------------------------------------
foreach (var materialType in new int?[] { null, 2 })
{
    var timings = new List<double>();
    var found = 0;
    var random = new Random(7);
    for (var q = 0; q < queries + 10; q++)
    {
        var from = now.AddDays(random.Next(-150, 150)).AddHours(random.Next(0, 24));
        await using var scope = host.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var watch = Stopwatch.StartNew();
        var free = await sender.Send(new GetAvailabilityQuery(materialType, from, from.AddDays(7)));
        watch.Stop();
        if (q >= 10)
        {
            timings.Add(watch.Elapsed.TotalMilliseconds);
            found += free.Count;
        }
    }

    timings.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"availability, one week, {(materialType is null ? "all types" : $"material type {materialType}")}: {queries} queries, p50 {Percentile(timings, 0.50):F1} ms, p95 {Percentile(timings, 0.95):F1} ms, max {timings[^1]:F1} ms, {found / queries} free items on average"));
}

// ---- bookings at concurrency 16 -----------------------------------------------------------------------------
var people = new List<Guid>();
for (var p = 0; p < Concurrency; p++)
{
    await using var scope = host.Services.CreateAsyncScope();
    people.Add((await scope.ServiceProvider.GetRequiredService<ISender>()
        .Send(new CreateUserCommand($"bench{p}@iescinoc.edu.co", $"Persona {p}", "Bench", null, UserRole.Requester, "es", "Clave-Segura-2026"))).Id);
}

var perWorker = bookings / Concurrency;
var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
var failures = 0;
var total = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(worker => Task.Run(async () =>
{
    BenchUser.Current = people[worker];
    for (var b = 0; b < perWorker; b++)
    {
        // Distinct items per worker; a window after the seeded year, one after the other per item.
        var item = items[(worker * (items.Count / Concurrency)) + (b % (items.Count / Concurrency))];
        var from = now.AddDays(190).AddHours(3 * (b / (items.Count / Concurrency)));
        await using var scope = host.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var watch = Stopwatch.StartNew();
        try
        {
            await sender.Send(new BookReservationCommand(item, from, from.AddHours(2), "Clase de prueba"));
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }
        catch (Exception exception)
        {
            if (Interlocked.Increment(ref failures) <= 3)
            {
                Console.WriteLine($"booking failed: {exception.Message}");
            }
        }
    }
})));
total.Stop();
var sorted = latencies.OrderBy(l => l).ToList();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"bookings, concurrency {Concurrency}, distinct items: {sorted.Count} in {total.Elapsed.TotalSeconds:F2} s = {sorted.Count / total.Elapsed.TotalSeconds:F0}/s, p50 {Percentile(sorted, 0.50):F1} ms, p95 {Percentile(sorted, 0.95):F1} ms, {failures} failed"));

SqliteConnection.ClearAllPools();
host.Dispose();
Directory.Delete(data, recursive: true);

// The processor time the process has used so far (every thread), in ms: a loaded machine inflates it far less than the wall time.
static double ProcessCpu()
{
    using var process = Process.GetCurrentProcess();
    return process.TotalProcessorTime.TotalMilliseconds;
}

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static IHost BuildHost(string data)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage:DataDirectory"] = data,
        ["Jobs:Enabled"] = "false",
        ["Reservations:MaxDaysAhead"] = "400",
    });
    builder.Services.AddApplication();
    builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
    builder.Services.AddScoped<ICurrentUser, BenchUser>();
    builder.Services.AddMediator(options =>
    {
        options.ServiceLifetime = ServiceLifetime.Scoped;
        options.PipelineBehaviors = [typeof(ValidationBehavior<,>), typeof(TransactionBehavior<,>)];
    });
    return builder.Build();
}

/// <summary>The person each worker books as (the host's ICurrentUser comes from the HTTP request).</summary>
internal sealed class BenchUser : ICurrentUser
{
    private static readonly AsyncLocal<Guid?> User = new();

    public static Guid? Current
    {
        get => User.Value;
        set => User.Value = value;
    }

    public Guid? UserId => User.Value;

    public UserRole? Role => User.Value is null ? null : UserRole.Requester;

    public Guid? SessionId => null;

    public string Language => "es";

    public string? ClientAddress => null;
}
