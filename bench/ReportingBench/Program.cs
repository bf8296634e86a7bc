// Reporting at scale: a generator that writes a realistic year of tickets straight into SQLite (prepared INSERTs in
// one transaction, minutes not hours), then a timing of every report over it, of "my tickets" (concurrency 1) and of
// the desk's ticket search. Everything runs in process through the mediator (no HTTP), on the migrated schema.
//
// The year: 1 Dec 2025 – 30 Nov 2026, weekdays mostly, working hours mostly; 5,000 requesters in 25 departments;
// 8 technicians; 25 leaf categories with a long tail (10 % uncategorised); titles from per-category phrasings;
// urgencies 5/20/45/22/8 %; sources portal 75 %, e-mail 15 %, phone 10 %; owned within minutes to hours, solved within
// hours to days (log-normal); tickets older than two weeks mostly closed, recent ones open, in progress or pending.
// Every solved ticket has its proposed solution; one in twenty had a first solution rejected (and was reopened by it).
// The clock is fixed at Friday 27 Nov 2026, 12:00 in Bogotá.
//
// Usage: dotnet run -c Release --project bench/ReportingBench -- [tickets=1000000] [rounds=7] [keep=path-to-keep-the-database] [reads: only my tickets and search | only=TEXT: only the reports whose name contains TEXT]
// ("only=(" times every report — month, year, filtered month — and skips the reads.) Each report prints its median and
// max wall time and its median processor time; a report whose warm-up takes over 5 s is timed once, so a run stays bounded.
// On SQLite the reports answer from the column store (ADR 0017): it is loaded cold once first (time, managed heap and
// RSS growth printed) and its catch-up timed with nothing new and after 1,000 tickets changed by hand SQL; every report
// is then timed with the store warm, as a running desk has it.
using System.Diagnostics;
using System.Globalization;
using Mediator;
using MesaServicios.Application;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Reporting;
using MesaServicios.Application.Reporting.Backlog;
using MesaServicios.Application.Reporting.ExportTickets;
using MesaServicios.Application.Reporting.RejectedSolutions;
using MesaServicios.Application.Reporting.ReopenedTickets;
using MesaServicios.Application.Reporting.ServiceLevelCompliance;
using MesaServicios.Application.Reporting.ServiceTimes;
using MesaServicios.Application.Reporting.TicketCounts;
using MesaServicios.Application.Reporting.TicketTrend;
using MesaServicios.Application.Reporting.TopProblems;
using MesaServicios.Application.Reporting.Workload;
using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Application.Tickets.ListMyTickets;
using MesaServicios.Application.Tickets.SearchTickets;
using MesaServicios.Application.Users;
using MesaServicios.Domain.Common;
using MesaServicios.Domain.Reporting;
using MesaServicios.Domain.ServiceLevels;
using MesaServicios.Domain.Tickets;
using MesaServicios.Domain.Users;
using MesaServicios.Infrastructure;
using MesaServicios.Infrastructure.Common.Persistence;
using MesaServicios.Infrastructure.Reporting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var ticketCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
var keep = args.Length > 2 ? args[2] : null;
var readsOnly = args.Length > 3 && args[3] == "reads";
// "only=TEXT": time only the reports whose name contains TEXT (e.g. "only=(month)"), to keep a run short.
var only = args.Length > 3 && args[3].StartsWith("only=", StringComparison.Ordinal) ? args[3]["only=".Length..] : null;
// A report whose warm-up takes longer than this is timed once, so that the full run stays bounded (minutes).
var slowReport = TimeSpan.FromSeconds(5);
var bogota = TimeSpan.FromHours(-5);
var now = new DateTimeOffset(2026, 11, 27, 12, 0, 0, bogota);
var clock = new FixedClock(now);

