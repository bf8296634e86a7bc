using Mediator;
using MesaServicios.Application.Common.Events;
using MesaServicios.Application.Reservations.Contracts;
using MesaServicios.Domain.Reservations;
using MesaServicios.Domain.Reservations.Events;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Reservations.IntegrationEvents;

/// <summary>
/// Tells other modules what happened to a reservation: one Reservations.Contracts event per domain event, published
/// inside the same transaction (so the notifications it causes commit with the change), with the item it is about.
/// </summary>
internal sealed class PublishReservationIntegrationEvents(IPublisher publisher, IReservationsDbContext db, IOptions<ReservationsOptions> options) :
    IDomainEventHandler<ReservationBooked>,
    IDomainEventHandler<ReservationCancelled>,
    IDomainEventHandler<ReservationCheckedOut>,
    IDomainEventHandler<ReservationReturned>,
    IDomainEventHandler<ReservationMarkedNoShow>,
    IDomainEventHandler<ReservationMarkedOverdue>,
    IDomainEventHandler<ReservationNoticeDue>
{
    public async ValueTask Handle(ReservationBooked e, CancellationToken cancellationToken) =>
        await publisher.Publish(await FillAsync(new ReservationConfirmedIntegrationEvent { Purpose = e.Reservation.Purpose, ActorId = e.ActorId, OccurredAt = e.OccurredAt }, e.Reservation, cancellationToken), cancellationToken);

    public async ValueTask Handle(ReservationCancelled e, CancellationToken cancellationToken) =>
        await publisher.Publish(await FillAsync(new ReservationCancelledIntegrationEvent { ByDesk = e.ByDesk, Reason = e.Reason, ActorId = e.ActorId, OccurredAt = e.OccurredAt }, e.Reservation, cancellationToken), cancellationToken);

    public async ValueTask Handle(ReservationCheckedOut e, CancellationToken cancellationToken) =>
        await publisher.Publish(await FillAsync(new ReservationCheckedOutIntegrationEvent { ActorId = e.ActorId, OccurredAt = e.OccurredAt }, e.Reservation, cancellationToken), cancellationToken);

    public async ValueTask Handle(ReservationReturned e, CancellationToken cancellationToken) =>
        await publisher.Publish(await FillAsync(new ReservationReturnedIntegrationEvent { Damaged = e.Condition == ReturnCondition.Damaged, Notes = e.Notes, ActorId = e.ActorId, OccurredAt = e.OccurredAt }, e.Reservation, cancellationToken), cancellationToken);

    public async ValueTask Handle(ReservationMarkedNoShow e, CancellationToken cancellationToken) =>
        await publisher.Publish(await FillAsync(new ReservationNoShowIntegrationEvent { ActorId = null, OccurredAt = e.OccurredAt }, e.Reservation, cancellationToken), cancellationToken);

    public async ValueTask Handle(ReservationMarkedOverdue e, CancellationToken cancellationToken) =>
        await publisher.Publish(await FillAsync(new ReservationOverdueIntegrationEvent { ToDesk = false, ActorId = null, OccurredAt = e.OccurredAt }, e.Reservation, cancellationToken), cancellationToken);

    public async ValueTask Handle(ReservationNoticeDue e, CancellationToken cancellationToken)
    {
        ReservationIntegrationEvent message = e.Notice switch
        {
            ReservationNotice.PickupReminder => new ReservationPickupReminderIntegrationEvent { ActorId = null, OccurredAt = e.OccurredAt },
            ReservationNotice.DueSoon => new ReservationReturnDueSoonIntegrationEvent { ActorId = null, OccurredAt = e.OccurredAt },
            _ => new ReservationOverdueIntegrationEvent { ToDesk = true, ActorId = null, OccurredAt = e.OccurredAt },
        };
        await publisher.Publish(await FillAsync(message, e.Reservation, cancellationToken), cancellationToken);
    }

    private async Task<T> FillAsync<T>(T message, ReservationSnapshot reservation, CancellationToken cancellationToken)
        where T : ReservationIntegrationEvent
    {
        var item = await ReservationViews.ItemRefAsync(db, reservation.ItemId, cancellationToken);
        return message with
        {
            ReservationId = reservation.Id,
            HolderId = reservation.HolderId,
            ItemId = item.Id,
            ItemCode = item.Code,
            ItemName = item.Name,
            MaterialType = item.MaterialType,
            StartsAt = reservation.StartsAt,
            EndsAt = reservation.EndsAt,
            TimeZone = options.Value.TimeZone,
        };
    }
}
