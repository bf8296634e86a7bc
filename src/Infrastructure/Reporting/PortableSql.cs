using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using MesaServicios.Application.Reporting;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Reporting;

/// <summary>
/// Plain SQL that reads the same on SQLite and PostgreSQL: quoted names, instants as UTC ticks (both engines store
/// them as 64-bit integers), enums as numbers. Ids differ in storage (upper-case text on SQLite, uuid on PostgreSQL),
/// so an id parameter is given in the engine's own form and ids are read back through <see cref="Id"/>.
/// </summary>
internal sealed class PortableSql(MesaDbContext db)
{
    private readonly bool postgres = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    /// <summary>True on PostgreSQL, false on SQLite.</summary>
    public bool IsPostgres => postgres;

    /// <summary>A Guid as the engine stores it.</summary>
    public object IdParameter(Guid id) => postgres ? id : id.ToString().ToUpperInvariant();

    // SQLite's reader is read with its typed getters: its GetValue works out each value's type from the column's
    // declaration on every call, several times slower (a year of 130,000 bookings: 0.8 s instead of 0.15 s).
    public static Guid? Id(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null
        : reader is SqliteDataReader sqlite ? Guid.Parse(sqlite.GetString(ordinal))
        : reader.GetValue(ordinal) is Guid g ? g : Guid.Parse(Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture)!);

    public static int Int(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : reader is SqliteDataReader sqlite ? sqlite.GetInt32(ordinal) : Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static int? NullableInt(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Int(reader, ordinal);

    public static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset? Instant(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null
        : new DateTimeOffset(reader is SqliteDataReader sqlite ? sqlite.GetInt64(ordinal) : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture), TimeSpan.Zero);

    /// <summary>
    /// The ticket filters of the slice as conditions on alias t (type, source, category with its subcategories,
    /// department any case); the technician is left to the caller, who knows which column it means.
    /// </summary>
    public static void TicketFilters(TicketSlice slice, StringBuilder sql, List<object> parameters)
    {
        if (slice.Type is { } type)
        {
            sql.Append(" AND t.\"Type\" = ").Append(((int)type).ToString(CultureInfo.InvariantCulture));
        }

        if (slice.Source is { } source)
        {
            sql.Append(" AND t.\"Source\" = ").Append(((int)source).ToString(CultureInfo.InvariantCulture));
        }

        if (slice.CategoryIds is { } categories)
        {
            // Ids are integers: written into the text, they cannot carry anything else.
            sql.Append(" AND t.\"CategoryId\" IN (").Append(string.Join(',', categories.Select(c => c.ToString(CultureInfo.InvariantCulture)))).Append(')');
        }

        if (slice.Department is { } department)
        {
            sql.Append(" AND LOWER(t.\"RequesterDepartment\") = LOWER(").Append(Parameter(parameters, department)).Append(')');
        }
    }

    /// <summary>Adds a parameter and returns its placeholder.</summary>
    public static string Parameter(List<object> parameters, object value)
    {
        parameters.Add(value);
        return "@p" + (parameters.Count - 1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Reads every row into a list with <paramref name="map"/>, the rows stepped without an async iterator per row (for
    /// the reads of a hundred thousand rows; SQLite's reader steps synchronously anyway).
    /// </summary>
    public async Task<List<T>> ReadAllAsync<T>(string sql, IReadOnlyList<object> parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await foreach (var reader in ReadAsync(sql, parameters, cancellationToken))
        {
            rows.Add(map(reader));
            ReadRest(reader, map, rows);
        }

        return rows;
    }

    // Optimised at its first call: a report may run once a month, and a loop over a hundred thousand rows in the
    // runtime's first, unoptimised tier costs more than the read itself.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadRest<T>(DbDataReader reader, Func<DbDataReader, T> map, List<T> rows)
    {
        while (reader.Read())
        {
            rows.Add(map(reader));
        }
    }

    /// <summary>Runs <paramref name="use"/> on the context's connection, opened for it when it was closed.</summary>
    public async Task UseConnectionAsync(Action<DbConnection> use, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            use(connection);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    public async IAsyncEnumerable<DbDataReader> ReadAsync(string sql, IReadOnlyList<object> parameters, [EnumeratorCancellation] CancellationToken cancellationToken)
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
}
