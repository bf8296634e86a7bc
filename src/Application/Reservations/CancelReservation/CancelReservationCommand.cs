using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Domain.Reservations;

namespace MesaServicios.Application.Reservations.CancelReservation;

/// <summary>The person cancels his booking before it starts; the desk cancels any reserved booking with a reason.</summary>
public sealed record CancelReservationCommand(Guid ReservationId, string? Reason, int? ExpectedVersion = null) : ICommand<ReservationDetails>;

internal sealed class CancelReservationValidator : AbstractValidator<CancelReservationCommand>
{
    public CancelReservationValidator()
    {
        RuleFor(c => c.ExpectedVersion).Must(v => v is null or > 0).WithMessage(_ => Messages.Get("common.invalid_value"));
        RuleFor(c => c.Reason).MaximumLength(Reservation.TextMaxLength).WithMessage(_ => Messages.Get("reservations.text_too_long", Reservation.TextMaxLength));
    }
}

internal sealed class CancelReservationCommandHandler(IReservationsDbContext db, ICurrentUser currentUser, ISender sender, TimeProvider clock)
    : ICommandHandler<CancelReservationCommand, ReservationDetails>
{
    public async ValueTask<ReservationDetails> Handle(CancelReservationCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.ReservationActor();
        var reservation = await db.LoadForChangeAsync(command.ReservationId, actor, command.ExpectedVersion, cancellationToken);
        reservation.Cancel(actor, command.Reason, clock.GetUtcNow());
        return await ReservationViews.DetailsAsync(reservation, actor, db, sender, cancellationToken);
    }
}
