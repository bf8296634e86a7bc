using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using MesaServicios.Application.Reporting;
using MesaServicios.Domain.Reporting;
using MesaServicios.Domain.Tickets;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Reporting;

/// <summary>
/// The reports' aggregations in SQLite SQL, read straight from the tables (instants are stored as UTC ticks, enums
/// as numbers, ids as upper-case text). Only constants and column names go into the text; every value is a parameter.
/// Local days are ranges of ticks whose bounds are computed in C# in the slice's zone (daylight saving time included).
/// Counts, trends, title terms, compliance and the stored durations are answered from the in-memory
/// <see cref="ReportingColumnStore"/> (caught up with the database on every read); the SQL below them remains for the
/// reports that read few rows (open tickets, names, the export).
/// </summary>
internal sealed class SqliteReportingStore(MesaDbContext db, ReportingColumnStore columns) : IReportingStore
{
    public async Task<IReadOnlyList<CategoryNode>> CategoriesAsync(CancellationToken cancellationToken)
    {
        var rows = new List<CategoryNode>();
        await foreach (var reader in ReadAsync("SELECT \"Id\", \"Name\", \"ParentId\" FROM \"TicketCategories\"", [], cancellationToken))
        {
            rows.Add(new CategoryNode(reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<KeyCount>> CountByAsync(TicketSlice slice, ReportDimension dimension, CancellationToken cancellationToken)
    {
        var counts = await columns.ReadAsync(db.Database.GetDbConnection(), c => c.CountBy(slice, dimension), cancellationToken);
        if (dimension != ReportDimension.Technician || counts.All(c => c.Key is null))
        {
            return counts;
        }

        // Named after grouping: the technicians' names (any role, as stored) looked up once for the few keys.
        var keys = "[" + string.Join(',', counts.Where(c => c.Key is not null).Select(c => System.Text.Json.JsonSerializer.Serialize(c.Key))) + "]";
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var reader in ReadAsync("SELECT \"Id\", \"FullName\" FROM \"Users\" WHERE \"Id\" IN (SELECT value FROM json_each(@p0))", [keys], cancellationToken))
        {
            names[reader.GetString(0)] = reader.GetString(1);
        }

        return counts.Select(c => c.Key is null ? c : c with { Label = names.GetValueOrDefault(c.Key) }).ToList();
    }

    public Task<IReadOnlyList<DayCount>> OpenedPerDayAsync(TicketSlice slice, CancellationToken cancellationToken) =>
        columns.ReadAsync(db.Database.GetDbConnection(), c => c.PerDay(slice, bySolved: false), cancellationToken);

    public Task<IReadOnlyList<DayCount>> SolvedPerDayAsync(TicketSlice slice, CancellationToken cancellationToken) =>
        columns.ReadAsync(db.Database.GetDbConnection(), c => c.PerDay(slice, bySolved: true), cancellationToken);

    public Task<IReadOnlyDictionary<string, int>> TitleTermsAsync(TicketSlice slice, CancellationToken cancellationToken) =>
        columns.ReadAsync(db.Database.GetDbConnection(), c => c.TitleTermCounts(slice), cancellationToken);

    public Task<IReadOnlyList<TicketTimes>> TicketTimesAsync(TicketSlice slice, TimeBasis basis, CancellationToken cancellationToken) =>
        TimesAsync(slice, basis == TimeBasis.Solved ? "SolvedAt" : "CreatedAt", null, cancellationToken);

    public Task<IReadOnlyList<ComplianceCount>> ComplianceAsync(TicketSlice slice, DateTimeOffset now, CancellationToken cancellationToken) =>
        columns.ReadAsync(db.Database.GetDbConnection(), c => c.Compliance(slice, now), cancellationToken);

    public async Task<DurationColumns?> DurationsAsync(TicketSlice slice, TimeBasis basis, CancellationToken cancellationToken)
    {
        var names = await DeskNamesAsync(cancellationToken);
        return await columns.ReadAsync(db.Database.GetDbConnection(), c => c.Durations(slice, basis, names), cancellationToken);
    }

    /// <summary>The desk members' names by stored id (a few rows), read once instead of a lookup per ticket.</summary>
    private async Task<Dictionary<string, string>> DeskNamesAsync(CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var reader in ReadAsync("SELECT \"Id\", \"FullName\" FROM \"Users\" WHERE \"Role\" <> 'Requester'", [], cancellationToken))
        {
            names[reader.GetString(0)] = reader.GetString(1);
        }

        return names;
    }

    // The open tickets are few: the (Status, CreatedAt) index finds them. The planner is told so (INDEXED BY): its
    // statistics see five statuses of equal size and would rather scan the whole covering reporting index, and a
    // category filter would walk the category's whole history. The filters are kept off their own indexes (unary +).
    public Task<IReadOnlyList<TicketTimes>> OpenTicketsAsync(TicketSlice slice, CancellationToken cancellationToken) =>
        TimesAsync(slice, null, $"t.\"Status\" IN ({(int)TicketStatus.New}, {(int)TicketStatus.InProgress}, {(int)TicketStatus.Pending})", cancellationToken, filtersUseIndexes: false, indexedBy: "IX_Tickets_Status_CreatedAt");

    public async Task<IReadOnlyList<KeyCount>> TechniciansAsync(CancellationToken cancellationToken)
    {
        var rows = new List<KeyCount>();
        await foreach (var reader in ReadAsync("SELECT \"Id\", \"FullName\" FROM \"Users\" WHERE \"Role\" = 'Technician' AND \"IsActive\" = 1", [], cancellationToken))
        {
            rows.Add(new KeyCount(reader.GetString(0), reader.GetString(1), 0));
        }

        return rows;
    }

    private async Task<IReadOnlyList<TicketTimes>> TimesAsync(TicketSlice slice, string? instantColumn, string? condition, CancellationToken cancellationToken, bool filtersUseIndexes = true, string? indexedBy = null)
    {
        var (where, parameters) = Where(slice, instantColumn, filtersUseIndexes);
        // Names once (a few desk members), not a lookup per ticket.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var reader in ReadAsync("SELECT \"Id\", \"FullName\" FROM \"Users\" WHERE \"Role\" <> 'Requester'", [], cancellationToken))
        {
            names[reader.GetString(0)] = reader.GetString(1);
        }

        var sql = $"""
            SELECT t."Urgency", t."Status", t."AssignedTechnicianId", NULL,
                   t."CreatedAt", t."FirstResponseAt", t."SolvedAt", t."SlaPausedMinutes", t."SlaPausedSince",
                   t."SlaOwnTargetMinutes", t."SlaOwnDueAt", t."SlaResolveDueAt", t."OwnBusinessMinutes", t."ResolveBusinessMinutes"
            FROM "Tickets" t{(indexedBy is null ? string.Empty : $" INDEXED BY \"{indexedBy}\"")} WHERE {where}{(condition is null ? string.Empty : " AND " + condition)}
            """;
        var rows = new List<TicketTimes>();
        await foreach (var r in ReadAsync(sql, parameters, cancellationToken))
        {
            rows.Add(new TicketTimes(
                (Urgency)r.GetInt32(0),
                (TicketStatus)r.GetInt32(1),
                r.IsDBNull(2) ? null : r.GetString(2),
                r.IsDBNull(2) ? null : names.GetValueOrDefault(r.GetString(2)),
                Instant(r.GetInt64(4)),
                r.IsDBNull(5) ? null : Instant(r.GetInt64(5)),
                r.IsDBNull(6) ? null : Instant(r.GetInt64(6)),
                r.GetDouble(7),
                r.IsDBNull(8) ? null : Instant(r.GetInt64(8)),
                r.GetInt32(9),
                Instant(r.GetInt64(10)),
                Instant(r.GetInt64(11)),
                r.IsDBNull(12) ? null : r.GetDouble(12),
                r.IsDBNull(13) ? null : r.GetDouble(13)));
        }

        return rows;
    }

    public async IAsyncEnumerable<TicketExportRow> ExportAsync(TicketSlice slice, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Category and desk member names once (small tables), not a lookup per exported row.
        var categories = new Dictionary<long, string>();
        await foreach (var reader in ReadAsync("SELECT \"Id\", \"Name\" FROM \"TicketCategories\"", [], cancellationToken))
        {
            categories[reader.GetInt64(0)] = reader.GetString(1);
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var reader in ReadAsync("SELECT \"Id\", \"FullName\" FROM \"Users\" WHERE \"Role\" <> 'Requester'", [], cancellationToken))
        {
            names[reader.GetString(0)] = reader.GetString(1);
        }

        var (where, parameters) = Where(slice, "CreatedAt");
        var sql = $"""
            SELECT t."Id", t."CreatedAt", t."Title", t."Type", t."Status", t."Urgency", t."Priority", t."Source",
                   t."CategoryId", t."RequesterName", t."RequesterDepartment", t."AssignedTechnicianId",
                   t."FirstResponseAt", t."SolvedAt", t."ClosedAt"
            FROM "Tickets" t WHERE {where} ORDER BY t."CreatedAt", t."Id"
            """;
        await foreach (var r in ReadAsync(sql, parameters, cancellationToken))
        {
            yield return new TicketExportRow(
                r.GetInt32(0),
                Instant(r.GetInt64(1)),
                r.GetString(2),
                (TicketType)r.GetInt32(3),
                (TicketStatus)r.GetInt32(4),
                (Urgency)r.GetInt32(5),
                (Priority)r.GetInt32(6),
                (TicketSource)r.GetInt32(7),
                r.IsDBNull(8) ? null : categories.GetValueOrDefault(r.GetInt64(8)),
                r.GetString(9),
                r.IsDBNull(10) ? null : r.GetString(10),
                r.IsDBNull(11) ? null : names.GetValueOrDefault(r.GetString(11)),
                r.IsDBNull(12) ? null : Instant(r.GetInt64(12)),
                r.IsDBNull(13) ? null : Instant(r.GetInt64(13)),
                r.IsDBNull(14) ? null : Instant(r.GetInt64(14)));
        }
    }

    /// <summary>The slice as a WHERE clause on alias t, with <paramref name="instantColumn"/> in the period.</summary>
    private static (string Sql, List<object> Parameters) Where(TicketSlice slice, string? instantColumn, bool filtersUseIndexes = true)
    {
        var plus = filtersUseIndexes ? string.Empty : "+";
        var parameters = new List<object>();
        var sql = new StringBuilder("1 = 1");
        if (instantColumn is not null)
        {
            parameters.Add(slice.Start.UtcTicks);
            parameters.Add(slice.End.UtcTicks);
            sql.Append($" AND t.\"{instantColumn}\" >= @p0 AND t.\"{instantColumn}\" < @p1");
        }

        void Add(string condition, object value)
        {
            parameters.Add(value);
            sql.Append(" AND ").Append(condition.Replace("@?", "@p" + (parameters.Count - 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        if (slice.Type is { } type)
        {
            Add(plus + "t.\"Type\" = @?", (int)type);
        }

        if (slice.Source is { } source)
        {
            Add(plus + "t.\"Source\" = @?", (int)source);
        }

        if (slice.TechnicianId is { } technician)
        {
            Add(plus + "t.\"AssignedTechnicianId\" = @?", technician.ToString().ToUpperInvariant());
        }

        if (slice.Department is { } department)
        {
            Add(plus + "t.\"RequesterDepartment\" = @? COLLATE NOCASE", department);
        }

        if (slice.CategoryIds is { } categories)
        {
            // Ids are integers: written into the text, they cannot carry anything else.
            sql.Append(" AND ").Append(plus).Append("t.\"CategoryId\" IN (")
                .Append(string.Join(',', categories.Select(c => c.ToString(CultureInfo.InvariantCulture))))
                .Append(')');
        }

        return (sql.ToString(), parameters);
    }

    private async IAsyncEnumerable<DbDataReader> ReadAsync(string sql, IReadOnlyList<object> parameters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < parameters.Count; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                parameter.Value = parameters[i];
                command.Parameters.Add(parameter);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return reader;
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static DateTimeOffset Instant(long utcTicks) => new(utcTicks, TimeSpan.Zero);
}
