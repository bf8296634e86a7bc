using System.Globalization;
using Mediator;
using MesaServicios.Application.Tickets.SearchTickets;
using MesaServicios.Domain.Tickets;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Tickets;

/// <summary>
/// The text search of a word found in thousands of tickets (more than the search's "few matches", so the count with
/// other filters and the newest page take their fast paths), through the real host: every page, total and order equals
/// what the tickets themselves say, computed here from their rows — indexed and not yet indexed, ticket numbers in
/// creation order and not. Own host: the tickets are written straight into the database (8,000 copies of one opened
/// through the API, a few seconds), and no ticket is opened through the API after them.
/// </summary>
public sealed class TicketTextSearchAtScaleTests : IClassFixture<MesaApiFactory>
{
    private const int Copies = 8_000;
    private readonly MesaApiFactory _factory;

    /// <summary>Every ticket's row as last read (read again after each change).</summary>
    private List<Row>? _rows;

    public TicketTextSearchAtScaleTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task ACommonWord_GivesTheSamePagesTotalsAndOrder_AsTheTicketsThemselves()
    {
        var requester = await _factory.CreateUserAsync();
        var tech = await _factory.CreateUserAsync(UserRole.Technician);
        var word = "cuarzo" + Guid.NewGuid().ToString("N")[..6];
        var template = (await TicketApi.OpenAsync(requester, "Plantilla de equipo", "Una copia por cada ticket de la prueba.")).GetProperty("id").GetInt32();

        // 8,000 tickets numbered after the template in creation order: three in four hold the word (one in four of
        // those as the start of a longer word), one in ten in progress, the rest closed; then the index catches up.
        await CopyAsync(template, template, Copies, word);
        _factory.Clock.Advance(IndexNewTicketsCommand.Settle + TimeSpan.FromMinutes(1));
        while (await _factory.WithScopeAsync(sp => sp.GetRequiredService<ISender>().Send(new IndexNewTicketsCommand()).AsTask()) > 0)
        {
        }

        // Thirty more above the watermark (not indexed yet): the newest matches.
        await CopyAsync(template, template + Copies, 30, word);

        string[] queries =
        [
            "", "&page=3", "&page=11", "&sort=createdAt", "&sort=createdAt&page=2", "&sort=id&page=2", "&sort=-id",
            "&sort=-priority", "&status=InProgress", "&status=InProgress&page=2", "&status=Closed", "&status=Closed&sort=createdAt",
            "&status=InProgress&status=Closed&page=4",
        ];
        foreach (var query in queries)
        {
            await AssertSameAsync(tech, word, query);
        }

        await AssertSameAsync(tech, word + " equipo", string.Empty);
        await AssertSameAsync(tech, word + "plus", "&sort=createdAt");

        // Numbers no longer in creation order: an old number opened last, a new number opened first.
        await SetCreatedAtAsync(template + 5, TimeSpan.FromDays(1));
        await SetCreatedAtAsync(template + Copies - 3, TimeSpan.FromDays(-30));
        foreach (var query in new[] { "", "&sort=createdAt", "&status=Closed", "&sort=-id" })
        {
            await AssertSameAsync(tech, word, query);
        }

        var first = (await PageAsync(tech, $"text={word}")).Ids[0];
        Assert.Equal(template + 5, first);
        Assert.Equal(template + Copies - 3, (await PageAsync(tech, $"text={word}&sort=createdAt")).Ids[0]);
    }

    /// <summary>The search's page and total for the text and query equal those computed from every ticket's row.</summary>
    private async Task AssertSameAsync(TestUser tech, string text, string query)
    {
        var page = await PageAsync(tech, $"text={Uri.EscapeDataString(text)}&pageSize=20{query}");
        var expected = await ExpectedAsync(text, query);
        Assert.True(expected.Ids.SequenceEqual(page.Ids), $"{text} {query}: expected [{string.Join(", ", expected.Ids)}], got [{string.Join(", ", page.Ids)}]");
        Assert.Equal(expected.Total, page.Total);
    }

    private static async Task<(int Total, List<int> Ids)> PageAsync(TestUser user, string query)
    {
        var page = await (await (await user.Client.GetAsync($"/api/v1/tickets?{query}")).EnsureSuccessAsync()).JsonAsync();
        return (page.GetProperty("total").GetInt32(), page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList());
    }

