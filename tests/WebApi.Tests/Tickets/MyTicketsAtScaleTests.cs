using System.Diagnostics;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace MesaServicios.WebApi.Tests.Tickets;

/// <summary><c>GET /api/v1/me/tickets</c> stays fast with 100,000 tickets: it walks the (RequesterId, CreatedAt) index.</summary>
public sealed class MyTicketsAtScaleTests : IClassFixture<MesaApiFactory>
{
    private const int TicketCount = 100_000;
    private readonly MesaApiFactory _factory;
    private readonly ITestOutputHelper _output;

    public MyTicketsAtScaleTests(MesaApiFactory factory, ITestOutputHelper output)
    {
        _factory = factory;
        _output = output;
    }

    [Fact]
    public async Task MyTickets_With100000Tickets_AnswersFromTheIndex()
    {
        var me = await _factory.CreateUserAsync();
        var observer = await _factory.CreateUserAsync();
        var observedId = await TicketApi.OpenIdAsync(observer, observers: [me.Email]);
        var seed = Stopwatch.StartNew();
        await _factory.WithDbAsync(async db =>
        {
            // 100,000 tickets of 997 other requesters, one in a thousand mine.
            var start = _factory.Clock.GetUtcNow().AddDays(-400).UtcTicks;
            return await db.Database.ExecuteSqlAsync($"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {TicketCount})
                INSERT INTO Tickets (Title, Description, SearchText, Type, Status, Urgency, Impact, Priority, Source, RequesterId, RequesterName,
                                     ClosedAutomatically, IsIncomplete, CreatedAt, UpdatedAt, Version, TimelineSequence)
                SELECT 'Ticket de carga ' || i, 'Descripción de carga número ' || i, 'ticket de carga ' || i || char(10) || 'descripcion de carga numero ' || i,
                       1 + (i % 2), 1, 3, 3, 3, 1,
                       CASE WHEN i % 1000 = 0 THEN {me.Id.ToString().ToUpperInvariant()} ELSE printf('%08X-0000-0000-0000-000000000000', i % 997) END,
                       'Carga', 0, 0, {start} + i * 3000000000, {start} + i * 3000000000, 1, 0
                FROM n
                """);
        });
        _output.WriteLine($"seeded {TicketCount} tickets in {seed.ElapsedMilliseconds} ms");

        await (await me.Client.GetAsync("/api/v1/me/tickets")).EnsureSuccessAsync();
        var timer = Stopwatch.StartNew();
        const int Rounds = 10;
        System.Text.Json.JsonElement page = default;
        for (var i = 0; i < Rounds; i++)
        {
            page = await (await (await me.Client.GetAsync($"/api/v1/me/tickets?page={1 + (i % 3)}&pageSize=20")).EnsureSuccessAsync()).JsonAsync();
        }

        var average = timer.ElapsedMilliseconds / (double)Rounds;
        _output.WriteLine($"GET /api/v1/me/tickets: {average:F1} ms on average over {Rounds} calls");
        Assert.Equal(TicketCount / 1000 + 1, page.GetProperty("total").GetInt32());

        var plan = await _factory.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                EXPLAIN QUERY PLAN
                SELECT Id, Title FROM Tickets AS t
                WHERE t.RequesterId = $me OR t.Id IN (SELECT value FROM json_each($observed))
                ORDER BY t.CreatedAt DESC, t.Id DESC LIMIT 20
                """;
            command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$me", me.Id.ToString().ToUpperInvariant()));
            command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$observed", $"[{observedId}]"));
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(3));
            }

            return string.Join(" | ", lines);
        });
        _output.WriteLine(plan);
        Assert.Contains("IX_Tickets_RequesterId_CreatedAt", plan);
        Assert.DoesNotContain("SCAN t", plan);
        Assert.True(average < 250, $"average {average} ms");
    }
}
