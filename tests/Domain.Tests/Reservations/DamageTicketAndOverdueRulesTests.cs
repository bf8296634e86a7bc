using MesaServicios.Domain.Common;
using MesaServicios.Domain.Reservations;
using static MesaServicios.Domain.Tests.Reservations.ReservationBuilder;

namespace MesaServicios.Domain.Tests.Reservations;

/// <summary>An item still out blocks new bookings; a damaged return may get one ticket, from the desk only.</summary>
public sealed class DamageTicketAndOverdueRulesTests
{
    private static Reservation DamagedReturn()
    {
        var item = Item();
        var reservation = Booking(item);
        var desk = ReservationActor.Desk(DeskId);
        reservation.CheckOut(desk, item, false, Start, EarlyPickup);
        reservation.CheckIn(desk, item, ReturnCondition.Damaged, "Pantalla rota", Start.AddHours(1));
        return reservation;
    }

    [Fact]
    public void AnItemStillOutAfterAnEarlierEnd_CannotBeBooked_ByAnyone()
    {
        var since = Booked.AddHours(-2);

        var error = Assert.Throws<DomainException>(() => Reservation.Book(
            ReservationActor.Desk(DeskId), HolderId, Item(), new ReservationWindow(Start, End), "Clase de física", Policy, Booked, itemOverdueSince: since));

        Assert.Equal("reservations.item_overdue", error.Code);
        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
        Assert.Equal(since, error.Details["overdueSince"]);
    }

    [Fact]
    public void ADamagedReturn_TakesOneTicket_FromTheDesk()
    {
        var reservation = DamagedReturn();
        var version = reservation.Version;

        reservation.RecordDamageTicket(ReservationActor.Desk(DeskId), 42, Start.AddHours(2));

        Assert.Equal(42, reservation.DamageTicketId);
        Assert.Equal(version + 1, reservation.Version);
        var again = Assert.Throws<DomainException>(() => reservation.RecordDamageTicket(ReservationActor.Desk(DeskId), 43, Start.AddHours(3)));
        Assert.Equal("reservations.damage_ticket_exists", again.Code);
        Assert.Equal(42, again.Details["ticketId"]);
        Assert.Equal(42, reservation.DamageTicketId);
    }

    [Fact]
    public void TheHolder_MayNotOpenIt()
    {
        var reservation = DamagedReturn();

        var error = Assert.Throws<DomainException>(() => reservation.RecordDamageTicket(ReservationActor.Person(HolderId), 42, Start.AddHours(2)));

        Assert.Equal(DomainErrorKind.Forbidden, error.Kind);
        Assert.Null(reservation.DamageTicketId);
    }

    [Theory]
    [InlineData(ReservationStatus.Reserved)]
    [InlineData(ReservationStatus.CheckedOut)]
    [InlineData(ReservationStatus.Overdue)]
    [InlineData(ReservationStatus.Returned)] // returned in good condition
    [InlineData(ReservationStatus.Cancelled)]
    [InlineData(ReservationStatus.NoShow)]
    public void OnlyADamagedReturn_MayHaveATicket(ReservationStatus status)
    {
        var (reservation, _, _) = In(status, ReservationAction.CheckIn);

        var error = Assert.Throws<DomainException>(() => reservation.EnsureCanOpenDamageTicket(ReservationActor.Desk(DeskId)));

        Assert.Equal("reservations.not_damaged", error.Code);
    }
}
