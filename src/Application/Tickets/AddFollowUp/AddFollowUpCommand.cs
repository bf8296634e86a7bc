using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Tickets.Attachments;
using MesaServicios.Application.Tickets.GetTicket;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets.AddFollowUp;

/// <summary>
/// A message on the ticket: public (requester, observers, desk) or private (desk only), with optional files
/// (checked all-or-nothing, stored, then linked to the follow-up in the command's transaction).
/// </summary>
public sealed record AddFollowUpCommand(int TicketId, string Content, bool IsPrivate, int? ExpectedVersion = null) : ICommand<TicketDetails>
{
    /// <summary>The uploaded files (multipart field <c>attachments</c>); the caller owns and disposes their streams.</summary>
    public IReadOnlyList<IncomingFile> Attachments { get; init; } = [];
}

internal sealed class AddFollowUpValidator : AbstractValidator<AddFollowUpCommand>
{
    public AddFollowUpValidator(AttachmentIntake intake)
    {
        RuleFor(c => c.Attachments).AttachmentsAcceptedBy(intake);
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
        RuleFor(c => c.Content).RequiredText("tickets.followup_required");
    }
}

internal sealed class AddFollowUpCommandHandler(ITicketsDbContext db, ICurrentUser currentUser, ISender sender, TimeProvider clock, AttachmentIntake intake)
    : ICommandHandler<AddFollowUpCommand, TicketDetails>
{
    public async ValueTask<TicketDetails> Handle(AddFollowUpCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor();
        var now = clock.GetUtcNow();
        var ticket = await db.LoadForChangeAsync(command.TicketId, actor, command.ExpectedVersion, cancellationToken);
        var followUp = ticket.AddFollowUp(actor, command.Content, command.IsPrivate, TicketSource.Portal, now);
        var files = await intake.StoreTicketFilesAsync(command.Attachments, cancellationToken);
        ticket.LinkAttachments(actor, followUp.Id, files, now);
        return await TicketDetailsBuilder.BuildAsync(ticket, actor, db, sender, cancellationToken);
    }
}
