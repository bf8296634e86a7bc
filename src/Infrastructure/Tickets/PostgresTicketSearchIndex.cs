using MesaServicios.Application.Tickets.SearchTickets;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Tickets;

/// <summary>
/// The tickets' search on PostgreSQL text search (<see cref="TicketsPostgresSql"/>): <c>impreso:* &amp; piso:*</c> against
/// the indexed <c>tsvector</c> of the folded text (GIN).
/// </summary>
internal sealed class PostgresTicketSearchIndex(MesaDbContext db) : ITicketSearchIndex
{
    // Only constants in the text; the query travels as a parameter.
    private const string Condition = $"{TicketsPostgresSql.Document} @@ to_tsquery('simple'::regconfig, {{0}})";

    private const string Ids = $"SELECT \"Id\" AS \"Value\" FROM \"Tickets\" WHERE {Condition}";

    private const string Count = $"SELECT COUNT(*)::integer AS \"Value\" FROM \"Tickets\" WHERE {Condition}";

    public IQueryable<int> Matching(TicketSearchWords words) => db.Database.SqlQueryRaw<int>(Ids, Query(words));

    public async Task<int> CountAsync(TicketSearchWords words, CancellationToken cancellationToken) =>
        (await db.Database.SqlQueryRaw<int>(Count, Query(words)).ToListAsync(cancellationToken))[0];

    public async Task<IReadOnlyList<int>> FirstByNumberAsync(TicketSearchWords words, int max, bool descending, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<int>(descending ? Ids + " ORDER BY \"Id\" DESC LIMIT {1}" : Ids + " ORDER BY \"Id\" LIMIT {1}", Query(words), max)
            .ToListAsync(cancellationToken);

    /// <summary>Nothing to do: PostgreSQL keeps its index in the ticket's own transaction.</summary>
    public Task<int> CatchUpAsync(DateTimeOffset openedBefore, int max, CancellationToken cancellationToken) => Task.FromResult(0);

    public Task<IReadOnlyList<string>> DepartmentsAsync(CancellationToken cancellationToken) => TicketDepartments.DistinctAsync(db, cancellationToken);

    /// <summary><c>impreso:* &amp; piso:*</c>: words hold letters and digits only, so they cannot be read as operators.</summary>
    internal static string Query(TicketSearchWords words)
    {
        ArgumentNullException.ThrowIfNull(words);
        // An empty tsquery matches nothing (PostgreSQL notes it and returns no row).
        return string.Join(" & ", words.Words.Select(w => w + ":*"));
    }
}

/// <summary>
/// The distinct departments on tickets, read as a loose index scan (one seek per department in
/// <c>IX_Tickets_RequesterDepartment_CreatedAt</c>) instead of a scan of every ticket; the same SQL on both engines. The first
/// step says IS NOT NULL so that the partial index serves it (without it SQLite scanned another index whole: 280 ms at 1M).
/// </summary>
internal static class TicketDepartments
{
    private const string Sql = """
        WITH RECURSIVE d("Value") AS (
            SELECT MIN("RequesterDepartment") FROM "Tickets" WHERE "RequesterDepartment" IS NOT NULL
            UNION ALL
            SELECT (SELECT MIN(t."RequesterDepartment") FROM "Tickets" AS t WHERE t."RequesterDepartment" > d."Value")
            FROM d WHERE d."Value" IS NOT NULL)
        SELECT "Value" FROM d WHERE "Value" IS NOT NULL
        """;

    public static async Task<IReadOnlyList<string>> DistinctAsync(MesaDbContext db, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<string>(Sql).ToListAsync(cancellationToken);
}
