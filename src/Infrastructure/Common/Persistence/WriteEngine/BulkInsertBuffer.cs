using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using MesaServicios.Application.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MesaServicios.Infrastructure.Common.Persistence.WriteEngine;

/// <summary>
/// The rows of one command (one scope) waiting for <see cref="FlushAsync"/>, which <see cref="TransactionRunner"/>
/// calls after each save, under the write turn. Columns, names and value conversions come from the EF model, so a
/// row is stored exactly as <c>SaveChanges</c> would store it.
/// </summary>
internal sealed class BulkInsertBuffer : IBulkInsert
{
    // SQLite allows 32,766 parameters per statement; stay well below for long rows.
    private const int MaxParametersPerStatement = 8_000;

    // SQLite: rows per statement, each shape kept prepared (a ticket's fan-out is a handful of rows).
    private const int MaxCachedRows = 16;

    /// <summary>
    /// Prepared INSERT statements per connection, by entity type and number of rows. Only the holder of the write turn
    /// uses a connection's statements; SQLite drops them with the connection when it is closed (and they are prepared
    /// again on the next use).
    /// </summary>
    private static readonly ConditionalWeakTable<DbConnection, Dictionary<(Type, int), DbCommand>> Statements = new();

    private readonly List<object> _rows = [];
    private List<Statement>? _prepared;
    private int _preparedRows;

    public bool HasPending => _rows.Count > 0;

    public void Add<T>(T row)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(row);
        _rows.Add(row);
    }

    public IEnumerable<T> Pending<T>()
        where T : class => _rows.OfType<T>();

    public void Clear()
    {
        _rows.Clear();
        _prepared = null;
        _preparedRows = 0;
    }

    private static DbCommand Cached(DbConnection connection, (Type, int) shape)
    {
        var statements = Statements.GetOrCreateValue(connection);
        lock (statements)
        {
            if (!statements.TryGetValue(shape, out var command))
            {
                command = connection.CreateCommand();
                statements[shape] = command;
            }

            return command;
        }
    }

    private static bool IsStoreGeneratedKey(IProperty property) =>
        property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && (property.ClrType == typeof(long) || property.ClrType == typeof(int));

    /// <summary>
    /// Builds the statements of the rows pending now, with their parameters (values read and converted): work done
    /// before the write turn, so that <see cref="FlushAsync"/> under the turn only binds and runs them. Rows added after
    /// this call are prepared by the flush itself.
    /// </summary>
    public void Prepare(DbContext db)
    {
        _prepared = _rows.Count == 0 ? null : Build(db, _rows);
        _preparedRows = _rows.Count;
    }

    public async Task FlushAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (_rows.Count == 0)
        {
            return;
        }

        var statements = _prepared is not null && _preparedRows == _rows.Count ? _prepared : Build(db, _rows);
        _prepared = null;
        _preparedRows = 0;
        _rows.Clear();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk rows are written inside the command's transaction.");
        // On SQLite each shape (table, number of rows) is prepared once and kept on the writer connection: parsing a long
        // multi-row INSERT again for every command was a third of the flush, and a bulk of hundreds of rows (an
        // escalation run) re-runs the same prepared statement instead.
        var sqlite = connection is SqliteConnection;
        foreach (var statement in statements)
        {
            var command = sqlite ? Cached(connection, statement.Shape) : connection.CreateCommand();
            try
            {
                command.Transaction = transaction;
                command.Parameters.Clear();
                if (command.CommandText.Length == 0)
                {
                    command.CommandText = statement.Sql;
                }

                command.Parameters.AddRange(statement.Parameters);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            finally
            {
                if (sqlite)
                {
                    // Keep the prepared statement; drop the values (large e-mail bodies) until the next use.
                    command.Transaction = null;
                    command.Parameters.Clear();
                }
                else
                {
                    await command.DisposeAsync();
                }
            }
        }
    }

    private static List<Statement> Build(DbContext db, List<object> rows)
    {
        var sqlite = db.Database.GetDbConnection() is SqliteConnection;
        var sql = db.GetService<ISqlGenerationHelper>();
        // Parameters made by a command of no connection: they are bound to the statement that runs them.
        using var factory = DbProviderFactories.GetFactory(db.Database.GetDbConnection())!.CreateCommand()!;
        var statements = new List<Statement>();
        foreach (var group in rows.GroupBy(r => r.GetType()))
        {
            var entityType = db.Model.FindEntityType(group.Key)
                ?? throw new InvalidOperationException($"{group.Key.Name} is not an entity of the model.");
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            // An integer key the database numbers (SQLite's rowid, PostgreSQL's identity) is left to it.
            var properties = entityType.GetProperties().Where(p => !IsStoreGeneratedKey(p)).ToList();
            // A reference to a principal (its key is a column of this row) is fine: the principal is a row of its own,
            // added to the buffer before the rows that point at it.
            if (properties.Any(p => p.IsShadowProperty()) || entityType.GetNavigations().Any(n => !n.IsOnDependent || n.IsCollection) || entityType.GetComplexProperties().Any())
            {
                throw new InvalidOperationException($"{group.Key.Name}: only plain rows (no shadow properties, navigations to dependents or complex properties) can be written in bulk.");
            }

            var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
            // On SQLite, statements of at most MaxCachedRows rows (each shape kept prepared on the writer connection).
            var perStatement = Math.Max(1, MaxParametersPerStatement / properties.Count);
            if (sqlite)
            {
                perStatement = Math.Min(perStatement, MaxCachedRows);
            }

            foreach (var chunk in group.Chunk(perStatement))
            {
                var text = new StringBuilder().Append("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (").Append(columns).Append(") VALUES ");
                var parameters = new DbParameter[chunk.Length * properties.Count];
                var index = 0;
                for (var r = 0; r < chunk.Length; r++)
                {
                    text.Append(r == 0 ? "(" : ", (");
                    for (var c = 0; c < properties.Count; c++)
                    {
                        var property = properties[c];
                        var name = sql.GenerateParameterName("b" + index.ToString(CultureInfo.InvariantCulture));
                        text.Append(c == 0 ? string.Empty : ", ").Append(name);
                        var value = property.GetGetter().GetClrValueUsingContainingEntity(chunk[r]);
                        parameters[index++] = property.GetRelationalTypeMapping().CreateParameter(factory, name, value, property.IsNullable);
                    }

                    text.Append(')');
                }

                statements.Add(new Statement((group.Key, chunk.Length), text.Append(';').ToString(), parameters));
            }
        }

        return statements;
    }

    /// <summary>One INSERT of one table's rows: its shape (table, number of rows), text and parameters.</summary>
    private sealed record Statement((Type, int) Shape, string Sql, DbParameter[] Parameters);
}
