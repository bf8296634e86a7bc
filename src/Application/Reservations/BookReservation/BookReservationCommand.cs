using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Users.Contracts;
using MesaServicios.Domain.Reservations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Reservations.BookReservation;

/// <summary>
/// Any signed-in person books an available item for <c>[Start, End)</c> with a purpose; the desk may book for someone
/// else (<see cref="HolderId"/>). Runs under the write turn: the overlap check and the insert cannot be separated by
/// another booking, and the database refuses an overlap anyway. With an <see cref="IdempotencyKey"/> a retry returns
/// the first reservation and books nothing.
/// </summary>
public sealed record BookReservationCommand(Guid ItemId, DateTimeOffset? Start, DateTimeOffset? End, string Purpose, Guid? HolderId = null) : ICommand<BookReservationResult>
{
    /// <summary>From the <c>Idempotency-Key</c> header.</summary>
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }
}

public sealed record BookReservationResult(ReservationDetails Reservation, bool Replayed);

internal sealed class BookReservationValidator : AbstractValidator<BookReservationCommand>
{
    public BookReservationValidator()
    {
        RuleFor(c => c.ItemId).NotEmpty().WithMessage(_ => Messages.Get("reservations.item_required"));
        RuleFor(c => c.Start).NotNull().WithMessage(_ => Messages.Get("reservations.start_required"));
        RuleFor(c => c.End).NotNull().WithMessage(_ => Messages.Get("reservations.end_required"));
        RuleFor(c => c.End).Must((c, end) => end > c.Start).When(c => c.Start is not null && c.End is not null)
            .WithMessage(_ => Messages.Get("reservations.window_invalid"));
        RuleFor(c => c.Purpose).Must(p => p is not null && p.Trim().Length is >= Reservation.PurposeMinLength and <= Reservation.PurposeMaxLength)
            .WithMessage(_ => Messages.Get("reservations.purpose_length", Reservation.PurposeMinLength, Reservation.PurposeMaxLength));
        RuleFor(c => c.IdempotencyKey)
            .Must(k => k is null || (k.Length is > 0 and <= 100 && k.All(ch => ch is > ' ' and <= '~')))
            .WithMessage(_ => Messages.Get("reservations.idempotency_key_invalid"));
    }
}

internal sealed class BookReservationCommandHandler(
    IReservationsDbContext db,
    IReservationOverlapGuard guard,
    ICurrentUser currentUser,
    ISender sender,
    TimeProvider clock,
    IOptions<ReservationsOptions> options) : ICommandHandler<BookReservationCommand, BookReservationResult>
{
    public async ValueTask<BookReservationResult> Handle(BookReservationCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.ReservationActor();
        var now = clock.GetUtcNow();
        var holderId = command.HolderId ?? actor.UserId;
        var hash = Hash(command, holderId);
        if (command.IdempotencyKey is { } key)
        {
            var earlier = await db.Reservations.AsNoTracking()
                .FirstOrDefaultAsync(r => r.BookedById == actor.UserId && r.IdempotencyKey == key, cancellationToken);
            if (earlier is not null)
            {
                return earlier.RequestHash == hash
                    ? new BookReservationResult(await ReservationViews.DetailsAsync(earlier, actor, db, sender, cancellationToken), Replayed: true)
                    : throw Errors.Rule("reservations.idempotency_key_reused");
            }
        }

        if (holderId != actor.UserId && actor.IsDesk
            && !(await sender.Send(new GetUserSnapshotsQuery([holderId]), cancellationToken)).Any(u => u.IsActive))
        {
            throw CatalogueFieldError("holderId", "reservations.holder_unknown");
        }

        var item = await db.EquipmentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == command.ItemId, cancellationToken)
            ?? throw CatalogueFieldError("itemId", "equipment.not_found");
        var window = ReservationWindow.Of(command.Start!.Value, command.End!.Value);
        await guard.TakeItemTurnAsync(item.Id, cancellationToken);

        // Under the write turn: an item still out after an earlier reservation's end is not bookable until it is back.
        var overdueSince = await db.Reservations.AsNoTracking().StillOutPastEnd(now).Where(r => r.ItemId == item.Id)
            .OrderBy(r => r.EndsAt).Select(r => (DateTimeOffset?)r.EndsAt).FirstOrDefaultAsync(cancellationToken);
        var reservation = Reservation.Book(
            actor, holderId, item, window, command.Purpose, options.Value.Policy(), now, command.IdempotencyKey, command.IdempotencyKey is null ? null : hash, overdueSince);

        // Under the write turn (this command is not optimistic): nobody can book this item between the check and the insert.
        if (await guard.FindConflictAsync(item.Id, window, null, cancellationToken) is { } conflict)
        {
            throw Overlap(conflict);
        }

        db.Reservations.Add(reservation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (guard.IsOverlapViolation(exception))
        {
            // The database's own guarantee (another node, or a writer outside this process, won the slot). Not only a
            // DbUpdateException: PostgreSQL may end a race of several bookings with a deadlock, which EF wraps apart.
            var winner = await guard.FindConflictAsync(item.Id, window, reservation.Id, cancellationToken);
            throw Overlap(winner ?? window);
        }

        return new BookReservationResult(await ReservationViews.DetailsAsync(reservation, actor, db, sender, cancellationToken), Replayed: false);
    }

    /// <summary>409 with the window already taken, so the client can offer another.</summary>
    public static Domain.Common.DomainException Overlap(ReservationWindow conflict) =>
        Errors.Conflict("reservations.overlap").WithDetail("conflict", new { start = conflict.Start, end = conflict.End });

    private static ValidationException CatalogueFieldError(string field, string code) =>
        new([new FluentValidation.Results.ValidationFailure(field, Messages.Get(code))]);

    private static string Hash(BookReservationCommand command, Guid holderId)
    {
        var canonical = string.Join('|', command.ItemId, command.Start?.UtcTicks, command.End?.UtcTicks, command.Purpose?.Trim(), holderId);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
