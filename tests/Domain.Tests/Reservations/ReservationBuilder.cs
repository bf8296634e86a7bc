using MesaServicios.Domain.Reservations;

namespace MesaServicios.Domain.Tests.Reservations;

/// <summary>Reservations in any status, and the moment at which each action is due.</summary>
internal static class ReservationBuilder
{
    public static readonly Guid HolderId = Guid.Parse("0193a2b4-0000-7000-8000-000000000001");
    public static readonly Guid DeskId = Guid.Parse("0193a2b4-0000-7000-8000-000000000002");
    public static readonly Guid StrangerId = Guid.Parse("0193a2b4-0000-7000-8000-000000000003");
    public static readonly DateTimeOffset Booked = new(2026, 3, 2, 13, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Start = Booked.AddDays(1);
    public static readonly DateTimeOffset End = Start.AddHours(2);
    public static readonly BookingPolicy Policy = new(TimeSpan.FromHours(72), TimeSpan.FromDays(60));
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan EarlyPickup = TimeSpan.FromMinutes(30);

    public static ReservationActor? Actor(string name) => name switch
    {
        "holder" => ReservationActor.Person(HolderId),
        "stranger" => ReservationActor.Person(StrangerId),
        "desk" => ReservationActor.Desk(DeskId),
        _ => null,
    };

    public static EquipmentItem Item() => EquipmentItem.Create("PT-0001", "Portátil Lenovo", 1, "Bloque B", null, Booked);

    public static Reservation Booking(EquipmentItem item) =>
        Reservation.Book(ReservationActor.Person(HolderId), HolderId, item, new ReservationWindow(Start, End), "Clase de física", Policy, Booked);

    /// <summary>A reservation brought to <paramref name="status"/>, and a moment at which <paramref name="action"/> is due by time.</summary>
    public static (Reservation Reservation, EquipmentItem Item, DateTimeOffset Now) In(ReservationStatus status, ReservationAction action)
    {
        var item = Item();
        var reservation = Booking(item);
        var desk = ReservationActor.Desk(DeskId);
        switch (status)
        {
            case ReservationStatus.CheckedOut:
                reservation.CheckOut(desk, item, false, Start, EarlyPickup);
                break;
            case ReservationStatus.Returned:
                reservation.CheckOut(desk, item, false, Start, EarlyPickup);
                reservation.CheckIn(desk, item, ReturnCondition.Good, null, Start.AddHours(1));
                break;
            case ReservationStatus.Cancelled:
                reservation.Cancel(ReservationActor.Person(HolderId), null, Booked.AddHours(1));
                break;
            case ReservationStatus.NoShow:
                reservation.MarkNoShow(Start + Grace, Grace);
                break;
            case ReservationStatus.Overdue:
                reservation.CheckOut(desk, item, false, Start, EarlyPickup);
                reservation.MarkOverdue(End);
                break;
        }

        var now = action switch
        {
            ReservationAction.CheckOut => Start,
            ReservationAction.CheckIn => End.AddMinutes(10),
            ReservationAction.Cancel => Booked.AddHours(2),
            ReservationAction.MarkNoShow => Start + Grace,
            ReservationAction.MarkOverdue => End,
            _ => Booked,
        };
        return (reservation, item, now);
    }

    public static void Do(Reservation reservation, EquipmentItem item, ReservationAction action, ReservationActor? actor, DateTimeOffset now)
    {
        switch (action)
        {
            case ReservationAction.CheckOut:
                reservation.CheckOut(actor!, item, false, now, EarlyPickup);
                break;
            case ReservationAction.CheckIn:
                reservation.CheckIn(actor!, item, ReturnCondition.Good, null, now);
                break;
            case ReservationAction.Cancel:
                reservation.Cancel(actor!, "Cambio de planes", now);
                break;
            case ReservationAction.MarkNoShow:
                if (actor is not null)
                {
                    // The system's actions take no actor: a person attempting one is refused by the aggregate's rule.
                    reservation.EnsureCan(action, actor);
                }

                reservation.MarkNoShow(now, Grace);
                break;
            case ReservationAction.MarkOverdue:
                if (actor is not null)
                {
                    // The system's actions take no actor: a person attempting one is refused by the aggregate's rule.
                    reservation.EnsureCan(action, actor);
                }

                reservation.MarkOverdue(now);
                break;
        }
    }
}
