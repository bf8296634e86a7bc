using Mediator;
using MesaServicios.Domain.Reservations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Reservations.Reminders;

/// <summary>
/// Reminds people, once each: to pick up an item whose reservation starts within <c>PickupReminderMinutes</c>, and to
/// return one whose reservation ends within <c>DueSoonLeadMinutes</c>. A reminder whose moment passed while the job
/// was down is not sent late (the no-show or overdue notice takes over).
/// </summary>
public sealed record SendReservationRemindersRequest : IRequest<ReservationJobReport>;

/// <summary>Records and sends one reminder of a reservation (the system acts).</summary>
public sealed record SendReservationNoticeCommand(Guid ReservationId, ReservationNotice Notice) : ICommand<bool>;

internal sealed class SendReservationRemindersRequestHandler(
    IReservationsDbContext db, ISender sender, TimeProvider clock, IOptions<ReservationsOptions> options, ILogger<SendReservationRemindersRequestHandler> logger)
    : IRequestHandler<SendReservationRemindersRequest, ReservationJobReport>
{
    public async ValueTask<ReservationJobReport> Handle(SendReservationRemindersRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var pickupBy = now + TimeSpan.FromMinutes(options.Value.PickupReminderMinutes);
        var returnBy = now + TimeSpan.FromMinutes(options.Value.DueSoonLeadMinutes);
        var pickups = await db.Reservations.AsNoTracking()
            .Where(r => r.Status == ReservationStatus.Reserved && r.PickupReminderSentAt == null && r.StartsAt > now && r.StartsAt <= pickupBy)
            .OrderBy(r => r.StartsAt).Select(r => r.Id).Take(ReservationJobRunner.BatchSize)
            .ToListAsync(cancellationToken);
        var returns = await db.Reservations.AsNoTracking()
            .Where(r => r.Status == ReservationStatus.CheckedOut && r.DueSoonSentAt == null && r.EndsAt > now && r.EndsAt <= returnBy)
            .OrderBy(r => r.EndsAt).Select(r => r.Id).Take(ReservationJobRunner.BatchSize)
            .ToListAsync(cancellationToken);
        return await ReservationJobRunner.RunAsync(sender, pickups, id => new SendReservationNoticeCommand(id, ReservationNotice.PickupReminder), logger, cancellationToken)
            + await ReservationJobRunner.RunAsync(sender, returns, id => new SendReservationNoticeCommand(id, ReservationNotice.DueSoon), logger, cancellationToken);
    }
}

internal sealed class SendReservationNoticeCommandHandler(IReservationsDbContext db, TimeProvider clock, IOptions<ReservationsOptions> options)
    : ICommandHandler<SendReservationNoticeCommand, bool>
{
    public async ValueTask<bool> Handle(SendReservationNoticeCommand command, CancellationToken cancellationToken)
    {
        var reservation = await db.LoadForChangeAsync(command.ReservationId, null, null, cancellationToken);
        var lead = command.Notice switch
        {
            ReservationNotice.PickupReminder => options.Value.PickupReminderMinutes,
            ReservationNotice.DueSoon => options.Value.DueSoonLeadMinutes,
            _ => options.Value.OverdueDeskAfterMinutes,
        };
        reservation.RecordNotice(command.Notice, clock.GetUtcNow(), TimeSpan.FromMinutes(lead));
        return true;
    }
}
