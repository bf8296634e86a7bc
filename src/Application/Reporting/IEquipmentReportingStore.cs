namespace MesaServicios.Application.Reporting;

/// <summary>
/// Port: the equipment questions of the reports, read from the reservations' tables with SQL that runs unchanged on
/// SQLite and PostgreSQL. Reporting only reads them.
/// </summary>
public interface IEquipmentReportingStore
{
    /// <summary>The material types (id, Spanish name, English name when given).</summary>
    Task<IReadOnlyList<MaterialTypeName>> MaterialTypesAsync(CancellationToken cancellationToken);

    /// <summary>The items of the catalogue (of one material type when given), retired ones included.</summary>
    Task<IReadOnlyList<EquipmentItemRow>> ItemsAsync(int? materialTypeId, CancellationToken cancellationToken);

    /// <summary>
    /// Every reservation not cancelled whose window overlaps [<paramref name="start"/>, <paramref name="end"/>): what the
    /// counts and the utilisation need, and in full (<see cref="BookingSpan.Row"/>) only those the lists may name —
    /// no-shows, returned after their end, still out (checked out or overdue).
    /// </summary>
    Task<IReadOnlyList<BookingSpan>> BookingsAsync(DateTimeOffset start, DateTimeOffset end, int? materialTypeId, CancellationToken cancellationToken);
}

public sealed record MaterialTypeName(int Id, string Name, string? EnglishName);

/// <summary>An item; <see cref="Retired"/> when it left the catalogue.</summary>
public sealed record EquipmentItemRow(Guid Id, string Code, string Name, int MaterialTypeId, bool Retired);

/// <summary>A reservation's item, window, status and return (a year holds a hundred thousand of them); <see cref="Row"/> when a list may name it.</summary>
public sealed record BookingSpan(Guid ItemId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, BookingState State, DateTimeOffset? ReturnedAt, BookingRow? Row);

/// <summary>A reservation as stored: status 1 Reserved, 2 CheckedOut, 3 Returned, 5 NoShow, 6 Overdue.</summary>
public sealed record BookingRow(
    Guid Id,
    Guid ItemId,
    Guid HolderId,
    string? HolderName,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    BookingState State,
    DateTimeOffset? CheckedOutAt,
    DateTimeOffset? ReturnedAt);

/// <summary>The reservation statuses the reports tell apart (numbers as stored by the Reservations module).</summary>
public enum BookingState
{
    Reserved = 1,
    CheckedOut = 2,
    Returned = 3,
    NoShow = 5,
    Overdue = 6,
}
