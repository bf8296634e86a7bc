using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using MesaServicios.Application.Reporting;
using Microsoft.Data.Sqlite;

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
            if (sql.IsPostgres)
            {
                byId[item.Id] = items.Count;
            }
            else
            {
                byRowid[r.GetInt64(5)] = items.Count;
            }

            items.Add(item);
        }

        // Then one pass over the bookings (a year is a hundred thousand rows): every booking's item, window and status as
        // primitives into the columns; the id, holder, pick-up, return and the holder's name only for those a list may
        // name (a subquery, so no join per row). The join with the items stays even without a material type: SQLite then
        // walks each item's bookings in (ItemId, StartsAt, EndsAt, Status), several times faster at 200,000 reservations
        // than the (Status, StartsAt) range otherwise.
        var bookings = new EquipmentBookings(items);
        var (where, parameters) = Overlapping(start, end, materialTypeId);
        const string Listed = "(r.\"Status\" IN (2, 5, 6) OR r.\"ReturnedAt\" > r.\"EndsAt\")";
        var text = "SELECT " + (sql.IsPostgres ? "r.\"ItemId\"" : "i.rowid") + ", r.\"StartsAt\", r.\"EndsAt\", r.\"Status\", "
            + "CASE WHEN " + Listed + " THEN r.\"Id\" END, CASE WHEN " + Listed + " THEN r.\"HolderId\" END, CASE WHEN " + Listed + " THEN r.\"CheckedOutAt\" END, "
            + "CASE WHEN " + Listed + " THEN r.\"ReturnedAt\" END, "
            + "CASE WHEN " + Listed + " THEN (SELECT u.\"FullName\" FROM \"Users\" u WHERE u.\"Id\" = r.\"HolderId\") END "
            + "FROM \"Reservations\" r JOIN \"EquipmentItems\" i ON i.\"Id\" = r.\"ItemId\" WHERE " + where;
        await foreach (var r in sql.ReadAsync(text, parameters, cancellationToken))
        {
            if (r is SqliteDataReader sqlite)
            {
                ReadSqlite(sqlite, bookings, byRowid);
            }
            else
            {
                ReadPortable(r, bookings, byId);
            }
        }

        return bookings;
    }

    // The reader is on its first row; reads it and every next one. Optimised at its first call: a report may run once a
    // month, and a loop over a hundred thousand rows in the runtime's first, unoptimised tier costs more than the read.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadSqlite(SqliteDataReader r, EquipmentBookings bookings, Dictionary<long, int> items)
    {
        do
        {
            var item = items[r.GetInt64(0)];
            var startsAt = r.GetInt64(1);
            var endsAt = r.GetInt64(2);
            var state = (BookingState)r.GetInt32(3);
            bookings.Add(item, startsAt, endsAt, state);
            if (!r.IsDBNull(4))
            {
                bookings.Listed.Add(Listed(r, bookings.Items[item].Id, startsAt, endsAt, state));
            }
        }
        while (r.Read());
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadPortable(DbDataReader r, EquipmentBookings bookings, Dictionary<Guid, int> items)
    {
        do
        {
            var item = items[PortableSql.Id(r, 0)!.Value];
            var startsAt = PortableSql.Instant(r, 1)!.Value.UtcTicks;
            var endsAt = PortableSql.Instant(r, 2)!.Value.UtcTicks;
            var state = (BookingState)PortableSql.Int(r, 3);
            bookings.Add(item, startsAt, endsAt, state);
            if (!r.IsDBNull(4))
            {
                bookings.Listed.Add(Listed(r, bookings.Items[item].Id, startsAt, endsAt, state));
            }
        }
        while (r.Read());
    }

    private static BookingRow Listed(DbDataReader r, Guid item, long startsAt, long endsAt, BookingState state) =>
        new(PortableSql.Id(r, 4)!.Value, item, PortableSql.Id(r, 5)!.Value, PortableSql.Text(r, 8),
            new DateTimeOffset(startsAt, TimeSpan.Zero), new DateTimeOffset(endsAt, TimeSpan.Zero), state, PortableSql.Instant(r, 6), PortableSql.Instant(r, 7));

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
