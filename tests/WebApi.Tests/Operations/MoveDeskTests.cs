using System.Diagnostics;
using System.Text.Json;
using MesaServicios.Application.Reporting;
using MesaServicios.Domain.Users;
using MesaServicios.Infrastructure.Common.Persistence;
using MesaServicios.Infrastructure.Reporting;
using MesaServicios.Infrastructure.Common.DeskMove;
using MesaServicios.WebApi.Common;
using MesaServicios.WebApi.Tests.Reservations;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Npgsql;
using Xunit.Abstractions;

namespace MesaServicios.WebApi.Tests.Operations;

/// <summary>
/// "move-desk": a SQLite desk of 10,000 tickets (a few made through the API with their history, follow-ups, a
/// reservation item, the default help articles; the rest written straight into the file) copied into an empty
/// migrated PostgreSQL database. Needs a PostgreSQL server (<see cref="TestDatabase"/>); about 20 s.
/// </summary>
public sealed class MoveDeskTests(ITestOutputHelper output) : IDisposable
{
    private const int BulkTickets = 10_000;
    private readonly List<IDisposable> _cleanup = [];
    private string? _target;

    public void Dispose()
    {
        foreach (var item in Enumerable.Reverse(_cleanup))
        {
            item.Dispose();
        }

        if (_target is not null)
        {
            TestDatabase.DropPostgresDatabase(_target);
        }
    }

    [PostgresFact]
    public async Task MoveDesk_CopiesEveryTable_ThenARerunFinishesOrCopiesNothing_AndTheDeskCarriesOnOnPostgres()
    {
        var (sqlite, requesterEmail, helpHits) = await SqliteDeskAsync();
        _target = TestDatabase.CreatePostgresDatabase();

        // Interrupted right after the tickets: the tables done stay done, the one being copied is rolled back.
        using var interrupt = new CancellationTokenSource();
        var interrupted = new InterruptingWriter("Tickets:", interrupt);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DeskMover.MoveAsync(sqlite, _target, interrupted, interrupt.Token));
        output.WriteLine(interrupted.ToString());

        var timer = Stopwatch.StartNew();
        var log = new StringWriter();
        var exit = await MoveDeskCommandLine.RunAsync(["move-desk", "--from", sqlite, "--to", _target], log, log);
        output.WriteLine($"move finished in {timer.ElapsedMilliseconds} ms\n{log}");
        Assert.Equal(0, exit);
        Assert.Contains("Tickets: ", log.ToString());
        Assert.Matches(@"TicketCategories: \d+ rows, already complete", log.ToString());

        // Every table of the model, counted independently on both sides.
        var counts = await CountsAsync(sqlite, _target);
        Assert.All(counts, c => Assert.True(c.Source == c.Target, $"{c.Table}: {c.Source} on SQLite, {c.Target} on PostgreSQL"));
        Assert.Equal(BulkTickets + 3, counts.Single(c => c.Table == "Tickets").Source);
        foreach (var table in new[] { "Users", "AccountCredentials", "TicketHistory", "TicketFollowUps", "EquipmentItems", "HelpArticles", "OutboxEmails", "DeskAlerts", "AuditEntries" })
        {
            Assert.True(counts.Single(c => c.Table == table).Source > 0, $"{table} has rows to copy");
        }

        await AssertSampleEqualAsync(sqlite, _target);
        await AssertSameReportsAsync(sqlite, _target);

        // A rerun on a complete desk verifies and copies nothing.
        var rerun = await DeskMover.MoveAsync(sqlite, _target, TextWriter.Null);
        Assert.True(rerun.Complete);
        Assert.DoesNotContain(rerun.Tables, t => t.Copied);
        Assert.Equal(counts.Select(c => c.Table).Order(StringComparer.Ordinal), rerun.Tables.Select(t => t.Table).Order(StringComparer.Ordinal));

        // The desk carries on on PostgreSQL: same accounts and passwords, the next ticket number, the help search.
        var node = new MesaApiFactory().OnPostgres(_target);
        _cleanup.Add(node);
        var requester = await node.SignInAsync(requesterEmail, MesaApiFactory.DefaultPassword);
        Assert.Equal(BulkTickets + 4, await TicketApi.OpenIdAsync(requester, "Primera solicitud en PostgreSQL"));
        var deskAlerts = await (await (await (await node.AdminAsync()).Client.GetAsync("/api/v1/me/notifications?pageSize=100")).EnsureSuccessAsync()).JsonAsync();
        Assert.Contains(deskAlerts.GetProperty("items").EnumerateArray(), n => n.GetProperty("ticketId").GetInt32() == BulkTickets + 4);
        var found = await (await (await node.Anonymous().GetAsync("/api/v1/help/search?q=contrase%C3%B1a")).EnsureSuccessAsync()).JsonAsync();
        Assert.Equal(helpHits, found.GetArrayLength());