    /// <summary>From the rows: every word starts a word of the text; the statuses, sort and page of the query.</summary>
    private async Task<(int Total, List<int> Ids)> ExpectedAsync(string text, string query)
    {
        var rows = _rows ??= await _factory.WithDbAsync(db => db.Tickets.AsNoTracking()
            .Select(t => new Row(t.Id, t.CreatedAt, t.Status, t.Priority, t.SearchText)).ToListAsync());
        var words = text.Split(' ');
        var parameters = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToList();
        var statuses = parameters.Where(p => p[0] == "status").Select(p => Enum.Parse<TicketStatus>(p[1])).ToList();
        var sort = parameters.Where(p => p[0] == "sort").Select(p => p[1]).FirstOrDefault() ?? "-createdAt";
        var pageNumber = parameters.Where(p => p[0] == "page").Select(p => int.Parse(p[1], CultureInfo.InvariantCulture)).FirstOrDefault(1);
        var found = rows
            .Where(r => words.All(w => Words(r.SearchText).Any(token => token.StartsWith(w, StringComparison.Ordinal))))
            .Where(r => statuses.Count == 0 || statuses.Contains(r.Status))
            .ToList();
        var ordered = sort switch
        {
            "createdAt" => found.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id),
            "id" => found.OrderBy(r => r.Id),
            "-id" => found.OrderByDescending(r => r.Id),
            "-priority" => found.OrderByDescending(r => r.Priority).ThenByDescending(r => r.Id),
            _ => found.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id),
        };
        return (found.Count, ordered.Skip((pageNumber - 1) * 20).Take(20).Select(r => r.Id).ToList());
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split(text.Where(c => !char.IsLetterOrDigit(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Copies the template ticket <paramref name="count"/> times with the numbers after <paramref name="after"/>, one
    /// second apart in creation order ending at the template's creation (plus their number's offset); titles and text
    /// with the word in three in four, as a longer word ("…plus") in one in four of those.
    /// </summary>
    private Task CopyAsync(int template, int after, int count, string word) =>
        _factory.WithDbAsync(async db =>
        {
            _rows = null;
            var columns = await db.Database.SqlQueryRaw<string>(TestDatabase.IsPostgres
                ? "SELECT column_name::text AS \"Value\" FROM information_schema.columns WHERE table_name = 'Tickets' AND table_schema = current_schema()"
                : "SELECT name AS \"Value\" FROM pragma_table_info('Tickets')").ToListAsync();
            var offset = after - template;
            var text = $"CASE WHEN n.i % 4 = 0 THEN 'equipo sin la palabra ' || n.i WHEN n.i % 4 = 1 THEN 'equipo {word}plus ' || n.i ELSE 'equipo {word} ' || n.i END";
            var values = columns.Select(c => c switch
            {
                "Id" => $"{after} + n.i",
                "Title" => text,
                "SearchText" => text,
                "Status" => $"CASE WHEN n.i % 10 = 0 THEN {(int)TicketStatus.InProgress} ELSE {(int)TicketStatus.Closed} END",
                "CreatedAt" => $"t.\"CreatedAt\" + ({offset} + n.i - {Copies}) * CAST({TimeSpan.TicksPerSecond} AS BIGINT)", // ticks on both engines
                _ => $"t.\"{c}\"",
            });
            var sql = $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}) "
                + $"INSERT INTO \"Tickets\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) "
                + $"SELECT {string.Join(", ", values)} FROM \"Tickets\" AS t CROSS JOIN n WHERE t.\"Id\" = {template}";
            return await db.Database.ExecuteSqlRawAsync(sql);
        });

    private Task SetCreatedAtAsync(int id, TimeSpan fromNow) =>
        _factory.WithDbAsync(async db =>
        {
            _rows = null;
            var at = _factory.Clock.GetUtcNow() + fromNow;
            return await db.Tickets.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.CreatedAt, at));
        });

    private sealed record Row(int Id, DateTimeOffset CreatedAt, TicketStatus Status, Priority Priority, string SearchText);
}
