using Mediator;
using MesaServicios.Domain.Reservations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Reservations.NoShows;

/// <summary>
/// Marks as no-show every reservation not picked up within <c>Reservations:NoShowGraceMinutes</c> of its start (the
/// item is freed), except while its item is still out after an earlier reservation.
/// </summary>
public sealed record MarkNoShowsRequest : IRequest<ReservationJobReport>;

/// <summary>Marks one reservation as no-show (the system acts).</summary>
public sealed record MarkNoShowCommand(Guid ReservationId) : ICommand<bool>;

internal sealed class MarkNoShowsRequestHandler(
    IReservationsDbContext db, ISender sender, TimeProvider clock, IOptions<ReservationsOptions> options, ILogger<MarkNoShowsRequestHandler> logger)
    : IRequestHandler<MarkNoShowsRequest, ReservationJobReport>
{
    public async ValueTask<ReservationJobReport> Handle(MarkNoShowsRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - TimeSpan.FromMinutes(options.Value.NoShowGraceMinutes);
        var stillOut = db.Reservations.AsNoTracking().StillOutPastEnd(now);

        // Not a no-show while its item is still out after an earlier reservation: the person could not pick it up
        // (the desk lists these as blocked and acts).
        var due = await db.Reservations.AsNoTracking()
            .Where(r => r.Status == ReservationStatus.Reserved && r.StartsAt <= cutoff && !stillOut.Any(o => o.ItemId == r.ItemId))
            .OrderBy(r => r.StartsAt).Select(r => r.Id).Take(ReservationJobRunner.BatchSize)
            .ToListAsync(cancellationToken);
        return await ReservationJobRunner.RunAsync(sender, due, id => new MarkNoShowCommand(id), logger, cancellationToken);
    }
}

internal sealed class MarkNoShowCommandHandler(IReservationsDbContext db, TimeProvider clock, IOptions<ReservationsOptions> options)
    : ICommandHandler<MarkNoShowCommand, bool>
{
    public async ValueTask<bool> Handle(MarkNoShowCommand command, CancellationToken cancellationToken)
    {
        var reservation = await db.LoadForChangeAsync(command.ReservationId, null, null, cancellationToken);
        reservation.MarkNoShow(clock.GetUtcNow(), TimeSpan.FromMinutes(options.Value.NoShowGraceMinutes));
        return true;
    }
}
