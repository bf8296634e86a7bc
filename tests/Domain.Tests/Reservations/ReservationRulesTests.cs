using MesaServicios.Domain.Common;
using MesaServicios.Domain.Reservations;
using MesaServicios.Domain.Reservations.Events;
using static MesaServicios.Domain.Tests.Reservations.ReservationBuilder;

namespace MesaServicios.Domain.Tests.Reservations;

public sealed class ReservationRulesTests
{
    private static readonly ReservationActor Holder = ReservationActor.Person(HolderId);
    private static readonly ReservationActor Desk = ReservationActor.Desk(DeskId);

    [Theory]
    [InlineData(10, 12, 12, 14, false)] // back to back: half-open windows do not overlap
    [InlineData(12, 14, 10, 12, false)]
    [InlineData(10, 12, 11, 13, true)]
    [InlineData(10, 14, 11, 12, true)]
    [InlineData(11, 12, 10, 14, true)]
    [InlineData(10, 12, 10, 12, true)]
    [InlineData(10, 11, 13, 14, false)]
    public void Windows_AreHalfOpen(int aStart, int aEnd, int bStart, int bEnd, bool overlap)
    {
        var day = Start.Date;
        var a = new ReservationWindow(new DateTimeOffset(day.AddHours(aStart), TimeSpan.Zero), new DateTimeOffset(day.AddHours(aEnd), TimeSpan.Zero));
        var b = new ReservationWindow(new DateTimeOffset(day.AddHours(bStart), TimeSpan.Zero), new DateTimeOffset(day.AddHours(bEnd), TimeSpan.Zero));
        Assert.Equal(overlap, a.Overlaps(b));
        Assert.Equal(overlap, b.Overlaps(a));
    }

    [Fact]
    public void AWindowEndingBeforeItStarts_IsRefused() =>
        Assert.Equal("reservations.window_invalid", Assert.Throws<DomainException>(() => ReservationWindow.Of(Start, Start)).Code);

    [Theory]
    [InlineData(-1, 2, "reservations.start_in_past")]
    [InlineData(1, 73, "reservations.too_long")]
    [InlineData(61 * 24, 1, "reservations.too_far_ahead")]
    public void Limits_AreEnforced(int startInHours, int hours, string code)
    {
        var start = Booked.AddHours(startInHours);
        var error = Assert.Throws<DomainException>(() =>
            Reservation.Book(Holder, HolderId, Item(), new ReservationWindow(start, start.AddHours(hours)), "Clase", Policy, Booked));
        Assert.Equal(code, error.Code);
        Assert.Equal(DomainErrorKind.RuleBroken, error.Kind);
    }

    [Fact]
    public void Limits_AllowTheMaximumExactly()
    {
        var start = Booked.AddDays(60);
        var reservation = Reservation.Book(Holder, HolderId, Item(), new ReservationWindow(start, start.AddHours(72)), "Clase", Policy, Booked);
        Assert.Equal(ReservationStatus.Reserved, reservation.Status);
        Assert.IsType<ReservationBooked>(Assert.Single(reservation.DomainEvents));
    }

    [Theory]
    [InlineData(8, 0, 10, 0, true)]
    [InlineData(7, 0, 9, 0, true)]
    [InlineData(6, 59, 9, 0, false)]
    [InlineData(17, 0, 18, 0, true)]
    [InlineData(17, 0, 18, 1, false)]
    public void OfficeHours_WhenSet_BoundBothEnds(int fromHour, int fromMinute, int toHour, int toMinute, bool accepted)
    {
        var bogota = TimeZoneInfo.FindSystemTimeZoneById("America/Bogota");
        var policy = Policy with { OfficeHours = new OfficeHours(new TimeOnly(7, 0), new TimeOnly(18, 0), bogota) };
        var day = new DateTime(2026, 3, 4);
        var window = new ReservationWindow(
            new DateTimeOffset(day.AddHours(fromHour).AddMinutes(fromMinute), TimeSpan.FromHours(-5)),
            new DateTimeOffset(day.AddHours(toHour).AddMinutes(toMinute), TimeSpan.FromHours(-5)));
        var book = () => Reservation.Book(Holder, HolderId, Item(), window, "Clase", policy, Booked);
        if (accepted)
        {
            Assert.Equal(ReservationStatus.Reserved, book().Status);
        }
        else
        {
            Assert.Equal("reservations.outside_office_hours", Assert.Throws<DomainException>(book).Code);
        }
    }

    [Fact]
    public void ANonDeskPerson_CannotBookForSomeoneElse()
    {
        var error = Assert.Throws<DomainException>(() => Reservation.Book(Holder, StrangerId, Item(), new ReservationWindow(Start, End), "Clase", Policy, Booked));
        Assert.Equal(DomainErrorKind.Forbidden, error.Kind);
        Assert.Equal(StrangerId, Reservation.Book(Desk, StrangerId, Item(), new ReservationWindow(Start, End), "Clase", Policy, Booked).HolderId);
    }

