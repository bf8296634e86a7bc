using System.Text.Json;
using MesaServicios.Application.Reporting;
using MesaServicios.Domain.Users;
using MesaServicios.Infrastructure.Common.Persistence;
using MesaServicios.Infrastructure.Reporting;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace MesaServicios.WebApi.Tests.Reporting;

/// <summary>
/// The SQLite reports answer from an in-memory column store that catches up with the database on every read. What a
/// user depends on: a change made any way (the API, EF's ExecuteUpdate, hand SQL) shows in the very next report, a
/// ticket that commits late (its number taken before a higher one's) or while the store loads is still counted, a
/// deleted ticket leaves the counts, and reports running during creations never count a ticket twice or lose one.
/// On PostgreSQL the same host-level checks run against its SQL store (no column store there). Each test takes a
/// second or two.
/// </summary>
public sealed class ColumnStoreTests : IDisposable
{
    private const string March = "from=2026-03-01&to=2026-03-31";

    private readonly FakeTimeProvider _clock = new(ReportingData.At(2026, 3, 2, 9, 0)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
    private readonly MesaApiFactory _factory;

    public ColumnStoreTests()
    {
        _factory = new MesaApiFactory().WithServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_clock);
        });
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ChangesThatBypassTheApi_ShowInTheNextReport()
    {
        var (requester, teo) = await PeopleAsync();
        var first = await OpenAsync(requester, "Impresora no imprime", "Medium", 3);
        var second = await OpenAsync(requester, "Correo no recibe mensajes", "Medium", 31);
        Assert.Equal("Medium=2", await CountsAsync(teo, "urgency"));
        Assert.Equal("Biblioteca=2", await CountsAsync(teo, "department"));

        // Hand SQL: one ticket made Very high and Pending.
        await _factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"Tickets\" SET \"Urgency\" = 5, \"Status\" = 4 WHERE \"Id\" = {0}", first));
        Assert.Equal("Medium=1;VeryHigh=1", await CountsAsync(teo, "urgency"));
        Assert.Equal("New=1;Pending=1", await CountsAsync(teo, "status"));

        // EF's ExecuteUpdate (no tracked entity, no domain event): the other one moves to Rectoría.
        await _factory.WithDbAsync(db => db.Tickets.Where(t => t.Id == second).ExecuteUpdateAsync(s => s.SetProperty(t => t.RequesterDepartment, "Rectoría")));
        Assert.Equal("Biblioteca=1;Rectoría=1", Sorted(await CountsAsync(teo, "department")));
        Assert.Equal(1, await TotalAsync(teo, "urgency", "&department=" + Uri.EscapeDataString("rECTORía")));

        // Title terms follow a retitled ticket.
        await _factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"Tickets\" SET \"Title\" = 'Videobeam sin imagen' WHERE \"Id\" = {0}", first));
        var terms = await TermsAsync(teo);
        Assert.Contains("videobeam", terms);
        Assert.DoesNotContain("impresora", terms);
    }

    [Fact]
    public async Task ReportsDuringCreations_CountEachTicketOnce_AndTheLastReportCountsThemAll()
    {
        var (requester, teo) = await PeopleAsync();
        const int Tickets = 30;
        var started = 0;
        var created = 0;
        var creations = Task.Run(async () =>
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, Tickets), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (i, _) =>
            {
                Interlocked.Increment(ref started);
                await OpenAsync(requester, $"Impresora {i} no imprime", "Medium", 3);
                Interlocked.Increment(ref created);
            });
        });

        // Two report loops at once while tickets are being created: each total lies between the creations answered
        // before the report started and those begun by the time it answered, and never goes down.
        async Task<int> ReportLoopAsync()
        {
            var last = 0;
            var reports = 0;
            while (!creations.IsCompleted || reports == 0)
            {
                var before = Volatile.Read(ref created);
                var total = await TotalAsync(teo, "status");
                var after = Volatile.Read(ref started);
                Assert.InRange(total, before, after);
                Assert.True(total >= last, $"total went down from {last} to {total}");
                last = total;
                reports++;
            }

            return reports;
        }

        var loops = await Task.WhenAll(ReportLoopAsync(), ReportLoopAsync());
        await creations;
        Assert.All(loops, reports => Assert.True(reports > 0));
        Assert.Equal(Tickets, await TotalAsync(teo, "status"));
        Assert.Equal($"Medium={Tickets}", await CountsAsync(teo, "urgency"));
    }

    [Fact]
    public async Task AStoreLoadingWhileTicketsAreCreated_CountsThemAll()
    {
        var (requester, _) = await PeopleAsync();
        await OpenAsync(requester, "Impresora no imprime", "Medium", 3);
        if (TestDatabase.IsPostgres)
        {
            // PostgreSQL answers the reports in its own SQL: no column store, no change log.
            Assert.Null(_factory.Services.GetService<ReportingColumnStore>());
            return;
        }

        // A store that starts empty loads everything while ten more tickets are being created; its next read counts all.
        using var store = new ReportingColumnStore();
        var creations = Parallel.ForEachAsync(Enumerable.Range(0, 10), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            await OpenAsync(requester, $"Correo {i} no recibe", "High", 31));
        var loads = Enumerable.Range(0, 3).Select(_ => CatchUpAsync(store)).ToList();
        await creations;
        await Task.WhenAll(loads);
        Assert.Equal(11, await UrgencyTotalAsync(store));
        Assert.Equal(11, store.Count);
    }

    [Fact]
    public async Task ALateCommit_ADeletion_AndAPrunedLog_AreAllFollowed()
    {
        var (requester, _) = await PeopleAsync();
        var ids = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await OpenAsync(requester, $"Impresora {i} no imprime", "Medium", 3));
        }

        if (TestDatabase.IsPostgres)
        {
            Assert.Null(_factory.Services.GetService<ReportingColumnStore>());
            return;
        }

        // A number taken before a higher one but saved after it: the store has seen the higher one and not this one.
        var late = ids[2];
        await SqlAsync(
            "CREATE TABLE \"LateTicket\" AS SELECT * FROM \"Tickets\" WHERE \"Id\" = " + late,
            "DELETE FROM \"Tickets\" WHERE \"Id\" = " + late);
        using var store = new ReportingColumnStore();
        await CatchUpAsync(store);
        Assert.Equal(3, store.Count);

        // It commits now (an INSERT: no trigger logs it) and the next read counts it.
        await SqlAsync("INSERT INTO \"Tickets\" SELECT * FROM \"LateTicket\"");
        Assert.Equal(4, await UrgencyTotalAsync(store));

        // A deleted ticket leaves the counts (the DELETE trigger logs it).
        await SqlAsync("DELETE FROM \"Tickets\" WHERE \"Id\" = " + ids[0]);
        Assert.Equal(3, await UrgencyTotalAsync(store));

        // The log pruned past what this store applied (e.g. by another process): it loads everything again, so the
        // change it never read (High) is still seen.
        await SqlAsync(
            "UPDATE \"Tickets\" SET \"Urgency\" = 4 WHERE \"Id\" = " + ids[1],
            $"DELETE FROM \"{ReportingCacheSql.Table}\"",
            "UPDATE \"Tickets\" SET \"Urgency\" = 2 WHERE \"Id\" = " + ids[3]);
        var counts = await CountsAsync(store, ReportDimension.Urgency);
        Assert.Equal("2=1;3=1;4=1", string.Join(';', counts.Select(c => $"{c.Key}={c.Count}")));

        // The host's own prune deletes only what its store has applied.
        await TotalAsync(await _factory.SignInAsync((await _factory.CreateUserAsync(UserRole.Technician)).Email, MesaApiFactory.DefaultPassword), "status");
        var applied = _factory.Services.GetRequiredService<ReportingColumnStore>().AppliedSequence;
        await SqlAsync("UPDATE \"Tickets\" SET \"Urgency\" = 3 WHERE \"Id\" = " + ids[3]);
        var loader = _factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ReportingColumnStoreLoader>().Single();
        await loader.PruneAsync(default);
        var left = await _factory.WithDbAsync(db => db.Database.SqlQueryRaw<long>($"SELECT \"Seq\" AS \"Value\" FROM \"{ReportingCacheSql.Table}\"").ToListAsync());
        Assert.Equal([applied + 1], left);
    }

    [Fact]
    public async Task QualityReports_FollowSolutionsRejectionsAndReassignments_MadeAfterTheyWereRead()
    {
        var (requester, teo) = await PeopleAsync();
        var ula = await _factory.SignInAsync((await _factory.CreateUserAsync(UserRole.Technician, fullName: "Ula Técnica")).Email, MesaApiFactory.DefaultPassword);
        var id = await OpenAsync(requester, "Impresora no imprime", "Medium", 3);
        Assert.Equal("0/0", await RejectedAsync(teo));
        Assert.Equal("0/0", await ReopenedAsync(teo));

        await TicketApi.ActAsync(teo, id, "assign", new { technicianId = teo.Id });
        await TicketApi.ActAsync(teo, id, "solve", new { solution = "Se reinstaló el controlador." });
        Assert.Equal("1/0|Teo Técnico:1/0", await RejectedAsync(teo));

        await TicketApi.ActAsync(requester, id, "reject", new { reason = "Sigue sin imprimir" });
        Assert.Equal("1/1|Teo Técnico:1/1", await RejectedAsync(teo));
        Assert.Equal("1/1|Teo Técnico:1/1", await ReopenedAsync(teo));

        // Reassigned and solved again by Ula: the reopening follows the ticket's technician now, the solutions their authors.
        await TicketApi.ActAsync(teo, id, "reassign", new { technicianId = ula.Id });
        await TicketApi.ActAsync(ula, id, "solve", new { solution = "Se cambió el cable." });
        Assert.Equal("2/1|Teo Técnico:1/1|Ula Técnica:1/0", await RejectedAsync(teo));
        Assert.Equal("1/1|Ula Técnica:1/1", await ReopenedAsync(teo));
    }

    /// <summary>"proposed/rejected|technician:proposed/rejected…" for March.</summary>
    private static async Task<string> RejectedAsync(TestUser user)
    {
        var report = await GetAsync(user, $"/api/v1/reports/solutions/rejected?{March}");
        return string.Join('|', report.GetProperty("byTechnician").EnumerateArray()
            .Select(r => $"{r.GetProperty("technician").GetString()}:{r.GetProperty("proposed").GetInt32()}/{r.GetProperty("rejected").GetInt32()}")
            .Prepend($"{report.GetProperty("proposed").GetInt32()}/{report.GetProperty("rejected").GetInt32()}"));
    }

    /// <summary>"tickets/reopenings|technician:tickets/reopenings…" for March, the list's length checked against the total.</summary>
    private static async Task<string> ReopenedAsync(TestUser user)
    {
        var report = await GetAsync(user, $"/api/v1/reports/tickets/reopened?{March}");
        Assert.Equal(report.GetProperty("reopenings").GetInt32(), report.GetProperty("items").GetArrayLength());
        return string.Join('|', report.GetProperty("byTechnician").EnumerateArray()
            .Select(r => $"{r.GetProperty("label").GetString()}:{r.GetProperty("tickets").GetInt32()}/{r.GetProperty("reopenings").GetInt32()}")
            .Prepend($"{report.GetProperty("tickets").GetInt32()}/{report.GetProperty("reopenings").GetInt32()}"));
    }

    private async Task<(TestUser Requester, TestUser Technician)> PeopleAsync()
    {
        var ana = await _factory.CreateUserAsync(fullName: "Ana", department: "Biblioteca");
        var teo = await _factory.CreateUserAsync(UserRole.Technician, fullName: "Teo Técnico");
        return (await _factory.SignInAsync(ana.Email, MesaApiFactory.DefaultPassword), await _factory.SignInAsync(teo.Email, MesaApiFactory.DefaultPassword));
    }

    private static async Task<int> OpenAsync(TestUser requester, string title, string urgency, int category) =>
        (await TicketApi.OpenAsync(requester, title, "Descripción del problema para la mesa.", "Incident", urgency, categoryId: category)).GetProperty("id").GetInt32();

    private Task<int> SqlAsync(params string[] statements) =>
        _factory.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF");
            foreach (var statement in statements)
            {
                await db.Database.ExecuteSqlRawAsync(statement);
            }

            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = ON");
            await db.Database.CloseConnectionAsync();
            return statements.Length;
        });

    private Task<int> CatchUpAsync(ReportingColumnStore store) =>
        _factory.WithDbAsync(async db =>
        {
            await store.CatchUpAsync(db.Database.GetDbConnection(), default);
            return store.Count;
        });

    private Task<IReadOnlyList<KeyCount>> CountsAsync(ReportingColumnStore store, ReportDimension dimension) =>
        _factory.WithDbAsync(db => store.ReadAsync(db.Database.GetDbConnection(), c => c.CountBy(Slice(), dimension), default));

    private async Task<int> UrgencyTotalAsync(ReportingColumnStore store) =>
        (await CountsAsync(store, ReportDimension.Urgency)).Sum(c => c.Count);

    private static TicketSlice Slice() =>
        new(ReportingData.At(2026, 3, 1, 0, 0), ReportingData.At(2026, 4, 1, 0, 0), TimeZoneInfo.FindSystemTimeZoneById("America/Bogota"));

    private static async Task<JsonElement> GetAsync(TestUser user, string url) =>
        await (await (await user.Client.GetAsync(url)).EnsureSuccessAsync()).JsonAsync();

    /// <summary>The groups with tickets, "key=count;…".</summary>
    private static async Task<string> CountsAsync(TestUser user, string by)
    {
        var report = await GetAsync(user, $"/api/v1/reports/tickets/counts?by={by}&{March}");
        return string.Join(';', report.GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("count").GetInt32() > 0)
            .Select(r => $"{r.GetProperty("key").GetString()}={r.GetProperty("count").GetInt32()}"));
    }

    private static async Task<int> TotalAsync(TestUser user, string by, string filters = "") =>
        (await GetAsync(user, $"/api/v1/reports/tickets/counts?by={by}&{March}{filters}")).GetProperty("total").GetInt32();

    private static async Task<List<string>> TermsAsync(TestUser user)
    {
        var report = await GetAsync(user, $"/api/v1/reports/problems/top?{March}");
        return report.GetProperty("terms").EnumerateArray().Select(t => t.GetProperty("key").GetString()!).ToList();
    }

    private static string Sorted(string counts) => string.Join(';', counts.Split(';').Order(StringComparer.Ordinal));
}
