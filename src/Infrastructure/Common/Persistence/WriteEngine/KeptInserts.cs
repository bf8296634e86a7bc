using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MesaServicios.Infrastructure.Common.Persistence.WriteEngine;

/// <summary>
/// An entity type whose new rows the SQLite write engine inserts itself (<see cref="KeptInserts"/>), registered by the
/// module that owns it (<c>services.AddSingleton(new KeptInsertType(typeof(X)))</c>). Register principals before their
/// dependents: rows are written in registration order.
/// </summary>
public sealed record KeptInsertType(Type EntityType);

/// <summary>
/// The new rows of the hottest write (a ticket and its first history entry) written under the write turn by one
/// INSERT statement per entity type, prepared once and kept on the writer connection, instead of EF Core building
/// and SQLite parsing the same INSERT for every command. Columns, values and conversions come from the EF model (the
/// table's columns, including those of an owned type stored in the same row and of complex properties), so the row
/// is exactly the one <c>SaveChanges</c> would write; the entries are then marked unchanged and <c>SaveChanges</c>
/// writes everything else. Runs inside the command's savepoint: a failure later in the command undoes these rows too.
/// Only with the group commit (SQLite); on PostgreSQL EF writes every row.
/// </summary>
internal sealed class KeptInserts
{
    /// <summary>The prepared statements of a connection, by entity type (only the holder of the write turn uses them).</summary>
    private static readonly ConditionalWeakTable<DbConnection, Dictionary<IEntityType, DbCommand>> Statements = new();

    private readonly Type[] _types;
    private Shape[]? _shapes;

    public KeptInserts(IEnumerable<KeptInsertType> types) => _types = types.Select(t => t.EntityType).Distinct().ToArray();

    public bool Enabled => _types.Length > 0;

    /// <summary>
    /// Writes the added rows of the kept types and marks them unchanged. Call under the write turn, inside the
    /// command's transaction, with changes detected. Writes nothing (and returns false) when a kept row depends on a
    /// row <c>SaveChanges</c> has yet to insert: then EF writes them all, in its own order.
    /// </summary>
    public async Task<bool> WriteAsync(DbContext db, CancellationToken cancellationToken) =>
        await WriteAsync(db, Prepare(db), cancellationToken);

    /// <summary>
    /// The added rows of the kept types with their parameters, read from the tracked entries (changes detected): work
    /// done before the write turn, so that the turn only binds and runs the kept statements. Null when there is nothing
    /// to write or a kept row depends on a row <c>SaveChanges</c> has yet to insert (then EF writes them all).
    /// </summary>
    public Prepared? Prepare(DbContext db)
    {
        var shapes = _shapes ??= Build(db);
        List<EntityEntry>?[]? added = null;
        var blocked = false;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Added)
            {
                continue;
            }

