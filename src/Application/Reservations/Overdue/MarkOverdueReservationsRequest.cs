using Mediator;
using MesaServicios.Application.Reservations.Reminders;
using MesaServicios.Domain.Reservations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Reservations.Overdue;

/// <summary>
/// Items still out after their end become overdue (the person is reminded); after <c>OverdueDeskAfterMinutes</c> more
/// the desk is told, once. After downtime both steps happen in one run, in that order.
/// </summary>
public sealed record MarkOverdueReservationsRequest : IRequest<ReservationJobReport>;

/// <summary>Marks one checked-out reservation as overdue (the system acts).</summary>
public sealed record MarkOverdueCommand(Guid ReservationId) : ICommand<bool>;

internal sealed class MarkOverdueReservationsRequestHandler(
    IReservationsDbContext db, ISender sender, TimeProvider clock, IOptions<ReservationsOptions> options, ILogger<MarkOverdueReservationsRequestHandler> logger)
    : IRequestHandler<MarkOverdueReservationsRequest, ReservationJobReport>
{
    public async ValueTask<ReservationJobReport> Handle(MarkOverdueReservationsRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var late = await db.Reservations.AsNoTracking()
            .Where(r => r.Status == ReservationStatus.CheckedOut && r.EndsAt <= now)
            .OrderBy(r => r.EndsAt).Select(r => r.Id).Take(ReservationJobRunner.BatchSize)
            .ToListAsync(cancellationToken);
        var report = await ReservationJobRunner.RunAsync(sender, late, id => new MarkOverdueCommand(id), logger, cancellationToken);

        var deskCutoff = now - TimeSpan.FromMinutes(options.Value.OverdueDeskAfterMinutes);
        var forDesk = await db.Reservations.AsNoTracking()
            .Where(r => r.Status == ReservationStatus.Overdue && r.OverdueDeskNoticeSentAt == null && r.EndsAt <= deskCutoff)
            .OrderBy(r => r.EndsAt).Select(r => r.Id).Take(ReservationJobRunner.BatchSize)
            .ToListAsync(cancellationToken);
        return report + await ReservationJobRunner.RunAsync(sender, forDesk, id => new SendReservationNoticeCommand(id, ReservationNotice.OverdueToDesk), logger, cancellationToken);
    }
}

internal sealed class MarkOverdueCommandHandler(IReservationsDbContext db, TimeProvider clock)
    : ICommandHandler<MarkOverdueCommand, bool>
{
    public async ValueTask<bool> Handle(MarkOverdueCommand command, CancellationToken cancellationToken)
    {
        var reservation = await db.LoadForChangeAsync(command.ReservationId, null, null, cancellationToken);
        reservation.MarkOverdue(clock.GetUtcNow());
        return true;
    }
}