    [Fact]
    public void AnItemOutOfService_CannotBeBooked()
    {
        var item = Item();
        item.PutInMaintenance("Lámpara", Booked);
        var error = Assert.Throws<DomainException>(() => Booking(item));
        Assert.Equal("reservations.item_unavailable", error.Code);
        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public void ThePerson_CancelsOnlyBeforeTheStart_TheDeskAnyTimeWithAReason()
    {
        var (reservation, _, _) = In(ReservationStatus.Reserved, ReservationAction.Cancel);
        Assert.Equal("reservations.already_started", Assert.Throws<DomainException>(() => reservation.Cancel(Holder, null, Start)).Code);
        Assert.Equal("reservations.cancel_reason_required", Assert.Throws<DomainException>(() => reservation.Cancel(Desk, "  ", Start)).Code);
        reservation.DequeueDomainEvents();
        reservation.Cancel(Desk, "El equipo se dañó", Start);
        var cancelled = Assert.IsType<ReservationCancelled>(Assert.Single(reservation.DomainEvents));
        Assert.True(cancelled.ByDesk);
        Assert.Equal("El equipo se dañó", reservation.CancelReason);
    }

    [Fact]
    public void CheckOut_OnlyFromShortlyBeforeTheStartUntilTheEnd()
    {
        var (reservation, item, _) = In(ReservationStatus.Reserved, ReservationAction.CheckOut);
        Assert.Equal("reservations.not_pickup_time", Assert.Throws<DomainException>(() => reservation.CheckOut(Desk, item, false, Start - EarlyPickup - TimeSpan.FromMinutes(1), EarlyPickup)).Code);
        Assert.Equal("reservations.not_pickup_time", Assert.Throws<DomainException>(() => reservation.CheckOut(Desk, item, false, End, EarlyPickup)).Code);
        reservation.CheckOut(Desk, item, false, Start - EarlyPickup, EarlyPickup);
        Assert.Equal(ReservationStatus.CheckedOut, reservation.Status);
        Assert.Equal(DeskId, reservation.CheckedOutById);
    }

    [Fact]
    public void CheckOut_IsRefusedWhileTheItemIsStillOutOrInMaintenance()
    {
        var (reservation, item, now) = In(ReservationStatus.Reserved, ReservationAction.CheckOut);
        Assert.Equal("reservations.item_still_out", Assert.Throws<DomainException>(() => reservation.CheckOut(Desk, item, true, now, EarlyPickup)).Code);
        item.PutInMaintenance(null, now);
        Assert.Equal("reservations.item_unavailable", Assert.Throws<DomainException>(() => reservation.CheckOut(Desk, item, false, now, EarlyPickup)).Code);
        Assert.Equal(ReservationStatus.Reserved, reservation.Status);
    }

    [Fact]
    public void ADamagedReturn_NeedsNotes_AndSendsTheItemToMaintenance()
    {
        var (reservation, item, now) = In(ReservationStatus.CheckedOut, ReservationAction.CheckIn);
        Assert.Equal("reservations.damage_notes_required", Assert.Throws<DomainException>(() => reservation.CheckIn(Desk, item, ReturnCondition.Damaged, " ", now)).Code);
        reservation.CheckIn(Desk, item, ReturnCondition.Damaged, "Pantalla rota", now);
        Assert.Equal(ReservationStatus.Returned, reservation.Status);
        Assert.Equal(EquipmentState.InMaintenance, item.State);
        Assert.Equal("Pantalla rota", item.MaintenanceReason);
    }

    [Fact]
    public void AGoodReturn_LeavesTheItemAvailable()
    {
        var (reservation, item, now) = In(ReservationStatus.Overdue, ReservationAction.CheckIn);
        reservation.CheckIn(Desk, item, ReturnCondition.Good, null, now);
        Assert.Equal(EquipmentState.Available, item.State);
        Assert.Equal(ReturnCondition.Good, reservation.ReturnCondition);
    }

    [Fact]
    public void NoShowAndOverdue_WaitForTheirMoment()
    {
        var (reserved, _, _) = In(ReservationStatus.Reserved, ReservationAction.MarkNoShow);
        Assert.Equal("reservations.not_due", Assert.Throws<DomainException>(() => reserved.MarkNoShow(Start + Grace - TimeSpan.FromSeconds(1), Grace)).Code);
        var (outNow, _, _) = In(ReservationStatus.CheckedOut, ReservationAction.MarkOverdue);
        Assert.Equal("reservations.not_due", Assert.Throws<DomainException>(() => outNow.MarkOverdue(End - TimeSpan.FromSeconds(1))).Code);
    }

    [Theory]
    [InlineData(ReservationNotice.PickupReminder, ReservationStatus.Reserved)]
    [InlineData(ReservationNotice.DueSoon, ReservationStatus.CheckedOut)]
    [InlineData(ReservationNotice.OverdueToDesk, ReservationStatus.Overdue)]
    public void EachNotice_IsRecordedOnce_AndOnlyInItsTime(ReservationNotice notice, ReservationStatus status)
    {
        var lead = TimeSpan.FromMinutes(60);
        var due = notice switch
        {
            ReservationNotice.PickupReminder => Start - TimeSpan.FromMinutes(30),
            ReservationNotice.DueSoon => End - TimeSpan.FromMinutes(30),
            _ => End + lead,
        };
        var early = notice == ReservationNotice.OverdueToDesk ? End + lead - TimeSpan.FromMinutes(1) : due - lead - TimeSpan.FromMinutes(1);
        var (reservation, _, _) = In(status, ReservationAction.CheckIn);
        reservation.DequeueDomainEvents();

        Assert.Equal("reservations.not_due", Assert.Throws<DomainException>(() => reservation.RecordNotice(notice, early, lead)).Code);
        reservation.RecordNotice(notice, due, lead);
        var raised = Assert.IsType<ReservationNoticeDue>(Assert.Single(reservation.DequeueDomainEvents()));
        Assert.Equal(notice, raised.Notice);
        Assert.Equal("reservations.not_due", Assert.Throws<DomainException>(() => reservation.RecordNotice(notice, due.AddMinutes(1), lead)).Code);
        Assert.Empty(reservation.DomainEvents);
    }

    [Fact]
    public void AReminderWhoseMomentPassed_IsNotSentLate()
    {
        var (reservation, _, _) = In(ReservationStatus.Reserved, ReservationAction.CheckOut);
        Assert.Throws<DomainException>(() => reservation.RecordNotice(ReservationNotice.PickupReminder, Start, TimeSpan.FromHours(1)));
    }
}
