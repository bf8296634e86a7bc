// Escalation scan over many open tickets, and ticket creation while the scan runs.
// Seeds N open tickets (Medium urgency, created over the last business day so their warnings fall at different
// times) for a desk of 8 technicians and 2 administrators; `dueShare` of them crossed the 75 % threshold of their
// time to own in the last 5 minutes (as between two runs of the job). Then measures:
//   scan    — the job's read: the tickets whose next level is due (indexed range of SlaNextEscalationAt);
//   run     — one whole run of the job, after an untimed warm-up run of 20 levels (the job runs every five minutes on a
//             desk, so its code is warm): the read, then the due tickets' levels raised 50 tickets per transaction
//             (history rows, clocks, notifications for every technician and outbox e-mails written in bulk);
//   create  — OpenTicketCommand at concurrency 8, alone and while the next run of the job (5 minutes later) escalates.
// The clock is fixed at Wednesday 11 March 2026, 12:00 in Bogota (within working hours).
// Usage: dotnet run -c Release --project bench/EscalationScan -- [tickets=100000] [dueShare=0.01] [creations=1000] [ticketsPerTransaction=50]
using System.Diagnostics;
using System.Globalization;
using Mediator;
using MesaServicios.Application;
using MesaServicios.Application.Common.Behaviors;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Application.Tickets.Escalation;
using MesaServicios.Application.Tickets.OpenTicket;
using MesaServicios.Application.Users;
using MesaServicios.Domain.ServiceLevels;
using MesaServicios.Domain.Tickets;
using MesaServicios.Domain.Users;
using MesaServicios.Infrastructure;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var ticketCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var dueShare = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 0.01;
var creations = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000;
var perTransaction = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : EscalateTicketsRequest.DefaultTicketsPerTransaction;
var clock = new FixedClock(new DateTimeOffset(2026, 3, 11, 12, 0, 0, TimeSpan.FromHours(-5)));

var data = Path.Combine(Path.GetTempPath(), "mesa-bench", Guid.NewGuid().ToString("N"));
using var host = BuildHost(data, clock);
await host.Services.InitializeDatabaseAsync();
Console.WriteLine($"Escalation scan benchmark: {ticketCount:N0} open tickets, {dueShare:P1} due, {perTransaction} tickets per transaction, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

// A desk runs the job every five minutes (ServiceLevels:EscalationCron) in a process that keeps running, so the measured
// run is not the process's first: a warm-up run first raises the WarmUp earliest due levels (JIT, query plans and the
// rendering of the escalation mails, as the previous run would have). The seed makes that many more tickets due, so the
// measured run still finds dueShare of the desk due.
const int WarmUp = 20;
var (requesters, seedSeconds) = await SeedAsync(host.Services, clock, ticketCount, dueShare + (double)WarmUp / ticketCount);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed      {ticketCount:N0} tickets in {seedSeconds:F1} s"));

// The read alone (what every run costs however many tickets are open); the first read compiles the query.
for (var round = 0; round < 2; round++)
{
    await using var scope = host.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<MesaDbContext>();
    var now = clock.GetUtcNow();
    var watch = Stopwatch.StartNew();
    var due = await db.Tickets.AsNoTracking()
        .Where(t => t.ServiceLevel.NextEscalationAt != null && t.ServiceLevel.NextEscalationAt <= now)
        .OrderBy(t => t.ServiceLevel.NextEscalationAt).Select(t => t.Id).Take(EscalateTicketsRequest.DefaultBatchSize).ToListAsync();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scan      {(round == 0 ? "cold" : "warm")}: read {due.Count} due of {ticketCount:N0} open in {watch.Elapsed.TotalMilliseconds:F1} ms"));
}

var warm = await WithScope(host.Services, async sp => await sp.GetRequiredService<ISender>().Send(new EscalateTicketsRequest(BatchSize: WarmUp, TicketsPerTransaction: perTransaction)));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up   the previous run: {warm.Raised} levels raised (not timed)"));

// One whole run of the job (as EscalateTicketsJob: batches until nothing is due).
var run = await RunJobAsync(host.Services, perTransaction);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run       {run.Raised} levels raised on {run.Due} tickets in {run.Seconds:F2} s ({run.Due / Math.Max(run.Seconds, 1e-9):F0} tickets/s), CPU {run.CpuSeconds:F2} s"));
await StoredAsync(host.Services);

// Ticket creation alone, then while the job's next run (5 minutes later: as many tickets again cross 75 %) escalates.
var alone = await CreateAsync(host.Services, requesters, creations);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"create    alone: {creations} in {alone.Seconds:F2} s = {creations / alone.Seconds:F0}/s, p95 {alone.P95:F1} ms"));
clock.Advance(TimeSpan.FromMinutes(5));
var creating = CreateAsync(host.Services, requesters, creations);
var scanning = RunJobAsync(host.Services, perTransaction);
await Task.WhenAll(creating, scanning);
var during = await creating;
var second = await scanning;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"create    during a run: {creations} in {during.Seconds:F2} s = {creations / during.Seconds:F0}/s, p95 {during.P95:F1} ms; the run raised {second.Raised} levels on {second.Due} tickets in {second.Seconds:F2} s"));
await StoredAsync(host.Services);

host.Dispose();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(data, recursive: true);

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
    // The host's pipeline: without the transaction behaviour a command's changes (the raised levels) are never saved.
    builder.Services.AddMediator(options =>
    {
        options.ServiceLifetime = ServiceLifetime.Scoped;
        options.PipelineBehaviors = [typeof(ValidationBehavior<,>), typeof(TransactionBehavior<,>)];
    });
    return builder.Build();
}

