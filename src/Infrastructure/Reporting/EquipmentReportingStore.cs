using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using MesaServicios.Application.Reporting;

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

    public async Task<IReadOnlyList<EquipmentItemRow>> ItemsAsync(int? materialTypeId, CancellationToken cancellationToken)
    {
        var text = "SELECT i.\"Id\", i.\"Code\", i.\"Name\", i.\"MaterialTypeId\", i.\"State\" FROM \"EquipmentItems\" i"
            + (materialTypeId is { } type ? " WHERE i.\"MaterialTypeId\" = " + type.ToString(CultureInfo.InvariantCulture) : string.Empty);
        var rows = new List<EquipmentItemRow>();
        await foreach (var r in sql.ReadAsync(text, [], cancellationToken))
        {
            rows.Add(new EquipmentItemRow(PortableSql.Id(r, 0)!.Value, r.GetString(1), r.GetString(2), PortableSql.Int(r, 3), PortableSql.Int(r, 4) == 3));
        }

        return rows;
    }

    public async Task<IReadOnlyList<BookingSpan>> BookingsAsync(DateTimeOffset start, DateTimeOffset end, int? materialTypeId, CancellationToken cancellationToken)
    {
        // One pass (a year is a hundred thousand rows): every booking's item, window, status and return; the id, holder,
        // pick-up and the holder's name only for those a list may name (a subquery, so no join per row). The join with
        // the items stays even without a material type: SQLite then walks each item's bookings in (ItemId, StartsAt,
        // EndsAt, Status), several times faster at 200,000 reservations than the (Status, StartsAt) range otherwise.
        var (where, parameters) = Overlapping(start, end, materialTypeId);
        const string Listed = "(r.\"Status\" IN (2, 5, 6) OR r.\"ReturnedAt\" > r.\"EndsAt\")";
        // SQLite keeps ids as text: parsing a hundred thousand of them is a fifth of the read, so there each row names its
        // item by the item's rowid (free: the join found the row by it), mapped back to the item's id from its 2,000 rows.
        Dictionary<long, Guid>? itemIds = null;
        if (!sql.IsPostgres)
        {
            itemIds = [];
            await foreach (var r in sql.ReadAsync("SELECT i.rowid, i.\"Id\" FROM \"EquipmentItems\" i", [], cancellationToken))
            {
                itemIds[r.GetInt64(0)] = PortableSql.Id(r, 1)!.Value;
            }
        }

        var text = "SELECT " + (itemIds is null ? "r.\"ItemId\"" : "i.rowid") + ", r.\"StartsAt\", r.\"EndsAt\", r.\"Status\", r.\"ReturnedAt\", "
            + "CASE WHEN " + Listed + " THEN r.\"Id\" END, CASE WHEN " + Listed + " THEN r.\"HolderId\" END, CASE WHEN " + Listed + " THEN r.\"CheckedOutAt\" END, "
            + "CASE WHEN " + Listed + " THEN (SELECT u.\"FullName\" FROM \"Users\" u WHERE u.\"Id\" = r.\"HolderId\") END "
            + "FROM \"Reservations\" r JOIN \"EquipmentItems\" i ON i.\"Id\" = r.\"ItemId\" WHERE " + where;
        return await sql.ReadAllAsync(text, parameters, Read, cancellationToken);

        // Optimised at its first call, like the loop that calls it for each of a hundred thousand rows.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        BookingSpan Read(DbDataReader r)
        {
            var item = itemIds is null ? PortableSql.Id(r, 0)!.Value : itemIds[r.GetInt64(0)];
            var startsAt = PortableSql.Instant(r, 1)!.Value;
            var endsAt = PortableSql.Instant(r, 2)!.Value;
            var state = (BookingState)PortableSql.Int(r, 3);
            var returnedAt = PortableSql.Instant(r, 4);
            var row = PortableSql.Id(r, 5) is { } id
                ? new BookingRow(id, item, PortableSql.Id(r, 6)!.Value, PortableSql.Text(r, 8), startsAt, endsAt, state, PortableSql.Instant(r, 7), returnedAt)
                : null;
            return new BookingSpan(item, startsAt, endsAt, state, returnedAt, row);
        }
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
