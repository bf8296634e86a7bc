using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Domain.Reservations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Reservations.CheckOut;

/// <summary>A technician hands the item over: it is now in the person's possession ("en su poder").</summary>
public sealed record CheckOutReservationCommand(Guid ReservationId, int? ExpectedVersion = null) : ICommand<ReservationDetails>;

internal sealed class CheckOutReservationValidator : AbstractValidator<CheckOutReservationCommand>
{
    public CheckOutReservationValidator() =>
        RuleFor(c => c.ExpectedVersion).Must(v => v is null or > 0).WithMessage(_ => Messages.Get("common.invalid_value"));
}

internal sealed class CheckOutReservationCommandHandler(
    IReservationsDbContext db, ICurrentUser currentUser, ISender sender, TimeProvider clock, IOptions<ReservationsOptions> options)
    : ICommandHandler<CheckOutReservationCommand, ReservationDetails>
{
    public async ValueTask<ReservationDetails> Handle(CheckOutReservationCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.ReservationActor();
        var reservation = await db.LoadForChangeAsync(command.ReservationId, actor, command.ExpectedVersion, cancellationToken);
        var item = await db.LoadItemAsync(reservation.ItemId, null, cancellationToken);
        var stillOut = await db.Reservations.AsNoTracking().AnyAsync(
            r => r.ItemId == reservation.ItemId && r.Id != reservation.Id
                && (r.Status == ReservationStatus.CheckedOut || r.Status == ReservationStatus.Overdue),
            cancellationToken);
        reservation.CheckOut(actor, item, stillOut, clock.GetUtcNow(), TimeSpan.FromMinutes(options.Value.EarlyPickupMinutes));
        return await ReservationViews.DetailsAsync(reservation, actor, db, sender, cancellationToken);
    }
}
