using MesaServicios.Application.Tickets.SearchTickets;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Tickets;

/// <summary>
/// The tickets' search on SQLite FTS5 (<see cref="TicketsSql"/>): every word quoted (a plain token, whatever it is) and
/// marked as a prefix, all of them required.
/// </summary>
internal sealed class SqliteTicketSearchIndex(MesaDbContext db) : ITicketSearchIndex
{
    // Only constants in the text; the MATCH expression travels as a parameter.
    private const string Ids = $"SELECT rowid AS \"Value\" FROM {TicketsSql.SearchTable} WHERE {TicketsSql.SearchTable} MATCH {{0}}";

    private const string Count = $"SELECT COUNT(*) AS \"Value\" FROM {TicketsSql.SearchTable} WHERE {TicketsSql.SearchTable} MATCH {{0}}";

    public IQueryable<int> Matching(TicketSearchWords words) => db.Database.SqlQueryRaw<int>(Ids, Match(words));

    public async Task<int> CountAsync(TicketSearchWords words, CancellationToken cancellationToken) =>
        (await db.Database.SqlQueryRaw<int>(Count, Match(words)).ToListAsync(cancellationToken))[0];

    public Task<IReadOnlyList<string>> DepartmentsAsync(CancellationToken cancellationToken) => TicketDepartments.DistinctAsync(db, cancellationToken);

    /// <summary><c>"impreso"* "piso"*</c>: words hold letters and digits only, so quoting cannot be escaped.</summary>
    internal static string Match(TicketSearchWords words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words.IsEmpty ? "\"\"" : string.Join(' ', words.Words.Select(w => $"\"{w}\"*"));
    }
}
