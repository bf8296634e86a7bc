using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Domain.Reservations;

namespace MesaServicios.Application.Reservations.CheckIn;

/// <summary>
/// A technician takes the item back with its condition and notes. A damaged item goes to maintenance (its
/// collisions are then listed by the item's endpoints), and the desk may open a ticket about it.
/// </summary>
public sealed record CheckInReservationCommand(Guid ReservationId, ReturnCondition? Condition, string? Notes, int? ExpectedVersion = null) : ICommand<ReservationDetails>;

internal sealed class CheckInReservationValidator : AbstractValidator<CheckInReservationCommand>
{
    public CheckInReservationValidator()
    {
        RuleFor(c => c.ExpectedVersion).Must(v => v is null or > 0).WithMessage(_ => Messages.Get("common.invalid_value"));
        RuleFor(c => c.Condition).NotNull().IsInEnum().WithMessage(_ => Messages.Get("reservations.condition_required"));
        RuleFor(c => c.Notes).NotEmpty().When(c => c.Condition == ReturnCondition.Damaged).WithMessage(_ => Messages.Get("reservations.damage_notes_required"));
        RuleFor(c => c.Notes).MaximumLength(Reservation.TextMaxLength).WithMessage(_ => Messages.Get("reservations.text_too_long", Reservation.TextMaxLength));
    }
}

internal sealed class CheckInReservationCommandHandler(IReservationsDbContext db, ICurrentUser currentUser, ISender sender, TimeProvider clock)
    : ICommandHandler<CheckInReservationCommand, ReservationDetails>
{
    public async ValueTask<ReservationDetails> Handle(CheckInReservationCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.ReservationActor();
        var reservation = await db.LoadForChangeAsync(command.ReservationId, actor, command.ExpectedVersion, cancellationToken);
        var item = await db.LoadItemAsync(reservation.ItemId, null, cancellationToken);
        reservation.CheckIn(actor, item, command.Condition!.Value, command.Notes, clock.GetUtcNow());
        return await ReservationViews.DetailsAsync(reservation, actor, db, sender, cancellationToken);
    }
}