        // The tickets' full-text search answers on the copied tickets ("777" as a prefix: 777 and 7770–7779; one page of
        // one, the bulk rows' other statuses are not all real ones) and on a new one.
        var admin = await node.AdminAsync();
        var copied = await (await (await admin.Client.GetAsync("/api/v1/tickets?text=CARGA%20777&sort=id&pageSize=1")).EnsureSuccessAsync()).JsonAsync();
        Assert.Equal(11, copied.GetProperty("total").GetInt32());
        var fresh = await (await (await admin.Client.GetAsync("/api/v1/tickets?text=primera%20postgresql")).EnsureSuccessAsync()).JsonAsync();
        Assert.Equal([BulkTickets + 4], fresh.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
    }

    [PostgresFact]
    public async Task MoveDesk_IntoADatabaseOfAnotherDesk_IsRefused_AndBadArgumentsShowTheUsage()
    {
        var error = new StringWriter();
        Assert.Equal(2, await MoveDeskCommandLine.RunAsync(["move-desk", "--from", "x.db"], TextWriter.Null, error));
        Assert.Contains("usage: move-desk", error.ToString());

        error = new StringWriter();
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".db");
        Assert.Equal(1, await MoveDeskCommandLine.RunAsync(["move-desk", "--from", missing, "--to", TestDatabase.Server], TextWriter.Null, error));
        Assert.Contains("No SQLite desk", error.ToString());
        Assert.False(File.Exists(missing));