var data = keep ?? Path.Combine(Path.GetTempPath(), "mesa-bench", Guid.NewGuid().ToString("N"));
var reuse = keep is not null && File.Exists(Path.Combine(data, "mesa.db"));
using var host = BuildHost(data, clock);
await host.Services.InitializeDatabaseAsync();
Console.WriteLine($"Reporting benchmark: {ticketCount:N0} tickets, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

var people = await UsersAsync(host.Services, now, reuse);
if (!reuse)
{
    var watch = Stopwatch.StartNew();
    await Generator.WriteAsync(host.Services, Path.Combine(data, "mesa.db"), people, ticketCount, now);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generate  {ticketCount:N0} tickets in {watch.Elapsed.TotalSeconds:F1} s ({ticketCount / watch.Elapsed.TotalSeconds:F0}/s), database {new FileInfo(Path.Combine(data, "mesa.db")).Length / 1048576.0:F0} MB"));
}

// The SQLite reports' column store, loaded cold once (a running desk loads it at start), then warm for every timing below.
if (host.Services.GetService<ReportingColumnStore>() is { } columnStore)
{
    var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
    var rssBefore = Environment.WorkingSet;
    var watch = Stopwatch.StartNew();
    await using (var scope = host.Services.CreateAsyncScope())
    {
        await columnStore.CatchUpAsync(scope.ServiceProvider.GetRequiredService<MesaDbContext>().Database.GetDbConnection(), default);
    }

    var load = watch.Elapsed;
    var managed = GC.GetTotalMemory(forceFullCollection: true) - managedBefore;
    var rss = Environment.WorkingSet - rssBefore;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"column store cold load: {columnStore.Count:N0} tickets in {load.TotalMilliseconds:F0} ms; managed heap +{managed / 1048576.0:F0} MB, process RSS +{rss / 1048576.0:F0} MB"));

    // Catching up: nothing new, then after 1,000 tickets changed by hand SQL (the trigger logs them; values unchanged).
    foreach (var changed in new[] { 0, 1_000 })
    {
        if (changed > 0)
        {
            using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "mesa.db")}");
            connection.Open();
            using var touch = connection.CreateCommand();
            touch.CommandText = $"UPDATE \"Tickets\" SET \"UpdatedAt\" = \"UpdatedAt\" WHERE \"Id\" % {ticketCount / changed} = 0";
            touch.ExecuteNonQuery();
        }

        watch.Restart();
        await using var scope = host.Services.CreateAsyncScope();
        await columnStore.CatchUpAsync(scope.ServiceProvider.GetRequiredService<MesaDbContext>().Database.GetDbConnection(), default);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"column store catch-up, {changed:N0} changed tickets: {watch.Elapsed.TotalMilliseconds:F1} ms"));
    }
}

var month = new ReportFilter(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));
var year = new ReportFilter(new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 30));
var filtered = month with { CategoryId = 1, Type = TicketType.Incident };
var reports = new List<(string Name, Func<ISender, Task<int>> Run)>();
foreach (var (label, filter) in new[] { ("month", month), ("year", year), ("month, Hardware incidents", filtered) })
{
    foreach (var dimension in Enum.GetValues<ReportDimension>())
    {
        reports.Add(($"counts by {dimension.ToString().ToLowerInvariant()} ({label})", async s => (await s.Send(new GetTicketCountsQuery(filter, dimension))).Total));
    }

    reports.Add(($"trend per day ({label})", async s => (await s.Send(new GetTicketTrendQuery(filter, TrendGranularity.Day))).Opened));
    reports.Add(($"trend per week ({label})", async s => (await s.Send(new GetTicketTrendQuery(filter, TrendGranularity.Week))).Opened));
    reports.Add(($"top problems, top 10 ({label})", async s => (await s.Send(new GetTopProblemsQuery(filter, 10))).Total));
    reports.Add(($"times p50/p90 ({label})", async s => (await s.Send(new GetServiceTimesQuery(filter))).ByUrgency.Sum(r => r.Tickets)));
    reports.Add(($"service-level compliance ({label})", async s => (await s.Send(new GetServiceLevelComplianceQuery(filter))).Met));
    reports.Add(($"backlog by age ({label} filters)", async s => (await s.Send(new GetBacklogQuery(filter))).Total));
    reports.Add(($"workload ({label})", async s => (await s.Send(new GetWorkloadQuery(filter))).Rows.Sum(r => r.SolvedInPeriod)));
    reports.Add(($"rejected solutions, page 1 ({label})", async s => (await s.Send(new GetRejectedSolutionsQuery(filter))).Proposed));
    reports.Add(($"reopened tickets, page 1 ({label})", async s => (await s.Send(new GetReopenedTicketsQuery(filter))).Reopenings));
    reports.Add(($"ticket export, rows read ({label})", async s =>
    {
        var export = await s.Send(new ExportTicketsQuery(filter));
        var rows = 0;
        await foreach (var _ in export.Rows)
        {
            rows++;
        }

        return rows;
    }));
}

