using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using MesaServicios.Application.Reporting;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MesaServicios.Infrastructure.Reporting;

/// <summary>
/// The equipment reports' reads, in SQL that runs unchanged on SQLite and PostgreSQL. Bounded: a booking lasts at most
/// 31 days (the Reservations module's ceiling), so the bookings overlapping a period are those starting from 31 days
/// before it to its end — a range on StartsAt per status, served by the reservations' (Status, StartsAt) index.
/// </summary>
internal sealed class EquipmentReportingStore(PortableSql sql) : IEquipmentReportingStore
{
    private static readonly TimeSpan LongestBooking = TimeSpan.FromDays(31);

    public async Task<IReadOnlyList<MaterialTypeName>> MaterialTypesAsync(CancellationToken cancellationToken)
    {
        var rows = new List<MaterialTypeName>();
        await foreach (var r in sql.ReadAsync("SELECT m.\"Id\", m.\"Name\", m.\"EnglishName\" FROM \"MaterialTypes\" m", [], cancellationToken))
        {
            rows.Add(new MaterialTypeName(PortableSql.Int(r, 0), r.GetString(1), PortableSql.Text(r, 2)));
        }

        return rows;
    }

    public async Task<EquipmentBookings> BookingsAsync(DateTimeOffset start, DateTimeOffset end, int? materialTypeId, CancellationToken cancellationToken)
    {
        // The items first, each with the key its bookings name it by: on SQLite the item's rowid (free: the join below
        // finds the item by it; ids are text there, and parsing a hundred thousand of them is a fifth of the read), on
        // PostgreSQL its uuid.
        var items = new List<EquipmentItemRow>();
        var byRowid = new Dictionary<long, int>();
        var byId = new Dictionary<Guid, int>();
        var itemsText = "SELECT i.\"Id\", i.\"Code\", i.\"Name\", i.\"MaterialTypeId\", i.\"State\"" + (sql.IsPostgres ? string.Empty : ", i.rowid")
            + " FROM \"EquipmentItems\" i"
            + (materialTypeId is { } type ? " WHERE i.\"MaterialTypeId\" = " + type.ToString(CultureInfo.InvariantCulture) : string.Empty);
        await foreach (var r in sql.ReadAsync(itemsText, [], cancellationToken))
        {
            var item = new EquipmentItemRow(PortableSql.Id(r, 0)!.Value, r.GetString(1), r.GetString(2), PortableSql.Int(r, 3), PortableSql.Int(r, 4) == 3);
            byId[item.Id] = items.Count;
            if (!sql.IsPostgres)
            {
                byRowid[r.GetInt64(5)] = items.Count;
            }

            items.Add(item);
        }

        // Then every booking's item, window and status as primitives into the columns (a year is a hundred thousand rows):
        // all four in the (ItemId, StartsAt, EndsAt, Status) index, so SQLite reads no table row. The join with the
        // items stays even without a material type: SQLite then walks each item's bookings in that index, several times
        // faster at 200,000 reservations than the (Status, StartsAt) range otherwise.
        var bookings = new EquipmentBookings(items);
        var (where, parameters) = Overlapping(start, end, materialTypeId);
        var text = "SELECT " + (sql.IsPostgres ? "r.\"ItemId\"" : "i.rowid") + ", r.\"StartsAt\", r.\"EndsAt\", r.\"Status\" "
            + "FROM \"Reservations\" r JOIN \"EquipmentItems\" i ON i.\"Id\" = r.\"ItemId\" WHERE " + where;
        if (sql.IsPostgres)
        {
            await foreach (var r in sql.ReadAsync(text, parameters, cancellationToken))
            {
                ReadPortable(r, bookings, byId);
            }
        }
        else
        {
            await sql.UseConnectionAsync(connection => ReadSqlite((SqliteConnection)connection, text, parameters, bookings, byRowid, cancellationToken), cancellationToken);
        }

        // Then, in full, only the bookings a list may name, each kind a range of its own index: the no-shows starting in
        // the period (Status, StartsAt), those still out ending in it (Status, EndsAt), those returned late ending in it
        // (the partial index of late returns, not the year's hundred thousand returns for their ten thousand late ones; the
        // status as "Status" + 0, the others not cancelled, so that SQLite keeps to that index). As in the columns:
        // overlapping the period, so ending after its start.
        const string Columns = "SELECT r.\"ItemId\", r.\"Id\", r.\"HolderId\", (SELECT u.\"FullName\" FROM \"Users\" u WHERE u.\"Id\" = r.\"HolderId\"), "
            + "r.\"StartsAt\", r.\"EndsAt\", r.\"Status\", r.\"CheckedOutAt\", r.\"ReturnedAt\" FROM \"Reservations\" r WHERE ";
        // Of one material type (a few thousand bookings in a month), in one walk through its items' bookings instead, as
        // the columns were read, each booking's row read only when a list may name it: 6.5 ms instead of 14.9 ms for the
        // three ranges over every type's no-shows and late returns.
        const string Listed = "(r.\"Status\" IN (2, 5, 6) OR r.\"ReturnedAt\" > r.\"EndsAt\")";
        var (listed, listedParameters) = materialTypeId is null
            ? (Columns + "r.\"Status\" = 5 AND r.\"StartsAt\" >= @p0 AND r.\"StartsAt\" < @p1 AND r.\"EndsAt\" > @p0"
                + " UNION ALL " + Columns + "r.\"Status\" IN (2, 6) AND r.\"EndsAt\" > @p0 AND r.\"EndsAt\" < @p1 AND r.\"StartsAt\" < @p1"
                + " UNION ALL " + Columns + "r.\"ReturnedAt\" > r.\"EndsAt\" AND r.\"Status\" + 0 IN (1, 3, 5) AND r.\"EndsAt\" > @p0 AND r.\"EndsAt\" < @p1 AND r.\"StartsAt\" < @p1",
                new List<object> { start.UtcTicks, end.UtcTicks })
            : (Columns.Replace("FROM \"Reservations\" r WHERE ", "FROM \"Reservations\" r JOIN \"EquipmentItems\" i ON i.\"Id\" = r.\"ItemId\" WHERE ", StringComparison.Ordinal)
                + where + " AND " + Listed, parameters);
        await foreach (var r in sql.ReadAsync(listed, listedParameters, cancellationToken))
        {
            if (byId.TryGetValue(PortableSql.Id(r, 0)!.Value, out var item))
            {
                bookings.Listed.Add(new BookingRow(PortableSql.Id(r, 1)!.Value, items[item].Id, PortableSql.Id(r, 2)!.Value, PortableSql.Text(r, 3),
                    PortableSql.Instant(r, 4)!.Value, PortableSql.Instant(r, 5)!.Value, (BookingState)PortableSql.Int(r, 6), PortableSql.Instant(r, 7), PortableSql.Instant(r, 8)));
            }
        }

        return bookings;
    }

