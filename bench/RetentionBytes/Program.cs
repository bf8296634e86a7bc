// Database bytes per ticket after retention (issue #14, item 15), desk of five technicians and one administrator.
// Opens N tickets through the real pipeline (OpenTicketCommand: the requester's confirmation and the desk's fan-out of
// notifications and e-mails), delivers the outbox as the delivery job does (pickup folder), then moves the clock past
// the retention periods (Retention:MailBodyDays and the others, +31 days), publishes RetentionDue as the daily job
// does, and prints the SQLite file size (after a WAL checkpoint and VACUUM) and the bytes per ticket before and after.
// Usage: dotnet run -c Release --project bench/RetentionBytes -- [tickets=2000]
using System.Diagnostics;
using System.Globalization;
using Mediator;
using MesaServicios.Application;
using MesaServicios.Application.Common.Behaviors;
using MesaServicios.Application.Common.Retention;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Notifications.DeliverOutbox;
using MesaServicios.Application.Tickets.OpenTicket;
using MesaServicios.Application.Users;
using MesaServicios.Domain.Tickets;
using MesaServicios.Domain.Users;
using MesaServicios.Infrastructure;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var ticketCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
var clock = new FixedClock(new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.FromHours(-5)));
var data = Path.Combine(Path.GetTempPath(), "mesa-bench", Guid.NewGuid().ToString("N"));
using var host = BuildHost(data, clock);
await host.Services.InitializeDatabaseAsync();
Console.WriteLine($"Database bytes per ticket after retention: {ticketCount:N0} tickets, desk of 5 technicians + 1 administrator ({Environment.ProcessorCount} cores, .NET {Environment.Version})");

var requesters = await SeedPeopleAsync(host.Services, clock);
var empty = await SizeAsync(host.Services);
var watch = Stopwatch.StartNew();
await OpenTicketsAsync(host.Services, requesters, ticketCount);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"opened    {ticketCount:N0} tickets in {watch.Elapsed.TotalSeconds:F1} s"));

watch.Restart();
var sent = 0;
DeliveryReport report;
do
{
    report = await WithScope(host.Services, async sp => await sp.GetRequiredService<ISender>().Send(new DeliverOutboxRequest()));
    sent += report.Sent;
}
while (report.Claimed > 0);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"delivered {sent:N0} e-mails in {watch.Elapsed.TotalSeconds:F1} s"));
await PrintAsync(host.Services, "before retention", empty, ticketCount);

clock.Advance(TimeSpan.FromDays(31));
watch.Restart();
await WithScope(host.Services, async sp =>
{
    await sp.GetRequiredService<IPublisher>().Publish(new RetentionDue());
    return 0;
});
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"retention ran in {watch.Elapsed.TotalSeconds:F1} s (clock + 31 days)"));
await PrintAsync(host.Services, "after retention ", empty, ticketCount);

host.Dispose();
SqliteConnection.ClearAllPools();
Directory.Delete(data, recursive: true);

static IHost BuildHost(string data, TimeProvider clock)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Error);
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
    builder.Services.AddMediator(options =>
    {
        options.ServiceLifetime = ServiceLifetime.Scoped;
        options.PipelineBehaviors = [typeof(ValidationBehavior<,>), typeof(TransactionBehavior<,>)];
    });
    return builder.Build();
}

static async Task<List<Guid>> SeedPeopleAsync(IServiceProvider services, TimeProvider clock)
{
    var now = clock.GetUtcNow();
    var requesters = new List<Guid>();
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<IUsersDbContext>();
    for (var i = 0; i < 5; i++)
    {
        db.Users.Add(User.Create($"tecnico{i}@iescinoc.edu.co", $"Técnico {i}", "Oficina TIC", null, UserRole.Technician, "es", now));
    }

    db.Users.Add(User.Create("coordinacion@iescinoc.edu.co", "Coordinación TIC", "Oficina TIC", null, UserRole.Administrator, "es", now));
    for (var i = 0; i < 200; i++)
    {
        var user = User.Create($"solicitante{i}@iescinoc.edu.co", $"Solicitante {i}", "Biblioteca", "3001234567", UserRole.Requester, "es", now);
        requesters.Add(user.Id);
        db.Users.Add(user);
    }

    await db.SaveChangesAsync();
    return requesters;
}

static async Task OpenTicketsAsync(IServiceProvider services, List<Guid> requesters, int count)
{
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<BenchUser>().UserId = requesters[i % requesters.Count];
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new OpenTicketCommand(
                $"La impresora del bloque B no imprime ({i.ToString(CultureInfo.InvariantCulture)})",
                "Desde esta mañana la impresora del segundo piso del bloque B no imprime; muestra un error de papel atascado aunque la bandeja está vacía.",
                TicketType.Incident, Urgency.Medium, null, null, null));
        }
    })));
}

static async Task<long> SizeAsync(IServiceProvider services)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<MesaDbContext>();
    await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
    await db.Database.ExecuteSqlRawAsync("VACUUM;");
    await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
    return new FileInfo(db.Database.GetDbConnection().DataSource).Length;
}

static async Task PrintAsync(IServiceProvider services, string label, long empty, int tickets)
{
    var size = await SizeAsync(services);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label}: file {size / 1024.0 / 1024.0:F1} MB ({empty / 1024.0 / 1024.0:F1} MB empty); {(size - empty) / (double)tickets:F0} bytes per ticket"));
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<MesaDbContext>();
    var connection = (SqliteConnection)db.Database.GetDbConnection();
    await connection.OpenAsync();
    try
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 8";
        await using var reader = await command.ExecuteReaderAsync();
        var parts = new List<string>();
        while (await reader.ReadAsync())
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{reader.GetString(0)} {reader.GetInt64(1) / (double)tickets:F0}"));
        }

        Console.WriteLine($"  largest (bytes per ticket): {string.Join(", ", parts)}");
    }
    catch (SqliteException)
    {
        Console.WriteLine("  (no dbstat table in this SQLite build: no breakdown)");
    }
}

static async Task<T> WithScope<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> work)
{
    await using var scope = services.CreateAsyncScope();
    return await work(scope.ServiceProvider);
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