// The quality reports over the whole year under each kind of filter (issue #12: a filtered year under 500 ms too).
foreach (var (label, filter) in new[]
{
    ("year, Hardware incidents", year with { CategoryId = 1, Type = TicketType.Incident }),
    ("year, department Biblioteca", year with { Department = "Biblioteca" }),
    ("year, technician 0", year with { TechnicianId = people.Technicians[0] }),
    ("year, e-mail", year with { Source = TicketSource.Email }),
})
{
    reports.Add(($"rejected solutions, page 1 ({label})", async s => (await s.Send(new GetRejectedSolutionsQuery(filter))).Proposed));
    reports.Add(($"rejected solutions, page 50 ({label})", async s => (await s.Send(new GetRejectedSolutionsQuery(filter, Page: 50))).Rejections.Items.Count));
    reports.Add(($"reopened tickets, page 1 ({label})", async s => (await s.Send(new GetReopenedTicketsQuery(filter))).Reopenings));
    reports.Add(($"reopened tickets, page 50 ({label})", async s => (await s.Send(new GetReopenedTicketsQuery(filter, Page: 50))).Items.Count));
}

Console.WriteLine();
Console.WriteLine($"load average before the timings: {LoadAverage()}");
Console.WriteLine();
// CPU ms: the process's processor time over the report (all its threads), which a loaded machine inflates far less than the wall time.
Console.WriteLine("| report | rows | median ms | max ms | CPU ms |");
Console.WriteLine("|---|---:|---:|---:|---:|");
foreach (var (name, run) in readsOnly ? [] : reports.Where(r => only is null || r.Name.Contains(only, StringComparison.Ordinal)))
{
    var times = new List<double>();
    var cpu = new List<double>();
    var result = 0;
    var note = string.Empty;
    for (var round = 0; round <= rounds; round++)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BenchUser>().Act(people.Technicians[0], UserRole.Technician);
        var cpuBefore = ProcessCpu();
        var started = Stopwatch.GetTimestamp();
        result = await run(scope.ServiceProvider.GetRequiredService<ISender>());
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpuUsed = ProcessCpu() - cpuBefore;
        if (round > 0)
        {
            times.Add(elapsed.TotalMilliseconds);
            cpu.Add(cpuUsed);
        }
        else if (elapsed > slowReport)
        {
            // Bounded run: a report far over its target is timed once (its warm-up), not once per round.
            times.Add(elapsed.TotalMilliseconds);
            cpu.Add(cpuUsed);
            note = " (1 run)";
            break;
        }
    }

    times.Sort();
    cpu.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name}{note} | {result:N0} | {times[times.Count / 2]:F0} | {times[^1]:F0} | {cpu[cpu.Count / 2]:F0} |"));
}