    // SQLite straight through its C interface: the provider's reader costs as much again as the statement itself over a
    // hundred thousand rows (a year: ~70 ms instead of ~140 ms). Optimised at its first call: a report may run once a
    // month, and a loop over a hundred thousand rows in the runtime's first, unoptimised tier costs more than the read.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadSqlite(SqliteConnection connection, string text, List<object> parameters, EquipmentBookings bookings, Dictionary<long, int> items, CancellationToken cancellationToken)
    {
        var handle = connection.Handle!;
        var rc = raw.sqlite3_prepare_v2(handle, text, out var statement);
        SqliteException.ThrowExceptionForRC(rc, handle);
        using (statement)
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                var index = raw.sqlite3_bind_parameter_index(statement, "@p" + i.ToString(CultureInfo.InvariantCulture));
                SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_int64(statement, index, (long)parameters[i]), handle);
            }

            var rows = 0;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if ((++rows & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                bookings.Add(items[raw.sqlite3_column_int64(statement, 0)], raw.sqlite3_column_int64(statement, 1), raw.sqlite3_column_int64(statement, 2), (BookingState)raw.sqlite3_column_int(statement, 3));
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, handle);
            }
        }
    }

    // The reader is on its first row; reads it and every next one.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadPortable(DbDataReader r, EquipmentBookings bookings, Dictionary<Guid, int> items)
    {
        do
        {
            bookings.Add(items[PortableSql.Id(r, 0)!.Value], PortableSql.Instant(r, 1)!.Value.UtcTicks, PortableSql.Instant(r, 2)!.Value.UtcTicks, (BookingState)PortableSql.Int(r, 3));
        }
        while (r.Read());
    }

    /// <summary>Not cancelled, overlapping the period (starting from the longest booking before it), of the material type when given (alias i).</summary>
    private static (string Where, List<object> Parameters) Overlapping(DateTimeOffset start, DateTimeOffset end, int? materialTypeId)
    {
        var parameters = new List<object> { (start - LongestBooking).UtcTicks, end.UtcTicks, start.UtcTicks };
        var where = new StringBuilder("r.\"Status\" IN (1, 2, 3, 5, 6) AND r.\"StartsAt\" >= @p0 AND r.\"StartsAt\" < @p1 AND r.\"EndsAt\" > @p2");
        if (materialTypeId is { } type)
        {
            where.Append(" AND i.\"MaterialTypeId\" = ").Append(type.ToString(CultureInfo.InvariantCulture));
        }

        return (where.ToString(), parameters);
    }
}
