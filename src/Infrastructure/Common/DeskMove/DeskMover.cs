using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

using MesaServicios.Infrastructure.Common.Persistence;

namespace MesaServicios.Infrastructure.Common.DeskMove;

/// <summary>One table of the model: its rows in the SQLite desk and in the PostgreSQL one, before and after the move.</summary>
public sealed record TableMove(string Table, long SourceRows, long TargetRowsBefore, long TargetRows, bool Copied)
{
    public bool Complete => SourceRows == TargetRows;
}

/// <summary>What a move did: every table of the model, in the order copied, and the steps run after the copy.</summary>
public sealed record DeskMoveReport(IReadOnlyList<TableMove> Tables, IReadOnlyList<string> Steps)
{
    public bool Complete => Tables.All(t => t.Complete);
}

/// <summary>The move cannot start (the source is missing or at another version, the target is another desk).</summary>
public sealed class DeskMoveRefusedException(string message) : Exception(message);

/// <summary>
/// Moves a SQLite desk into a PostgreSQL database ("move-desk"). Generic over the EF model: every table of
/// <see cref="MesaDbContext"/>'s relational model is copied, parents before children (foreign keys), with its ids, each
/// value read with SQLite's type mapping and written with PostgreSQL's (both of the same model property), so a table a
/// future module adds is copied without touching this class. Then every identity sequence moves past the highest id
/// (the next ticket number follows the highest copied one) and the <see cref="IDeskMoveStep"/>s rebuild what lives
/// outside the model. Rerunnable: each table is copied in its own transaction (all its rows or none), a table whose
/// row count already matches is left alone, so a rerun after an interruption finishes the copy and a rerun on a
/// complete desk copies nothing. The target is migrated first; rows a migration seeded (reference data) take the
/// desk's values. Hangfire's tables are not copied: recurring jobs are registered again at start.
/// </summary>
public static class DeskMover
{
    private const string Staging = "mesa_desk_move";

    public static async Task<DeskMoveReport> MoveAsync(string sqliteConnectionString, string postgresConnectionString, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var sqlite = new SqliteConnectionStringBuilder(sqliteConnectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        if (!File.Exists(sqlite.DataSource))
        {
            throw new DeskMoveRefusedException($"No SQLite desk at '{sqlite.DataSource}'.");
        }

        await using var source = new MesaDbContext(new DbContextOptionsBuilder<MesaDbContext>().UseSqlite(sqlite.ToString()).Options);
        await using var target = new MesaDbContext(new DbContextOptionsBuilder<MesaDbContext>()
            .UseNpgsql(postgresConnectionString, npgsql => npgsql.MigrationsAssembly(DatabaseOptions.PostgresMigrationsAssembly))
            .Options);

        var pending = (await source.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            throw new DeskMoveRefusedException(
                $"The SQLite desk is not at this version ({pending.Count} migration(s) not applied, first {pending[0]}): start it once with this version, stop it, then move it.");
        }

        log.WriteLine("migrating the PostgreSQL database");
        await target.Database.MigrateAsync(cancellationToken);

        await source.Database.OpenConnectionAsync(cancellationToken);
        await target.Database.OpenConnectionAsync(cancellationToken);
        var from = source.Database.GetDbConnection();
        var to = (NpgsqlConnection)target.Database.GetDbConnection();

        var targetTables = target.Model.GetRelationalModel().Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var tables = InDependencyOrder(source.Model.GetRelationalModel().Tables.ToList());
        var counts = new Dictionary<string, (long Source, long Target)>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            counts[table.Name] = (await CountAsync(from, table.Name, cancellationToken), await CountAsync(to, table.Name, cancellationToken));
        }

        // More rows on PostgreSQL than in the desk: another desk, or this one already in use there. Nothing is copied over it.
        var ahead = counts.Where(c => c.Value.Target > c.Value.Source).Select(c => $"{c.Key}: {c.Value.Source} rows on SQLite, {c.Value.Target} on PostgreSQL").ToList();
        if (ahead.Count > 0)
        {
            throw new DeskMoveRefusedException("The PostgreSQL database is not this desk's empty copy (nothing was copied): " + string.Join("; ", ahead));
        }

        var moves = new List<TableMove>();
        foreach (var table in tables)
        {
            var pair = new TablePair(table, targetTables[table.Name]);
            var (sourceRows, before) = counts[table.Name];
            if (sourceRows == before)
            {
                log.WriteLine($"{table.Name}: {sourceRows} rows, already complete");
                moves.Add(new TableMove(table.Name, sourceRows, before, before, Copied: false));
                continue;
            }

            await CopyAsync(pair, from, to, targetHadRows: before > 0, cancellationToken);
            var after = await CountAsync(to, table.Name, cancellationToken);
            log.WriteLine($"{table.Name}: {sourceRows} rows, {after - before:+#;-#;0} copied");
            moves.Add(new TableMove(table.Name, sourceRows, before, after, Copied: true));
        }

        await using (var sync = new NpgsqlCommand(PostgresIdentitySql.Sync, to))
        {
            await sync.ExecuteNonQueryAsync(cancellationToken);
        }

        var steps = new List<string>();
        foreach (var step in Steps())
        {
            await step.RunAsync(target, cancellationToken);
            steps.Add(step.Name);
            log.WriteLine($"rebuilt: {step.Name}");
        }

        // Verification: every table counted again on both sides.
        var verified = new List<TableMove>();
        foreach (var move in moves)
        {
            verified.Add(move with
            {
                SourceRows = await CountAsync(from, move.Table, cancellationToken),
                TargetRows = await CountAsync(to, move.Table, cancellationToken),
            });
        }

        return new DeskMoveReport(verified, steps);
    }