if (only is null)
{
    // "My tickets" at concurrency 1: a requester's first page (each owns ~200 tickets).
    var my = await TimeAsync(host.Services, people.Requesters, 2_000, UserRole.Requester, (s, _) => s.Send(new ListMyTicketsQuery(1, 20)).AsTask());
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nmy tickets (page 1 of 20), concurrency 1: p50 {my.P50:F2} ms, p95 {my.P95:F2} ms, p99 {my.P99:F2} ms"));

    // The desk's search at concurrency 1: a mix of what the desk filters by (text, status, urgency, department, category, technician), newest first.
    string[] words = ["impresora", "correo", "wifi", "contraseña", "videobeam", "licencia", "toner", "plataforma"];
    var searches = new Func<int, SearchTicketsQuery>[]
    {
        i => new SearchTicketsQuery(Text: words[i % words.Length]),
        i => new SearchTicketsQuery(Status: [TicketStatus.New, TicketStatus.InProgress], Urgency: Urgency.High),
        i => new SearchTicketsQuery(Department: Generator.Departments[i % Generator.Departments.Length]),
        i => new SearchTicketsQuery(CategoryId: Generator.Leaves[i % Generator.Leaves.Length].Id, Status: [TicketStatus.Closed]),
        i => new SearchTicketsQuery(AssignedTechnicianId: people.Technicians[i % people.Technicians.Count], Status: [TicketStatus.InProgress, TicketStatus.Pending]),
        i => new SearchTicketsQuery(Text: words[i % words.Length], Status: [TicketStatus.New, TicketStatus.InProgress, TicketStatus.Pending]),
        i => new SearchTicketsQuery(CreatedFrom: now.AddDays(-7), Sort: "-priority"),
    };
    // CPU ms: the process's processor time per request (mean, warm-up included), which a loaded machine inflates far less than the wall time.
    var cpuBefore = ProcessCpu();
    var search = await TimeAsync(host.Services, people.Technicians, 140, UserRole.Technician, (s, i) => s.Send(searches[i % searches.Length](i)).AsTask());
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"desk search (7 kinds of filter), concurrency 1: p50 {search.P50:F2} ms, p95 {search.P95:F2} ms, p99 {search.P99:F2} ms, CPU {(ProcessCpu() - cpuBefore) / 160:F2} ms"));
    foreach (var (kind, index) in searches.Select((f, i) => (f, i)))
    {
        cpuBefore = ProcessCpu();
        var one = await TimeAsync(host.Services, people.Technicians, 20, UserRole.Technician, (s, i) => s.Send(kind(i)).AsTask());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  search kind {index}: p50 {one.P50:F2} ms, p95 {one.P95:F2} ms, CPU {(ProcessCpu() - cpuBefore) / 24:F2} ms"));
    }
}

Console.WriteLine($"load average after the timings: {LoadAverage()}");
host.Dispose();
SqliteConnection.ClearAllPools();
if (keep is null)
{
    Directory.Delete(data, recursive: true);
}

// The processor time the process has used so far (every thread), in ms.
static double ProcessCpu()
{
    using var process = Process.GetCurrentProcess();
    return process.TotalProcessorTime.TotalMilliseconds;
}

// The machine's load (1, 5, 15 minutes) where the system tells it, to be printed beside the figures.
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static async Task<(double P50, double P95, double P99)> TimeAsync<T>(IServiceProvider services, IReadOnlyList<Guid> users, int count, UserRole role, Func<ISender, int, Task<T>> work)
{
    var latencies = new List<double>(count);
    for (var i = -Math.Min(20, count / 5); i < count; i++)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BenchUser>().Act(users[Math.Abs(i) % users.Count], role);
        var started = Stopwatch.GetTimestamp();
        await work(scope.ServiceProvider.GetRequiredService<ISender>(), Math.Abs(i));
        if (i >= 0)
        {
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    latencies.Sort();
    return (latencies[count / 2], latencies[(int)(count * 0.95)], latencies[(int)(count * 0.99)]);
}

static IHost BuildHost(string data, TimeProvider clock)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage:DataDirectory"] = data,
        ["Jobs:Enabled"] = "false",
    });
    builder.Services.AddSingleton(clock);
    builder.Services.AddScoped<BenchUser>();
    builder.Services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<BenchUser>());
    builder.Services.AddApplication();
    builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
    builder.Services.AddMediator(options => options.ServiceLifetime = ServiceLifetime.Scoped);
    return builder.Build();
}