            var index = Array.FindIndex(shapes, s => s.EntityType == entry.Metadata);
            if (index >= 0)
            {
                added ??= new List<EntityEntry>?[shapes.Length];
                (added[index] ??= []).Add(entry);
            }
            else if (shapes.Any(s => s.BlockingPrincipals.Contains(entry.Metadata)))
            {
                blocked = true;
            }
        }

        if (added is null)
        {
            return null;
        }

        for (var i = 0; i < shapes.Length && !blocked; i++)
        {
            var entries = added[i];
            blocked = entries is not null && ((shapes[i].SelfReferencing && entries.Count > 1) || entries.Any(e => shapes[i].HasDefaultKey(e)));
        }

        if (blocked)
        {
            return null;
        }

        // Parameters made by a command of no connection: they are bound to the kept statement under the turn.
        using var factory = DbProviderFactories.GetFactory(db.Database.GetDbConnection())!.CreateCommand()!;
        var rows = new List<(Shape Shape, EntityEntry Entry, DbParameter[] Parameters)>();
        for (var i = 0; i < shapes.Length; i++)
        {
            var shape = shapes[i];
            foreach (var entry in added[i] ?? [])
            {
                var parameters = new DbParameter[shape.Columns.Length];
                for (var c = 0; c < shape.Columns.Length; c++)
                {
                    var column = shape.Columns[c];
                    parameters[c] = column.Mapping.CreateParameter(factory, column.Parameter, column.Read(entry), column.Nullable);
                }

                rows.Add((shape, entry, parameters));
            }
        }

        return new Prepared(rows);
    }

    /// <summary>
    /// Writes the rows of <paramref name="prepared"/> and marks them unchanged. Call under the write turn, inside the
    /// command's transaction, with nothing changed since <see cref="Prepare"/>.
    /// </summary>
    public async Task<bool> WriteAsync(DbContext db, Prepared? prepared, CancellationToken cancellationToken)
    {
        if (prepared is null)
        {
            return false;
        }

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Kept inserts are written inside the command's transaction.");
        foreach (var (shape, entry, parameters) in prepared.Rows)
        {
            var command = Cached(connection, shape);
            try
            {
                command.Transaction = transaction;
                command.Parameters.Clear();
                command.Parameters.AddRange(parameters);
                try
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                catch (SqliteException exception)
                {
                    // The same exception EF would raise for a failed insert, so callers handle both paths alike.
                    throw new DbUpdateException($"An error occurred while saving the entity changes of {shape.EntityType.DisplayName()}.", exception, [entry]);
                }
            }
            finally
            {
                // Keep the prepared statement; drop the values until the next use.
                command.Transaction = null;
                command.Parameters.Clear();
            }
        }

        foreach (var (shape, entry, _) in prepared.Rows)
        {
            foreach (var owned in shape.Owned)
            {
                if (entry.Reference(owned).TargetEntry is { State: EntityState.Added } target)
                {
                    target.State = EntityState.Unchanged;
                }
            }

            entry.State = EntityState.Unchanged;
        }

        return true;
    }

    /// <summary>The rows <see cref="Prepare"/> found, in registration order of their types, each with its parameters.</summary>
    internal sealed class Prepared(List<(Shape Shape, EntityEntry Entry, DbParameter[] Parameters)> rows)
    {
        internal List<(Shape Shape, EntityEntry Entry, DbParameter[] Parameters)> Rows { get; } = rows;
    }

    private static DbCommand Cached(DbConnection connection, Shape shape)
    {
        var statements = Statements.GetOrCreateValue(connection);
        lock (statements)
        {
            if (!statements.TryGetValue(shape.EntityType, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = shape.Sql;
                statements[shape.EntityType] = command;
            }

            return command;
        }
    }

    private Shape[] Build(DbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entityTypes = _types.Select(t => db.Model.FindEntityType(t) ?? throw new InvalidOperationException($"{t.Name} is not an entity of the model.")).ToList();
        return entityTypes.Select((entityType, order) => BuildShape(entityType, order, entityTypes, sql)).ToArray();
    }

    private static Shape BuildShape(IEntityType entityType, int order, List<IEntityType> kept, ISqlGenerationHelper sql)
    {
        var name = entityType.DisplayName();
        if (entityType.IsOwned() || entityType.BaseType is not null || entityType.GetDirectlyDerivedTypes().Any())
        {
            throw new InvalidOperationException($"{name}: only a root entity type without inheritance can have kept inserts.");
        }

        var mapping = entityType.GetTableMappings().Single();
        var table = mapping.Table;
        var key = entityType.FindPrimaryKey()!;

        // Owned types stored in the same row (table splitting): one reference, no collections, no nesting.
        var owned = new List<INavigation>();
        foreach (var navigation in entityType.GetNavigations().Where(n => n.ForeignKey.IsOwnership))
        {
            var target = navigation.TargetEntityType;
            if (navigation.IsCollection || target.GetTableMappings().Single().Table != table
                || target.GetNavigations().Any(n => n.ForeignKey.IsOwnership) || target.GetComplexProperties().Any())
            {
                throw new InvalidOperationException($"{name}: an owned type in kept inserts must be one reference stored in the same row.");
            }

            owned.Add(navigation);
        }

        var columns = new List<Column>();
        var index = 0;
        foreach (var column in table.Columns)
        {
            // The owner's own property first (the key column is also mapped to the owned types' keys).
            var columnMapping = column.PropertyMappings.FirstOrDefault(m => m.Property.DeclaringType == entityType)
                ?? column.PropertyMappings.FirstOrDefault(m => m.Property.DeclaringType is IComplexType complex && Root(complex) == entityType)
                ?? column.PropertyMappings.FirstOrDefault(m => owned.Any(o => o.TargetEntityType == m.Property.DeclaringType))
                ?? throw new InvalidOperationException($"{name}: column {column.Name} belongs to no property of the type.");
            var property = columnMapping.Property;
            if (property.ValueGenerated != ValueGenerated.Never && !key.Properties.Contains(property))
            {
                throw new InvalidOperationException($"{name}.{property.Name}: a value made by the database cannot be written by a kept insert.");
            }

            columns.Add(new Column(
                sql.GenerateParameterName("k" + index.ToString(CultureInfo.InvariantCulture)),
                (RelationalTypeMapping)columnMapping.TypeMapping,
                column.IsNullable,
                Reader(entityType, owned, property)));
            index++;
        }

        var text = new StringBuilder()
            .Append("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
            .AppendJoin(", ", table.Columns.Select(c => sql.DelimitIdentifier(c.Name)))
            .Append(") VALUES (").AppendJoin(", ", columns.Select(c => c.Parameter)).Append(");")
            .ToString();

        // A kept row references rows that must exist before it is written.
        var blocking = new HashSet<IEntityType>();
        var selfReferencing = false;
        foreach (var foreignKey in entityType.GetForeignKeys())
        {
            var principal = foreignKey.PrincipalEntityType;
            var position = kept.IndexOf(principal);
            if (position == order)
            {
                selfReferencing = true;
            }
            else if (position > order)
            {
                throw new InvalidOperationException($"{name}: register {principal.DisplayName()} before it for kept inserts.");
            }
            else if (position < 0)
            {
                blocking.Add(principal);
            }
        }

        var keyGetters = key.Properties.Select(p => p.GetGetter()).ToArray();
        return new Shape(entityType, text, [.. columns], [.. owned], blocking, selfReferencing, entry => keyGetters.Any(g => g.HasSentinelValue(entry.Entity)));
    }

    private static ITypeBase Root(IComplexType complex)
    {
        ITypeBase type = complex;
        while (type is IComplexType nested)
        {
            type = nested.ComplexProperty.DeclaringType;
        }

        return type;
    }

    private static Func<EntityEntry, object?> Reader(IEntityType entityType, List<INavigation> owned, IProperty property)
    {
        if (property.DeclaringType == entityType)
        {
            if (property.IsShadowProperty())
            {
                return entry => entry.Property(property).CurrentValue;
            }

            var getter = property.GetGetter();
            return entry => getter.GetClrValue(entry.Entity);
        }

        if (property.DeclaringType is IComplexType)
        {
            var getter = property.GetGetter();
            return entry => getter.GetClrValueUsingContainingEntity(entry.Entity);
        }

        var navigation = owned.Single(o => o.TargetEntityType == property.DeclaringType);
        var navigationGetter = navigation.GetGetter();
        if (property.IsShadowProperty())
        {
            return entry => entry.Reference(navigation).TargetEntry?.Property(property).CurrentValue;
        }

        var ownedGetter = property.GetGetter();
        return entry => navigationGetter.GetClrValue(entry.Entity) is { } value ? ownedGetter.GetClrValue(value) : null;
    }

    internal sealed record Column(string Parameter, RelationalTypeMapping Mapping, bool Nullable, Func<EntityEntry, object?> Read);

    internal sealed record Shape(
        IEntityType EntityType,
        string Sql,
        Column[] Columns,
        INavigation[] Owned,
        HashSet<IEntityType> BlockingPrincipals,
        bool SelfReferencing,
        Func<EntityEntry, bool> HasDefaultKey);
}
