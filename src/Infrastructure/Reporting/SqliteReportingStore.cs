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
/// </summary>
internal sealed class SqliteReportingStore(MesaDbContext db) : IReportingStore
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
        var (where, parameters) = Where(slice, "CreatedAt");
        var column = dimension switch
        {
            ReportDimension.Type => "\"Type\"",
            ReportDimension.Urgency => "\"Urgency\"",
            ReportDimension.Priority => "\"Priority\"",
            ReportDimension.Status => "\"Status\"",
            ReportDimension.Category => "\"CategoryId\"",
            ReportDimension.Department => "\"RequesterDepartment\"",
            ReportDimension.Technician => "\"AssignedTechnicianId\"",
            ReportDimension.Source => "\"Source\"",
            _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
        };
        // Grouped first, named after: the technician's name is looked up once per group, not once per ticket.
        var label = dimension == ReportDimension.Technician
            ? "(SELECT u.\"FullName\" FROM \"Users\" u WHERE u.\"Id\" = g.k)"
            : "NULL";
        var sql = $"SELECT g.k, {label}, g.n FROM (SELECT t.{column} AS k, COUNT(*) AS n FROM \"Tickets\" t WHERE {where} GROUP BY t.{column}) g";
        var rows = new List<KeyCount>();
        await foreach (var reader in ReadAsync(sql, parameters, cancellationToken))
        {
            rows.Add(new KeyCount(
                reader.IsDBNull(0) ? null : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetInt32(2)));
        }

        return rows;
    }

    public Task<IReadOnlyList<DayCount>> OpenedPerDayAsync(TicketSlice slice, CancellationToken cancellationToken) =>
        PerDayAsync(slice, "CreatedAt", cancellationToken);

    public Task<IReadOnlyList<DayCount>> SolvedPerDayAsync(TicketSlice slice, CancellationToken cancellationToken) =>
        PerDayAsync(slice, "SolvedAt", cancellationToken);

    public async Task<IReadOnlyDictionary<string, int>> TitleTermsAsync(TicketSlice slice, CancellationToken cancellationToken)
    {
        var (where, parameters) = Where(slice, "CreatedAt");
        // Titles repeat ("Restablecer contraseña"): each distinct title is split once and weighted by its count. The
        // titles are counted here, in one pass over the covering index: SQLite's GROUP BY would sort every title of
        // the period first (three times slower over a year of tickets).
        var titles = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var reader in ReadAsync($"SELECT t.\"Title\" FROM \"Tickets\" t WHERE {where}", parameters, cancellationToken))
        {
            var title = reader.GetString(0);
            titles[title] = titles.GetValueOrDefault(title) + 1;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (title, times) in titles)
        {
            foreach (var term in TitleTerms.Of(title))
            {
                counts[term] = counts.GetValueOrDefault(term) + times;
            }
        }

        return counts;
    }

    public Task<IReadOnlyList<TicketTimes>> TicketTimesAsync(TicketSlice slice, TimeBasis basis, CancellationToken cancellationToken) =>
        TimesAsync(slice, basis == TimeBasis.Solved ? "SolvedAt" : "CreatedAt", null, cancellationToken);

    public async Task<IReadOnlyList<ComplianceCount>> ComplianceAsync(TicketSlice slice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (where, parameters) = Where(slice, "CreatedAt");
        parameters.Add(now.UtcTicks);
        var sql = ReportingAggregates.Compliance(where, "@p" + (parameters.Count - 1).ToString(CultureInfo.InvariantCulture));
        var rows = new List<ComplianceCount>();
        await foreach (var r in ReadAsync(sql, parameters, cancellationToken))
        {
            var missed = r.GetInt32(1);
            var met = r.GetInt32(2);
            rows.Add(new ComplianceCount((Urgency)r.GetInt32(0), met, missed, r.GetInt32(3) - missed - met));
        }

        return rows;
    }

    public async Task<IReadOnlyList<TicketDuration>?> DurationsAsync(TicketSlice slice, TimeBasis basis, CancellationToken cancellationToken)
    {
        var (where, parameters) = Where(slice, basis == TimeBasis.Solved ? "SolvedAt" : "CreatedAt");
        var names = await DeskNamesAsync(cancellationToken);
        var rows = new List<TicketDuration>();
        await foreach (var r in ReadAsync(ReportingAggregates.Durations(where, "NULL", string.Empty), parameters, cancellationToken))
        {
            if (r.GetInt32(5) == 1)
            {
                return null;
            }

            var technician = r.IsDBNull(1) ? null : r.GetString(1);
            rows.Add(new TicketDuration(
                (Urgency)r.GetInt32(0),
                technician,
                technician is null ? null : names.GetValueOrDefault(technician),
                r.IsDBNull(3) ? null : r.GetDouble(3),
                r.IsDBNull(4) ? null : r.GetDouble(4)));
        }

        return rows;
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

    // One range count per local day (its bounds computed here in the slice's zone, daylight saving time included),
    // each answered from an index in CreatedAt / SolvedAt order: no sort of the period's tickets by day, so a whole year
    // costs one pass over the narrowest index that holds the filters.
    private async Task<IReadOnlyList<DayCount>> PerDayAsync(TicketSlice slice, string instantColumn, CancellationToken cancellationToken)
    {
        var (filters, parameters) = Where(slice, null);
        var days = new StringBuilder("[");
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(slice.Start, slice.Zone).DateTime);
        for (var start = slice.Start; start < slice.End; day = day.AddDays(1))
        {
            var end = ReportPeriod.StartOfDay(day.AddDays(1), slice.Zone);
            end = end < slice.End ? end : slice.End;
            days.Append(days.Length == 1 ? string.Empty : ",").Append(CultureInfo.InvariantCulture, $"[{day.DayNumber},{start.UtcTicks},{end.UtcTicks}]");
            start = end;
        }

        parameters.Add(days.Append(']').ToString());
        var json = "@p" + (parameters.Count - 1).ToString(CultureInfo.InvariantCulture);
        var sql = $"""
            SELECT json_extract(j.value, '$[0]'),
                   (SELECT COUNT(*) FROM "Tickets" t WHERE {filters}
                      AND t."{instantColumn}" >= json_extract(j.value, '$[1]') AND t."{instantColumn}" < json_extract(j.value, '$[2]'))
            FROM json_each({json}) j
            """;
        var rows = new List<DayCount>();
        await foreach (var reader in ReadAsync(sql, parameters, cancellationToken))
        {
            if (reader.GetInt32(1) > 0)
            {
                rows.Add(new DayCount(DateOnly.FromDayNumber(reader.GetInt32(0)), reader.GetInt32(1)));
            }
        }

        return rows;
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
