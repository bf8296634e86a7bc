using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using MesaServicios.Application.Reporting;
using MesaServicios.Domain.Reporting;
using MesaServicios.Domain.Tickets;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MesaServicios.Infrastructure.Reporting;

/// <summary>
/// The reports' aggregations in PostgreSQL's own SQL (<c>Database:Provider=Postgres</c>), with the same answers as
/// <see cref="SqliteReportingStore"/>. Instants are stored as UTC ticks on both engines (the model's converter); a local
/// day is the tick turned into a <c>timestamptz</c> and read <c>AT TIME ZONE</c> the slice's zone (PostgreSQL's own
/// time zone rules, daylight saving time included, so no per-row work in C#). Ids are <c>uuid</c>, handed out in the
/// same upper-case text SQLite stores, so a report names a technician the same way on both. Title terms are split in
/// C# (<see cref="TitleTerms"/>), each distinct title once, as on SQLite: folding rules live in the domain only.
/// Only constants and column names go into the text; every value is a parameter.
/// </summary>
internal sealed class PostgresReportingStore(MesaDbContext db) : IReportingStore
{
    /// <summary>An instant column (UTC ticks) as a <c>timestamptz</c>, truncated to the microsecond (never across a day).</summary>
    private static string Timestamp(string column) =>
        $"('epoch'::timestamptz + ((t.\"{column}\" - {DateTimeOffset.UnixEpoch.UtcTicks}) / 10) * interval '1 microsecond')";

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

        // Grouped first (from the covering index), then the few technicians named.
        var sql = dimension == ReportDimension.Technician
            ? $"""
               SELECT g.k, u."FullName", g.n FROM (SELECT t.{column} AS k, COUNT(*)::int AS n FROM "Tickets" t WHERE {where} GROUP BY t.{column}) g
               LEFT JOIN "Users" u ON u."Id" = g.k
               """
            : $"SELECT t.{column}, NULL::text, COUNT(*)::int FROM \"Tickets\" t WHERE {where} GROUP BY t.{column}";
        var rows = new List<KeyCount>();
        await foreach (var reader in ReadAsync(sql, parameters, cancellationToken))
        {
            rows.Add(new KeyCount(
                reader.IsDBNull(0) ? null : Key(reader.GetValue(0)),
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
        // Titles repeat ("Restablecer contraseña"): each distinct title is split once and weighted by its count.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var reader in ReadAsync($"SELECT t.\"Title\", COUNT(*)::int FROM \"Tickets\" t WHERE {where} GROUP BY t.\"Title\"", parameters, cancellationToken))
        {
            var times = reader.GetInt32(1);
            foreach (var term in TitleTerms.Of(reader.GetString(0)))
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
            var missed = Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture);
            var met = Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture);
            rows.Add(new ComplianceCount((Urgency)r.GetInt32(0), met, missed, Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture) - missed - met));
        }

