using System.Globalization;
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

    public async Task<IReadOnlyList<BookingSpan>> BookingSpansAsync(DateTimeOffset start, DateTimeOffset end, int? materialTypeId, CancellationToken cancellationToken)
    {
        // No join for the names (a year is a hundred thousand rows). The join with the items stays even without a
        // material type: SQLite then walks each item's bookings in (ItemId, StartsAt, EndsAt, Status), several times
        // faster at 200,000 reservations than the (Status, StartsAt) range it picks without it.
        var (where, parameters) = Overlapping(start, end, materialTypeId);
        var text = "SELECT r.\"ItemId\", r.\"StartsAt\", r.\"EndsAt\", r.\"Status\", r.\"ReturnedAt\" FROM \"Reservations\" r JOIN \"EquipmentItems\" i ON i.\"Id\" = r.\"ItemId\" WHERE " + where;
        var rows = new List<BookingSpan>();
        await foreach (var r in sql.ReadAsync(text, parameters, cancellationToken))
        {
            rows.Add(new BookingSpan(PortableSql.Id(r, 0)!.Value, PortableSql.Instant(r, 1)!.Value, PortableSql.Instant(r, 2)!.Value, (BookingState)PortableSql.Int(r, 3), PortableSql.Instant(r, 4)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<BookingRow>> BookingsAsync(DateTimeOffset start, DateTimeOffset end, int? materialTypeId, CancellationToken cancellationToken)
    {
        var (where, parameters) = Overlapping(start, end, materialTypeId);
        var text = "SELECT r.\"Id\", r.\"ItemId\", r.\"HolderId\", u.\"FullName\", r.\"StartsAt\", r.\"EndsAt\", r.\"Status\", r.\"CheckedOutAt\", r.\"ReturnedAt\" "
            + "FROM \"Reservations\" r JOIN \"EquipmentItems\" i ON i.\"Id\" = r.\"ItemId\" LEFT JOIN \"Users\" u ON u.\"Id\" = r.\"HolderId\" "
            + "WHERE " + where + " AND (r.\"Status\" IN (2, 5, 6) OR r.\"ReturnedAt\" > r.\"EndsAt\")";
        var rows = new List<BookingRow>();
        await foreach (var r in sql.ReadAsync(text, parameters, cancellationToken))
        {
            rows.Add(new BookingRow(
                PortableSql.Id(r, 0)!.Value, PortableSql.Id(r, 1)!.Value, PortableSql.Id(r, 2)!.Value, PortableSql.Text(r, 3),
                PortableSql.Instant(r, 4)!.Value, PortableSql.Instant(r, 5)!.Value, (BookingState)PortableSql.Int(r, 6),
                PortableSql.Instant(r, 7), PortableSql.Instant(r, 8)));
        }

        return rows;
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
