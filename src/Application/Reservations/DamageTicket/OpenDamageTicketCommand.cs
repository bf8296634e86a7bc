using System.Globalization;
using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Domain.Reservations;
using MesaServicios.Domain.Tickets;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Reservations.DamageTicket;

/// <summary>
/// The desk opens a ticket from an item returned damaged: an incident about that item, for the person who had it
/// (the reservation's holder), with the condition notes in its description. Once per reservation; only the desk.
/// <paramref name="Title"/> and <paramref name="Details"/> are optional (a title naming the item is written otherwise).
/// </summary>
public sealed record OpenDamageTicketCommand(Guid ReservationId, string? Title, string? Details, Urgency? Urgency, int? ExpectedVersion = null) : ICommand<DamageTicketResult>;

/// <summary>The ticket opened and the reservation that now names it.</summary>
public sealed record DamageTicketResult(int TicketId, ReservationDetails Reservation);

internal sealed class OpenDamageTicketValidator : AbstractValidator<OpenDamageTicketCommand>
{
    public const int TitleMinLength = 5;
    public const int TitleMaxLength = 150;
    public const int DetailsMaxLength = 4000;

    public OpenDamageTicketValidator()
    {
        RuleFor(c => c.ExpectedVersion).Must(v => v is null or > 0).WithMessage(_ => Messages.Get("common.invalid_value"));
        RuleFor(c => c.Title).Must(t => t!.Trim().Length is >= TitleMinLength and <= TitleMaxLength).When(c => c.Title is not null)
            .WithMessage(_ => Messages.Get("tickets.title_length", TitleMinLength, TitleMaxLength));
        RuleFor(c => c.Details).MaximumLength(DetailsMaxLength).WithMessage(_ => Messages.Get("reservations.text_too_long", DetailsMaxLength));
        RuleFor(c => c.Urgency).IsInEnum().WithMessage(_ => Messages.Get("tickets.urgency_invalid"));
    }
}

internal sealed class OpenDamageTicketCommandHandler(
    IReservationsDbContext db,
    ICurrentUser currentUser,
    ISender sender,
    ITicketsModule tickets,
    TimeProvider clock,
    IOptions<ReservationsOptions> options) : ICommandHandler<OpenDamageTicketCommand, DamageTicketResult>
{
    public async ValueTask<DamageTicketResult> Handle(OpenDamageTicketCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.ReservationActor();
        var reservation = await db.LoadForChangeAsync(command.ReservationId, actor, command.ExpectedVersion, cancellationToken);
        reservation.EnsureCanOpenDamageTicket(actor);
        var item = await ReservationViews.ItemRefAsync(db, reservation.ItemId, cancellationToken);

        var ticketId = await tickets.OpenAboutEquipmentAsync(
            new OpenEquipmentTicketCommand(
                reservation.HolderId,
                Title(command.Title, item),
                Description(reservation, item, command.Details),
                TicketType.Incident,
                command.Urgency ?? Urgency.Medium,
                new EquipmentOnTicket(item.Id, item.Code, item.Name, item.MaterialTypeId, item.MaterialType)),
            cancellationToken);
        reservation.RecordDamageTicket(actor, ticketId, clock.GetUtcNow());
        return new DamageTicketResult(ticketId, await ReservationViews.DetailsAsync(reservation, actor, db, sender, cancellationToken));
    }

    private static string Title(string? title, ReservationItemRef item)
    {
        if (!string.IsNullOrWhiteSpace(title))
        {
            return title.Trim();
        }

        var text = Messages.Get("reservations.damage_ticket_title", item.Code, item.Name);
        return text.Length <= OpenDamageTicketValidator.TitleMaxLength ? text : text[..OpenDamageTicketValidator.TitleMaxLength];
    }

    private string Description(Reservation reservation, ReservationItemRef item, string? details)
    {
        var zone = options.Value.Zone;
        DateTime Local(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, zone).DateTime;
        var text = Messages.Get(
            "reservations.damage_ticket_description",
            item.Code,
            item.Name,
            item.MaterialType,
            Local(reservation.ReturnedAt!.Value),
            Local(reservation.StartsAt),
            Local(reservation.EndsAt),
            reservation.ReturnNotes,
            options.Value.TimeZone);
        return string.IsNullOrWhiteSpace(details)
            ? text
            : string.Create(CultureInfo.InvariantCulture, $"{text}\n\n{Messages.Get("reservations.damage_ticket_details")}\n{details.Trim()}");
    }
}