static async Task<People> UsersAsync(IServiceProvider services, DateTimeOffset now, bool reuse)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<IUsersDbContext>();
    if (!reuse)
    {
        for (var i = 0; i < 8; i++)
        {
            db.Users.Add(User.Create($"tecnico{i}@iescinoc.edu.co", $"Técnico {i}", "Oficina TIC", null, UserRole.Technician, "es", now));
        }

        for (var i = 0; i < 5_000; i++)
        {
            db.Users.Add(User.Create($"solicitante{i}@iescinoc.edu.co", $"Solicitante {i}", Generator.Departments[i % Generator.Departments.Length], "3001234567", UserRole.Requester, "es", now));
        }

        await db.SaveChangesAsync(default);
    }

    var users = db.Users.Select(u => new { u.Id, u.Role, u.FullName, u.Department }).ToList();
    return new People(
        users.Where(u => u.Role == UserRole.Technician).Select(u => u.Id).ToList(),
        users.Where(u => u.Role == UserRole.Requester).Select(u => u.Id).ToList(),
        users.Where(u => u.Role == UserRole.Requester).ToDictionary(u => u.Id, u => (u.FullName, u.Department ?? string.Empty)));
}

internal sealed record People(List<Guid> Technicians, List<Guid> Requesters, Dictionary<Guid, (string Name, string Department)> Requester);

/// <summary>Writes the year of tickets with prepared INSERTs in one transaction (the schema's own columns; unknown NOT NULL ones get 0 or '').</summary>
internal static class Generator
{
    public static readonly string[] Departments =
    [
        "Biblioteca", "Tesorería", "Rectoría", "Vicerrectoría Académica", "Facultad de Ingeniería", "Facultad de Ciencias de la Salud",
        "Facultad de Educación", "Facultad de Ciencias Económicas", "Facultad de Derecho", "Admisiones y Registro", "Bienestar Universitario",
        "Talento Humano", "Contabilidad", "Compras", "Jurídica", "Planeación", "Comunicaciones", "Laboratorios", "Posgrados", "Extensión",
        "Investigaciones", "Egresados", "Idiomas", "Deportes", "Mantenimiento",
    ];

    public static readonly (int Id, string[] Titles)[] Leaves =
    [
        (3, ["La impresora no imprime", "Impresora atascada", "Impresora sin tóner", "El escáner no funciona", "Impresora de la oficina no responde"]),
        (2, ["El equipo no enciende", "Computador muy lento", "Pantalla azul en el equipo", "El portátil no carga"]),
        (31, ["No puedo entrar al correo institucional", "Correo no recibe mensajes", "Buzón de correo lleno", "Configurar correo en el celular"]),
        (33, ["Restablecer contraseña", "Olvidé mi contraseña", "Contraseña bloqueada"]),
        (21, ["Sin wifi en la oficina", "Wi-Fi muy lento", "No conecta a la red inalámbrica"]),
        (32, ["Plataforma académica no carga", "No veo mis cursos en la plataforma", "Error al subir notas en la plataforma"]),
        (41, ["El videobeam no proyecta", "Videobeam sin imagen", "Cable HDMI del videobeam dañado"]),
        (12, ["Licencia de Office vencida", "Excel se cierra solo", "Word no abre documentos"]),
        (13, ["Error en el sistema académico", "No carga el sistema financiero", "Aplicación institucional con error"]),
        (4, ["El mouse no funciona", "Teclado con teclas dañadas", "Diadema sin sonido"]),
        (14, ["Alerta de virus en el equipo", "Antivirus desactualizado", "Correo sospechoso recibido"]),
        (53, ["Instalar software de diseño", "Instalación de programa estadístico", "Solicitud de instalación de software"]),
        (54, ["Crear cuenta para docente nuevo", "Creación de usuario para contratista"]),
        (52, ["Préstamo de portátil para evento", "Préstamo de videobeam para clase"]),
        (11, ["Actualización de Windows falla", "Sistema operativo no inicia"]),
        (22, ["Punto de red sin conexión", "Cable de red dañado"]),
        (23, ["No conecta la VPN", "Acceso remoto no funciona"]),
        (42, ["Sin sonido en la sala de videoconferencia", "Micrófono de la sala no funciona"]),
        (51, ["Información sobre horarios de la mesa", "Consulta sobre el uso de la sala de sistemas"]),
    ];