static async Task<(List<Guid> Requesters, double Seconds)> SeedAsync(IServiceProvider services, FixedClock clock, int count, double dueShare)
{
    var watch = Stopwatch.StartNew();
    var now = clock.GetUtcNow();
    var requesters = new List<Guid>();
    await using (var scope = services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<IUsersDbContext>();
        for (var i = 0; i < 8; i++)
        {
            db.Users.Add(User.Create($"tecnico{i}@iescinoc.edu.co", $"Técnico {i}", "Oficina TIC", null, UserRole.Technician, "es", now));
        }

        for (var i = 0; i < 2; i++)
        {
            db.Users.Add(User.Create($"coordinacion{i}@iescinoc.edu.co", $"Coordinación {i}", "Oficina TIC", null, UserRole.Administrator, "es", now));
        }

        for (var i = 0; i < 200; i++)
        {
            var user = User.Create($"solicitante{i}@iescinoc.edu.co", $"Solicitante {i}", "Biblioteca", "3001234567", UserRole.Requester, "es", now);
            requesters.Add(user.Id);
            db.Users.Add(user);
        }

        await db.SaveChangesAsync();
    }

    var random = new Random(11);
    var calendar = (BusinessCalendar)(await WithScope(services, sp => sp.GetRequiredService<IServiceLevelCatalog>().CurrentAsync(default).AsTask())).Calendar;
    var terms = new ServiceLevelTerms(600, 3_000, 75, 600);
    const int batch = 5_000;
    for (var start = 0; start < count; start += batch)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MesaDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = start; i < Math.Min(count, start + batch); i++)
        {
            // Due ones crossed 75 % (450 business minutes) in the last 5 minutes; the others cross it later, spread
            // evenly over the next 450 business minutes (so each later 5-minute run finds ~1.1 % of them due).
            var created = random.NextDouble() < dueShare
                ? calendar.SubtractBusinessMinutes(now - TimeSpan.FromSeconds(random.Next(1, 300)), 450)
                : calendar.SubtractBusinessMinutes(now, random.Next(0, 450));
            var requester = requesters[i % requesters.Count];
            var draft = TicketDraft.FromPortal(
                TicketActor.Requester(requester), new RequesterSnapshot($"Solicitante {i % requesters.Count}", "Biblioteca", "3001234567"),
                $"Ticket de carga {i}", "Descripción del ticket de carga para la prueba de escalamiento.", TicketType.Incident, Urgency.Medium);
            var ticket = Ticket.Open(draft, PriorityMatrix.Default, created, i + 1);
            ticket.StartServiceLevel(terms, calendar);
            ticket.DequeueDomainEvents();
            db.Tickets.Add(ticket);
        }

        await db.SaveChangesAsync();

        // The context goes back to a pool: a later command on it must detect its changes again (otherwise the
        // escalations it makes are never saved).
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }

    return (requesters, watch.Elapsed.TotalSeconds);
}

// What the runs stored (the check that every raised level was saved, with its fan-out): escalation history rows,
// in-app notifications and outbox e-mails of the escalation kinds, and tickets still due now.
static async Task StoredAsync(IServiceProvider services)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<MesaDbContext>();
    var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
    var history = await db.Tickets.SelectMany(t => t.History).CountAsync(h => h.Kind == TicketHistoryKind.Escalated);
    var notifications = await db.Notifications.CountAsync(n => n.Kind == "ticket.sla_warning" || n.Kind == "ticket.escalated");
    var mails = await db.OutboxEmails.CountAsync(m => m.Kind == "ticket.sla_warning" || m.Kind == "ticket.escalated");
    var stillDue = await db.Tickets.CountAsync(t => t.ServiceLevel.NextEscalationAt != null && t.ServiceLevel.NextEscalationAt <= now);
    Console.WriteLine($"stored    {history:N0} escalation history rows, {notifications:N0} notifications, {mails:N0} e-mails; {stillDue:N0} tickets still due");
}

static async Task<T> WithScope<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> work)
{
    await using var scope = services.CreateAsyncScope();
    return await work(scope.ServiceProvider);
}

static async Task<(int Due, int Raised, double Seconds, double CpuSeconds)> RunJobAsync(IServiceProvider services, int perTransaction)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    int due = 0, raised = 0;
    EscalationReport report;
    do
    {
        report = await WithScope(services, async sp => await sp.GetRequiredService<ISender>().Send(new EscalateTicketsRequest(TicketsPerTransaction: perTransaction)));
        due += report.Due;
        raised += report.Raised;
    }
    while (report.Due >= EscalateTicketsRequest.DefaultBatchSize && report.Raised + report.Skipped > 0);

    // CPU time of this process over the run (every thread): less sensitive than the wall time to other work on a shared machine.
    return (due, raised, watch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
}

static async Task<(double Seconds, double P95)> CreateAsync(IServiceProvider services, List<Guid> requesters, int count)
{
    var latencies = new double[count];
    var next = -1;
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            var started = Stopwatch.GetTimestamp();
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<BenchUser>().UserId = requesters[i % requesters.Count];
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new OpenTicketCommand(
                $"Ticket nuevo {i}", "La impresora del bloque B no imprime desde esta mañana.", TicketType.Incident, Urgency.High, null, null, null));
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
    })));
    var seconds = watch.Elapsed.TotalSeconds;
    Array.Sort(latencies);
    return (seconds, latencies[(int)(count * 0.95)]);
}

/// <summary>A clock stopped at one instant, moved by hand.</summary>
internal sealed class FixedClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>The requester a creation acts for.</summary>
internal sealed class BenchUser : ICurrentUser
{
    public Guid? UserId { get; set; }

    public UserRole? Role => UserRole.Requester;

    public Guid? SessionId => null;

    public string Language => "es";

    public string? ClientAddress => null;
}