    /// <summary>The steps modules declare (every <see cref="IDeskMoveStep"/> of this assembly).</summary>
    private static IEnumerable<IDeskMoveStep> Steps() =>
        typeof(DeskMover).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IDeskMoveStep).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IDeskMoveStep)Activator.CreateInstance(t, nonPublic: true)!);

    /// <summary>Tables whose rows others point at come first (a table pointing at itself is copied in one statement).</summary>
    internal static IReadOnlyList<ITable> InDependencyOrder(IReadOnlyList<ITable> tables)
    {
        var ordered = new List<ITable>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var remaining = tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining.FirstOrDefault(t => t.ForeignKeyConstraints.All(fk => fk.PrincipalTable.Name == t.Name || done.Contains(fk.PrincipalTable.Name)))
                ?? throw new InvalidOperationException("The model's foreign keys form a cycle: " + string.Join(", ", remaining.Select(t => t.Name)));
            ordered.Add(ready);
            done.Add(ready.Name);
            remaining.Remove(ready);
        }

        return ordered;
    }

    private static async Task CopyAsync(TablePair pair, DbConnection from, NpgsqlConnection to, bool targetHadRows, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", pair.Columns.Select(c => Quote(c.Source.Name)));
        await using var transaction = await to.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(to, $"CREATE TEMP TABLE {Staging} (LIKE {Quote(pair.Source.Name)}) ON COMMIT DROP", cancellationToken);

        await using (var read = from.CreateCommand())
        {
            read.CommandText = $"SELECT {names} FROM {Quote(pair.Source.Name)}";
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            await using var writer = await to.BeginBinaryImportAsync($"COPY {Staging} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                await writer.StartRowAsync(cancellationToken);
                for (var i = 0; i < pair.Columns.Count; i++)
                {
                    var value = pair.Columns[i].Read(reader, i);
                    if (value is null)
                    {
                        await writer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await writer.WriteAsync(value, pair.Columns[i].TargetType, cancellationToken);
                    }
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        var key = pair.Source.PrimaryKey?.Columns.Select(c => Quote(c.Name)).ToList();
        if (key is null)
        {
            if (targetHadRows)
            {
                throw new DeskMoveRefusedException($"{pair.Source.Name} has rows on PostgreSQL already and no key to match them: move into an empty database.");
            }

            await ExecuteAsync(to, $"INSERT INTO {Quote(pair.Source.Name)} ({names}) SELECT {names} FROM {Staging}", cancellationToken);
        }
        else
        {
            var keyList = string.Join(", ", key);
            var others = pair.Columns.Select(c => Quote(c.Source.Name)).Where(c => !key.Contains(c)).ToList();
            var onConflict = others.Count == 0
                ? "DO NOTHING"
                : "DO UPDATE SET " + string.Join(", ", others.Select(c => $"{c} = EXCLUDED.{c}"));
            await ExecuteAsync(to, $"INSERT INTO {Quote(pair.Source.Name)} ({names}) SELECT {names} FROM {Staging} ON CONFLICT ({keyList}) {onConflict}", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<long> CountAsync(DbConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {Quote(table)}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A table of the SQLite model and the same table of the PostgreSQL model, column by column.</summary>
    private sealed class TablePair
    {
        public TablePair(ITable source, ITable target)
        {
            Source = source;
            Columns = source.Columns
                .Where(c => c.ComputedColumnSql is null)
                .OrderBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => new ColumnPair(c, target.FindColumn(c.Name)
                    ?? throw new InvalidOperationException($"{source.Name}.{c.Name} is not in the PostgreSQL model.")))
                .ToList();
        }

        public ITable Source { get; }

        public IReadOnlyList<ColumnPair> Columns { get; }
    }

    /// <summary>One column: read as SQLite stores it, turned into the model's value, written as PostgreSQL stores it.</summary>
    private sealed class ColumnPair
    {
        private static readonly MethodInfo ReadAsMethod = typeof(ColumnPair).GetMethod(nameof(ReadAs), BindingFlags.NonPublic | BindingFlags.Static)!;
        private readonly RelationalTypeMapping _from;
        private readonly RelationalTypeMapping _to;
        private readonly Func<DbDataReader, int, object> _read;

        public ColumnPair(IColumn source, IColumn target)
        {
            Source = source;
            _from = source.PropertyMappings[0].TypeMapping;
            _to = target.PropertyMappings[0].TypeMapping;
            var stored = _from.Converter?.ProviderClrType ?? _from.ClrType;
            stored = Nullable.GetUnderlyingType(stored) ?? stored;
            _read = ReadAsMethod.MakeGenericMethod(stored).CreateDelegate<Func<DbDataReader, int, object>>();
            var type = target.StoreType;
            var parenthesis = type.IndexOf('(', StringComparison.Ordinal);
            TargetType = parenthesis < 0 ? type : type[..parenthesis].TrimEnd() + type[(type.IndexOf(')', StringComparison.Ordinal) + 1)..];
        }

        public IColumn Source { get; }

        /// <summary>The PostgreSQL type name without length or precision (e.g. "character varying").</summary>
        public string TargetType { get; }

        public object? Read(DbDataReader reader, int ordinal)
        {
            if (reader.IsDBNull(ordinal))
            {
                return null;
            }

            var value = _read(reader, ordinal);
            var model = _from.Converter is { } fromConverter ? fromConverter.ConvertFromProvider(value) : value;
            return model is not null && _to.Converter is { } toConverter ? toConverter.ConvertToProvider(model) : model;
        }

        private static object ReadAs<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal)!;
    }
}