    private static readonly int[] LeafWeights = [22, 14, 12, 10, 9, 8, 6, 5, 4, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1];

    public static async Task WriteAsync(IServiceProvider services, string path, People people, int count, DateTimeOffset now)
    {
        await using var scope = services.CreateAsyncScope();
        var snapshot = await scope.ServiceProvider.GetRequiredService<IServiceLevelCatalog>().CurrentAsync(default);
        var calendar = snapshot.Calendar;
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        Exec(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;");
        var columns = new List<(string Name, bool NotNull, string Type)>();
        using (var info = connection.CreateCommand())
        {
            info.CommandText = "PRAGMA table_info(\"Tickets\")";
            using var reader = info.ExecuteReader();
            while (reader.Read())
            {
                columns.Add((reader.GetString(1), reader.GetInt32(3) == 1, reader.GetString(2)));
            }
        }

        // The secondary indexes are dropped for the load and built again after it (a sorted build is several times
        // faster than a million random inserts into each).
        var indexes = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT \"sql\" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Tickets' AND \"sql\" IS NOT NULL";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add(reader.GetString(0));
            }
        }

        foreach (var index in indexes)
        {
            Exec(connection, $"DROP INDEX \"{index.Split('"')[1]}\"");
        }

        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO \"Tickets\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$c" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = columns.Select((c, i) => insert.Parameters.Add(new SqliteParameter("$c" + i.ToString(CultureInfo.InvariantCulture), null))).ToArray();
        insert.Prepare();

        var random = new Random(2026);
        var start = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.FromHours(-5));
        var days = (int)(now - start).TotalDays;
        var leafTotal = LeafWeights.Sum();
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var created = new DateTimeOffset[count];
        for (var i = 0; i < count; i++)
        {
            // Mostly weekdays in working hours; the numbers follow the creation time.
            DateTimeOffset at;
            do
            {
                var day = start.AddDays(random.Next(days));
                var minute = random.NextDouble() < 0.93 ? random.Next(7 * 60, 17 * 60) : random.Next(0, 24 * 60);
                at = day.AddMinutes(minute).AddSeconds(random.Next(60));
            }
            while ((at.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) && random.NextDouble() < 0.85);

            created[i] = at;
        }

