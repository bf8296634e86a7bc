using System.Runtime.CompilerServices;

namespace MesaServicios.Application.Reporting;

/// <summary>
/// Port: the equipment questions of the reports, read from the reservations' tables with SQL that runs unchanged on
/// SQLite and PostgreSQL. Reporting only reads them.
/// </summary>
public interface IEquipmentReportingStore
{
    /// <summary>The material types (id, Spanish name, English name when given).</summary>
    Task<IReadOnlyList<MaterialTypeName>> MaterialTypesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The items of the catalogue (of one material type when given), retired ones included, and every reservation not
    /// cancelled whose window overlaps [<paramref name="start"/>, <paramref name="end"/>): as columns of primitives (a
    /// year holds a hundred thousand of them), and in full (<see cref="EquipmentBookings.Listed"/>) only those the lists
    /// may name — no-shows, returned after their end, still out (checked out or overdue).
    /// </summary>
    Task<EquipmentBookings> BookingsAsync(DateTimeOffset start, DateTimeOffset end, int? materialTypeId, CancellationToken cancellationToken);
}

public sealed record MaterialTypeName(int Id, string Name, string? EnglishName);

/// <summary>An item; <see cref="Retired"/> when it left the catalogue.</summary>
public sealed record EquipmentItemRow(Guid Id, string Code, string Name, int MaterialTypeId, bool Retired);

/// <summary>
/// The items and their bookings of a period, one booking per position of the columns (no object per booking):
/// <see cref="Item"/> its item's position in <see cref="Items"/>, <see cref="StartsAt"/> and <see cref="EndsAt"/> its
/// window in UTC ticks, <see cref="State"/> its status; <see cref="Count"/> bookings in all, in no particular order.
/// </summary>
public sealed class EquipmentBookings(IReadOnlyList<EquipmentItemRow> items)
{
    private int[] _item = new int[256];
    private long[] _startsAt = new long[256];
    private long[] _endsAt = new long[256];
    private BookingState[] _state = new BookingState[256];

    public IReadOnlyList<EquipmentItemRow> Items { get; } = items;

    public int Count { get; private set; }

    public ReadOnlySpan<int> Item => _item.AsSpan(0, Count);

    public ReadOnlySpan<long> StartsAt => _startsAt.AsSpan(0, Count);

    public ReadOnlySpan<long> EndsAt => _endsAt.AsSpan(0, Count);

    public ReadOnlySpan<BookingState> State => _state.AsSpan(0, Count);

    /// <summary>The bookings a list may name, in full.</summary>
    public List<BookingRow> Listed { get; } = [];

    /// <summary>Appends a booking of the item at position <paramref name="item"/> of <see cref="Items"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int item, long startsAt, long endsAt, BookingState state)
    {
        if ((uint)item >= (uint)Items.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(item));
        }

        if (Count == _item.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _item, size);
            Array.Resize(ref _startsAt, size);
            Array.Resize(ref _endsAt, size);
            Array.Resize(ref _state, size);
        }

        _item[Count] = item;
        _startsAt[Count] = startsAt;
        _endsAt[Count] = endsAt;
        _state[Count] = state;
        Count++;
    }
}

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