        // A PostgreSQL desk already in use holds rows the SQLite one does not have: nothing is copied over it.
        var used = new MesaApiFactory().OnPostgres(_target = TestDatabase.CreatePostgresDatabase());
        _cleanup.Add(used);
        await used.CreateUserAsync();
        var source = new MesaApiFactory().With("Database:Provider", "Sqlite");
        _cleanup.Add(source);
        var file = Path.Combine(source.DataDirectory, "desk.db");
        source.With("ConnectionStrings:Mesa", $"Data Source={file}");
        await source.AdminAsync();
        error = new StringWriter();
        Assert.Equal(1, await MoveDeskCommandLine.RunAsync(["move-desk", "--from", file, "--to", _target], TextWriter.Null, error));
        Assert.Contains("Users", error.ToString());
        Assert.Equal(2, await used.WithDbAsync(db => db.Users.CountAsync()));
    }

    /// <summary>A stopped SQLite desk: its connection string, a requester's address and how many help articles "contraseña" finds.</summary>
    private async Task<(string ConnectionString, string RequesterEmail, int HelpHits)> SqliteDeskAsync()
    {
        var desk = new MesaApiFactory().With("Database:Provider", "Sqlite");
        _cleanup.Add(desk);
        // Outside the host's data directory, which goes with the host.
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "mesa-move-" + Guid.NewGuid().ToString("N"))).FullName;
        _cleanup.Add(new Folder(folder));
        var file = Path.Combine(folder, "desk.db");
        desk.With("ConnectionStrings:Mesa", $"Data Source={file}");
        var admin = await desk.AdminAsync();
        var requester = await desk.CreateUserAsync(fullName: "Ana Pérez", department: "Biblioteca");
        var technician = await desk.CreateUserAsync(UserRole.Technician, fullName: "Teo Técnico");
        var first = await TicketApi.OpenIdAsync(requester, "La impresora no imprime");
        await TicketApi.OpenIdAsync(requester, "Restablecer contraseña");
        await TicketApi.ActAsync(technician, first, "follow-ups", new { content = "Revisando el tóner.", isPrivate = false });
        await TicketApi.OpenIdAsync(requester, "Proyector del aula 3");
        await ReservationApi.CreateItemAsync(admin, ReservationApi.Projector);
        var helpHits = (await (await (await desk.Anonymous().GetAsync("/api/v1/help/search?q=contrase%C3%B1a")).EnsureSuccessAsync()).JsonAsync()).GetArrayLength();
        Assert.True(helpHits > 0);

        var seed = Stopwatch.StartNew();
        await desk.WithDbAsync(async db =>
        {
            var start = desk.Clock.GetUtcNow().AddDays(-500).UtcTicks;
            return await db.Database.ExecuteSqlAsync($"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {BulkTickets})
                INSERT INTO Tickets (Title, Description, SearchText, Type, Status, Urgency, Impact, Priority, Source, RequesterId, RequesterName,
                                     RequesterDepartment, AssignedTechnicianId, SolvedAt, ClosedAutomatically, IsIncomplete, CreatedAt, UpdatedAt, Version,
                                     TimelineSequence, SlaPausedMinutes, SlaOwnTargetMinutes, SlaOwnDueAt, SlaResolveDueAt)
                SELECT 'Ticket de carga ' || i, 'Descripción número ' || i || ' con tildes: ñandú', 'ticket de carga ' || i,
                       1 + (i % 2), 1 + (i % 4), 1 + (i % 5), 3, 3, 1, {requester.Id.ToString().ToUpperInvariant()}, 'Ana Pérez',
                       CASE WHEN i % 3 = 0 THEN NULL ELSE 'Biblioteca' END,
                       CASE WHEN i % 2 = 0 THEN {technician.Id.ToString().ToUpperInvariant()} END,
                       CASE WHEN i % 4 = 3 THEN {start} + i * 36000000000 + 36000000000 END,
                       0, 0, {start} + i * 36000000000, {start} + i * 36000000000, 1, 0, 12.5, 480,
                       {start} + i * 36000000000 + 288000000000, {start} + i * 36000000000 + 864000000000
                FROM n
                """);
        });
        output.WriteLine($"seeded {BulkTickets} tickets in {seed.ElapsedMilliseconds} ms");
        var requesterEmail = requester.Email;

        // The desk is stopped before it moves.
        desk.Dispose();
        SqliteConnection.ClearAllPools();
        return ($"Data Source={file}", requesterEmail, helpHits);
    }

    private static async Task<List<(string Table, long Source, long Target)>> CountsAsync(string sqlite, string postgres)
    {
        await using var source = new SqliteConnection(sqlite);
        await using var target = new NpgsqlConnection(postgres);
        await source.OpenAsync();
        await target.OpenAsync();
        await using var db = SqliteContext(sqlite);
        var counts = new List<(string, long, long)>();
        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            counts.Add((table.Name, await CountAsync(source, table.Name), await CountAsync(target, table.Name)));
        }

        return counts;
    }

    private static async Task<long> CountAsync(System.Data.Common.DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every stored value of a sample of tickets (their owned parts included), as EF reads them on each engine.</summary>
    private static async Task AssertSampleEqualAsync(string sqlite, string postgres)
    {
        await using var source = SqliteContext(sqlite);
        await using var target = PostgresContext(postgres);
        int[] sample = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 500, 2_001, 5_003, 7_777, 9_998, 10_003];
        var from = await source.Tickets.Where(t => sample.Contains(t.Id)).OrderBy(t => t.Id).ToListAsync();
        var to = await target.Tickets.Where(t => sample.Contains(t.Id)).OrderBy(t => t.Id).ToListAsync();
        Assert.Equal(sample.Length, from.Count);
        Assert.Equal(from.Select(t => t.Id), to.Select(t => t.Id));
        for (var i = 0; i < from.Count; i++)
        {
            Assert.Equal(Values(source.Entry(from[i])), Values(target.Entry(to[i])));
        }

        static List<string> Values(EntityEntry entry)
        {
            var values = entry.Properties.Select(p => $"{p.Metadata.Name}={JsonSerializer.Serialize(p.CurrentValue)}").ToList();
            foreach (var owned in entry.References.Where(r => r.Metadata.TargetEntityType.IsOwned()))
            {
                values.AddRange(owned.TargetEntry is { } part ? Values(part).Select(v => owned.Metadata.Name + "." + v) : [owned.Metadata.Name + "=null"]);
            }

            return values;
        }
    }

    /// <summary>
    /// The same desk, the same report questions: SQLite's store and PostgreSQL's give the same answers, in the desk's zone
    /// and in one with daylight saving time, whole and filtered (department in another case, technician, type).
    /// </summary>
    private static async Task AssertSameReportsAsync(string sqlite, string postgres)
    {
        await using var source = SqliteContext(sqlite);
        await using var target = PostgresContext(postgres);
        using var columns = new ReportingColumnStore();
        var onSqlite = new SqliteReportingStore(source, columns);
        var onPostgres = new PostgresReportingStore(target);
        var technician = (await onSqlite.TechniciansAsync(default)).Single();
        Assert.Equal([technician], await onPostgres.TechniciansAsync(default));
        Assert.Equal((await onSqlite.CategoriesAsync(default)).OrderBy(c => c.Id), (await onPostgres.CategoriesAsync(default)).OrderBy(c => c.Id));

        var start = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
        TicketSlice[] slices =
        [
            new(start, start.AddYears(2), TimeZoneInfo.FindSystemTimeZoneById("America/Bogota")),
            new(start, start.AddYears(2), TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid")),
            new(start.AddMonths(10), start.AddMonths(16), TimeZoneInfo.FindSystemTimeZoneById("America/Bogota"), Department: "BIBLIOTECA"),
            new(start, start.AddYears(2), TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), Type: Domain.Tickets.TicketType.Incident, TechnicianId: Guid.Parse(technician.Key!)),
        ];
        foreach (var slice in slices)
        {
            foreach (var dimension in Enum.GetValues<ReportDimension>())
            {
                Assert.Equal(
                    (await onSqlite.CountByAsync(slice, dimension, default)).OrderBy(k => k.Key, StringComparer.Ordinal),
                    (await onPostgres.CountByAsync(slice, dimension, default)).OrderBy(k => k.Key, StringComparer.Ordinal));
            }

            var opened = (await onSqlite.OpenedPerDayAsync(slice, default)).OrderBy(d => d.Day).ToList();
            Assert.NotEmpty(opened);
            Assert.Equal(opened, (await onPostgres.OpenedPerDayAsync(slice, default)).OrderBy(d => d.Day));
            Assert.Equal((await onSqlite.SolvedPerDayAsync(slice, default)).OrderBy(d => d.Day), (await onPostgres.SolvedPerDayAsync(slice, default)).OrderBy(d => d.Day));
            Assert.Equal((await onSqlite.TitleTermsAsync(slice, default)).OrderBy(t => t.Key, StringComparer.Ordinal), (await onPostgres.TitleTermsAsync(slice, default)).OrderBy(t => t.Key, StringComparer.Ordinal));
            foreach (var basis in Enum.GetValues<TimeBasis>())
            {
                Assert.Equal(Sorted(await onSqlite.TicketTimesAsync(slice, basis, default)), Sorted(await onPostgres.TicketTimesAsync(slice, basis, default)));
                Assert.Equal(Durations(await onSqlite.DurationsAsync(slice, basis, default)), Durations(await onPostgres.DurationsAsync(slice, basis, default)));
            }

            var now = DateTimeOffset.UtcNow;
            Assert.Equal((await onSqlite.ComplianceAsync(slice, now, default)).OrderBy(c => c.Urgency), (await onPostgres.ComplianceAsync(slice, now, default)).OrderBy(c => c.Urgency));

            Assert.Equal(Sorted(await onSqlite.OpenTicketsAsync(slice, default)), Sorted(await onPostgres.OpenTicketsAsync(slice, default)));
            Assert.Equal(await onSqlite.ExportAsync(slice, default).ToListAsync(), await onPostgres.ExportAsync(slice, default).ToListAsync());
        }

        static List<TicketTimes> Sorted(IEnumerable<TicketTimes> rows) => rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Status).ToList();

        static List<TicketDuration>? Durations(IEnumerable<TicketDuration>? rows) =>
            rows?.OrderBy(r => r.Urgency).ThenBy(r => r.TechnicianId, StringComparer.Ordinal).ThenBy(r => r.OwnMinutes).ThenBy(r => r.ResolveMinutes).ToList();
    }

    private static MesaDbContext PostgresContext(string connectionString) =>
        new(new DbContextOptionsBuilder<MesaDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(DatabaseOptions.PostgresMigrationsAssembly)).Options);

    private static MesaDbContext SqliteContext(string connectionString) =>
        new(new DbContextOptionsBuilder<MesaDbContext>().UseSqlite(connectionString).Options);

    private sealed class Folder(string path) : IDisposable
    {
        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(path, recursive: true);
        }
    }

    /// <summary>Cancels the move once it reports the table named.</summary>
    private sealed class InterruptingWriter(string marker, CancellationTokenSource cancel) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value is not null && value.StartsWith(marker, StringComparison.Ordinal))
            {
                cancel.Cancel();
            }
        }
    }
}