        Array.Sort(created);
        for (var i = 0; i < count; i++)
        {
            var at = created[i];
            var requester = people.Requesters[random.Next(people.Requesters.Count)];
            var (name, department) = people.Requester[requester];
            var pick = random.Next(leafTotal);
            var leaf = 0;
            for (var acc = LeafWeights[0]; acc <= pick; acc += LeafWeights[++leaf])
            {
            }

            var uncategorised = random.NextDouble() < 0.10;
            var (categoryId, titles) = Leaves[leaf];
            var title = titles[random.Next(titles.Length)] + (random.NextDouble() < 0.3 ? " en " + department.ToLowerInvariant() : string.Empty);
            var description = $"{title}. Reportado desde {department}; el problema se presenta desde hoy y afecta el trabajo de la oficina.";
            var urgency = Pick(random, [5, 20, 45, 22, 8]) + 1;
            var type = categoryId >= 50 ? TicketType.Request : random.NextDouble() < 0.8 ? TicketType.Incident : TicketType.Request;
            var sourceRoll = random.NextDouble();
            var source = sourceRoll < 0.75 ? TicketSource.Portal : sourceRoll < 0.90 ? TicketSource.Email : TicketSource.Phone;
            var terms = snapshot.TargetFor((Urgency)urgency, type);
            var clock = ServiceLevelClock.Start(at, new ServiceLevelTerms(terms.OwnMinutes, terms.ResolveMinutes, snapshot.WarningPercent, snapshot.BusinessDayMinutes), calendar);

            // Owned after 5 min – 6 h of business time; solved after a log-normal number of business hours (median ~6 h).
            var age = (now - at).TotalDays;
            var owned = age > 0.2 || random.NextDouble() < 0.5 ? calendar.AddBusinessMinutes(at, random.Next(5, 360)) : (DateTimeOffset?)null;
            if (owned > now)
            {
                owned = null;
            }

            var solveAfter = Math.Exp(Math.Log(360) + (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 1.6);
            DateTimeOffset? solved = owned is { } o ? calendar.AddBusinessMinutes(o, solveAfter) : null;
            if (solved > now)
            {
                solved = null;
            }

            DateTimeOffset? closed = solved is { } s && s.AddDays(5) < now ? s.AddDays(5) : null;
            var status = closed is not null ? TicketStatus.Closed
                : solved is not null ? TicketStatus.Solved
                : owned is null ? TicketStatus.New
                : random.NextDouble() < 0.2 ? TicketStatus.Pending : TicketStatus.InProgress;
            var technician = owned is null ? (Guid?)null : people.Technicians[random.Next(people.Technicians.Count)];
            var paused = status is TicketStatus.Solved or TicketStatus.Closed ? solved : status == TicketStatus.Pending ? owned : null;

            values.Clear();
            values["Id"] = i + 1;
            values["Title"] = title;
            values["Description"] = description;
            values["Type"] = (int)type;
            values["Status"] = (int)status;
            values["Urgency"] = urgency;
            values["Impact"] = (int)Impact.Medium;
            values["Priority"] = (int)PriorityMatrix.Default.PriorityOf((Urgency)urgency, Impact.Medium);
            values["Source"] = (int)source;
            values["RequesterId"] = requester.ToString().ToUpperInvariant();
            values["RequesterName"] = name;
            values["RequesterDepartment"] = department;
            values["RequesterPhone"] = "3001234567";
            values["OpenedById"] = source == TicketSource.Email ? null : (source == TicketSource.Phone ? people.Technicians[0] : requester).ToString().ToUpperInvariant();
            values["CategoryId"] = uncategorised ? null : categoryId;
            values["AssignedTechnicianId"] = technician?.ToString().ToUpperInvariant();
            values["Solution"] = solved is null ? null : "Se atendió el caso y se verificó con el usuario.";
            values["FirstResponseAt"] = owned?.UtcTicks;
            values["SolvedAt"] = solved?.UtcTicks;
            values["ClosedAt"] = closed?.UtcTicks;
            values["ClosedAutomatically"] = closed is null ? 0 : 1;
            values["SearchText"] = TextFolding.Fold(title + "\n" + description);
            values["IsIncomplete"] = 0;
            values["CreatedAt"] = at.UtcTicks;
            values["UpdatedAt"] = (closed ?? solved ?? owned ?? at).UtcTicks;
            values["Version"] = 1 + (owned is null ? 0 : 1) + (solved is null ? 0 : 1) + (closed is null ? 0 : 1);
            values["TimelineSequence"] = values["Version"];
            values["SlaOwnTargetMinutes"] = clock.OwnTargetMinutes;
            values["SlaResolveTargetMinutes"] = clock.ResolveTargetMinutes;
            values["SlaWarningPercent"] = clock.WarningPercent;
            values["SlaOwnWarnAt"] = clock.OwnWarnAt.UtcTicks;
            values["SlaOwnDueAt"] = clock.OwnDueAt.UtcTicks;
            values["SlaResolveWarnAt"] = clock.ResolveWarnAt.UtcTicks;
            values["SlaResolveDueAt"] = clock.ResolveDueAt.UtcTicks;
            values["SlaPausedMinutes"] = 0.0;
            values["SlaPausedSince"] = paused?.UtcTicks;
            values["SlaFired"] = 0;
            values["SlaNextEscalationAt"] = null;
            values["OwnBusinessMinutes"] = owned is { } ownedAt ? calendar.BusinessMinutesBetween(at, ownedAt) : null;
            values["ResolveBusinessMinutes"] = solved is { } solvedAt ? calendar.BusinessMinutesBetween(at, solvedAt) : null;
            for (var c = 0; c < columns.Count; c++)
            {
                parameters[c].Value = values.TryGetValue(columns[c].Name, out var value)
                    ? value ?? DBNull.Value
                    : columns[c].NotNull ? (columns[c].Type == "TEXT" ? string.Empty : 0) : DBNull.Value;
            }

            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        foreach (var index in indexes)
        {
            Exec(connection, index);
        }

        // The solutions proposed and the reopenings: every solved ticket has its solution (approved when closed, still
        // proposed when only solved); one in twenty had a first solution rejected by the requester half-way through,
        // which reopened it (a status change Solved -> In progress in its history), and was solved again later.
        Exec(connection, Generator.QualityRows);

        // The tickets' full-text index, built in one pass, its watermark past the last ticket.
        Exec(connection, "INSERT INTO TicketSearch (TicketSearch) VALUES ('rebuild'); UPDATE TicketSearchIndexed SET \"UpTo\" = (SELECT MAX(\"Id\") FROM \"Tickets\")");

        Exec(connection, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
    }

    /// <summary>The solutions and reopenings of the generated tickets (see where it runs), in SQL over the tickets.</summary>
    internal const string QualityRows = """
        INSERT INTO "TicketSolutions" ("Id", "Sequence", "TicketId", "AuthorId", "Content", "CreatedAt", "Outcome", "DecidedById", "DecidedAt", "DecisionComment")
        SELECT printf('%08X-0000-7000-8000-%012X', "Id", 1), 90, "Id", "AssignedTechnicianId", 'Se reinició el servicio y se verificó con el usuario.',
               "CreatedAt" + ("SolvedAt" - "CreatedAt") / 2, 3, "RequesterId", "CreatedAt" + ("SolvedAt" - "CreatedAt") / 2 + 36000000000, 'Sigue fallando.'
        FROM "Tickets" WHERE "SolvedAt" IS NOT NULL AND "AssignedTechnicianId" IS NOT NULL AND "Id" % 20 = 0;
        INSERT INTO "TicketHistory" ("Id", "Sequence", "TicketId", "Kind", "ActorId", "FromStatus", "ToStatus", "SubjectUserId", "Text", "OccurredAt")
        SELECT printf('%08X-0000-7000-9000-%012X', "Id", 1), 91, "Id", 11, "RequesterId", 5, 2, NULL, 'Sigue fallando.',
               "CreatedAt" + ("SolvedAt" - "CreatedAt") / 2 + 36000000000
        FROM "Tickets" WHERE "SolvedAt" IS NOT NULL AND "AssignedTechnicianId" IS NOT NULL AND "Id" % 20 = 0;
        INSERT INTO "TicketSolutions" ("Id", "Sequence", "TicketId", "AuthorId", "Content", "CreatedAt", "Outcome", "DecidedById", "DecidedAt", "DecisionComment")
        SELECT printf('%08X-0000-7000-8000-%012X', "Id", 2), 92, "Id", "AssignedTechnicianId", 'Se reemplazó el cable y se probó el equipo.', "SolvedAt",
               CASE WHEN "Status" = 6 THEN 2 ELSE 1 END, CASE WHEN "Status" = 6 THEN "RequesterId" END, CASE WHEN "Status" = 6 THEN "ClosedAt" END, NULL
        FROM "Tickets" WHERE "SolvedAt" IS NOT NULL AND "AssignedTechnicianId" IS NOT NULL;
        """;

    private static int Pick(Random random, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if ((roll -= weights[i]) < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>A clock stopped at one instant.</summary>
internal sealed class FixedClock(DateTimeOffset start) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime();
}

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