        return rows;
    }

    public async Task<DurationColumns?> DurationsAsync(TicketSlice slice, TimeBasis basis, CancellationToken cancellationToken)
    {
        var (where, parameters) = Where(slice, basis == TimeBasis.Solved ? "SolvedAt" : "CreatedAt");
        var sql = ReportingAggregates.Durations(where, "u.\"FullName\"", " LEFT JOIN \"Users\" u ON u.\"Id\" = t.\"AssignedTechnicianId\" AND u.\"Role\" <> 'Requester'");
        var rows = new List<TicketDuration>();
        await foreach (var r in ReadAsync(sql, parameters, cancellationToken))
        {
            if (r.GetInt32(5) == 1)
            {
                return null;
            }

            rows.Add(new TicketDuration(
                (Urgency)r.GetInt32(0),
                r.IsDBNull(1) ? null : Key(r.GetGuid(1)),
                r.IsDBNull(2) ? null : r.GetString(2),
                r.IsDBNull(3) ? null : r.GetDouble(3),
                r.IsDBNull(4) ? null : r.GetDouble(4)));
        }

        return DurationColumns.From(rows);
    }

    public Task<IReadOnlyList<TicketTimes>> OpenTicketsAsync(TicketSlice slice, CancellationToken cancellationToken) =>
        TimesAsync(slice, null, $"t.\"Status\" IN ({(int)TicketStatus.New}, {(int)TicketStatus.InProgress}, {(int)TicketStatus.Pending})", cancellationToken);

    public async Task<IReadOnlyList<KeyCount>> TechniciansAsync(CancellationToken cancellationToken)
    {
        var rows = new List<KeyCount>();
        await foreach (var reader in ReadAsync("SELECT \"Id\", \"FullName\" FROM \"Users\" WHERE \"Role\" = 'Technician' AND \"IsActive\"", [], cancellationToken))
        {
            rows.Add(new KeyCount(Key(reader.GetGuid(0)), reader.GetString(1), 0));
        }

        return rows;
    }

    private async Task<IReadOnlyList<TicketTimes>> TimesAsync(TicketSlice slice, string? instantColumn, string? condition, CancellationToken cancellationToken)
    {
        var (where, parameters) = Where(slice, instantColumn);
        var sql = $"""
            SELECT t."Urgency", t."Status", t."AssignedTechnicianId", u."FullName",
                   t."CreatedAt", t."FirstResponseAt", t."SolvedAt", t."SlaPausedMinutes", t."SlaPausedSince",
                   t."SlaOwnTargetMinutes", t."SlaOwnDueAt", t."SlaResolveDueAt", t."OwnBusinessMinutes", t."ResolveBusinessMinutes"
            FROM "Tickets" t LEFT JOIN "Users" u ON u."Id" = t."AssignedTechnicianId" AND u."Role" <> 'Requester'
            WHERE {where}{(condition is null ? string.Empty : " AND " + condition)}
            """;
        var rows = new List<TicketTimes>();
        await foreach (var r in ReadAsync(sql, parameters, cancellationToken))
        {
            rows.Add(new TicketTimes(
                (Urgency)r.GetInt32(0),
                (TicketStatus)r.GetInt32(1),
                r.IsDBNull(2) ? null : Key(r.GetGuid(2)),
                r.IsDBNull(3) ? null : r.GetString(3),
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
        var (where, parameters) = Where(slice, "CreatedAt");
        var sql = $"""
            SELECT t."Id", t."CreatedAt", t."Title", t."Type", t."Status", t."Urgency", t."Priority", t."Source",
                   c."Name", t."RequesterName", t."RequesterDepartment", u."FullName",
                   t."FirstResponseAt", t."SolvedAt", t."ClosedAt"
            FROM "Tickets" t
            LEFT JOIN "TicketCategories" c ON c."Id" = t."CategoryId"
            LEFT JOIN "Users" u ON u."Id" = t."AssignedTechnicianId"
            WHERE {where} ORDER BY t."CreatedAt", t."Id"
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
                r.IsDBNull(8) ? null : r.GetString(8),
                r.GetString(9),
                r.IsDBNull(10) ? null : r.GetString(10),
                r.IsDBNull(11) ? null : r.GetString(11),
                r.IsDBNull(12) ? null : Instant(r.GetInt64(12)),
                r.IsDBNull(13) ? null : Instant(r.GetInt64(13)),
                r.IsDBNull(14) ? null : Instant(r.GetInt64(14)));
        }
    }

    private async Task<IReadOnlyList<DayCount>> PerDayAsync(TicketSlice slice, string instantColumn, CancellationToken cancellationToken)
    {
        var (where, parameters) = Where(slice, instantColumn);
        parameters.Add(ZoneName(slice.Zone));
        var zone = "@p" + (parameters.Count - 1).ToString(CultureInfo.InvariantCulture);
        var sql = $"SELECT ({Timestamp(instantColumn)} AT TIME ZONE {zone})::date AS d, COUNT(*)::int FROM \"Tickets\" t WHERE {where} GROUP BY d";
        var rows = new List<DayCount>();
        await foreach (var reader in ReadAsync(sql, parameters, cancellationToken))
        {
            rows.Add(new DayCount(reader.GetFieldValue<DateOnly>(0), reader.GetInt32(1)));
        }

        return rows;
    }

    /// <summary>The zone's IANA name, which PostgreSQL knows (a Windows id is translated).</summary>
    private static string ZoneName(TimeZoneInfo zone)
    {
        if (zone.HasIanaId)
        {
            return zone.Id;
        }

        return TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana)
            ? iana
            : throw new InvalidOperationException($"The time zone '{zone.Id}' has no IANA name PostgreSQL could use.");
    }

    /// <summary>The slice as a WHERE clause on alias t, with <paramref name="instantColumn"/> in the period.</summary>
    private static (string Sql, List<object> Parameters) Where(TicketSlice slice, string? instantColumn)
    {
        var parameters = new List<object>();
        var sql = new StringBuilder("TRUE");
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
            Add("t.\"Type\" = @?", (int)type);
        }

        if (slice.Source is { } source)
        {
            Add("t.\"Source\" = @?", (int)source);
        }

        if (slice.TechnicianId is { } technician)
        {
            Add("t.\"AssignedTechnicianId\" = @?", technician);
        }

        if (slice.Department is { } department)
        {
            // SQLite's NOCASE: only A-Z fold, so both engines pick the same tickets.
            Add($"{AsciiLower("t.\"RequesterDepartment\"")} = {AsciiLower("@?")}", department);
        }

        if (slice.CategoryIds is { } categories)
        {
            // Ids are integers: written into the text, they cannot carry anything else.
            sql.Append(" AND t.\"CategoryId\" IN (")
                .Append(string.Join(',', categories.Select(c => c.ToString(CultureInfo.InvariantCulture))))
                .Append(')');
        }

        return (sql.ToString(), parameters);
    }

    private static string AsciiLower(string expression) =>
        $"translate({expression}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')";

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
                command.Parameters.Add(new NpgsqlParameter("p" + i.ToString(CultureInfo.InvariantCulture), parameters[i]));
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

    /// <summary>A grouped value as SQLite would give it: numbers as text, ids in upper case.</summary>
    private static string? Key(object value) => value switch
    {
        Guid id => id.ToString().ToUpperInvariant(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static DateTimeOffset Instant(long utcTicks) => new(utcTicks, TimeSpan.Zero);
}
