using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Tickets.Attachments;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Domain.Tickets;
using MesaServicios.Domain.Users;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Tickets.AddFollowUpFromEmail;

/// <summary>
/// A mailed reply becomes a public follow-up by its author (<see cref="AddFollowUpFromEmailCommand"/>, sent by the
/// Inbox): requester, observer or desk; anyone else is forbidden. On a Solved ticket it is only a message, never a
/// rejection; on a Closed one it fails with <c>tickets.closed</c>. Acceptable files are linked to the (first)
/// follow-up; refused ones are reported in the result and listed in a public follow-up.
/// </summary>
internal sealed class AddFollowUpFromEmailHandler(
    ITicketsDbContext db,
    ISender sender,
    TimeProvider clock,
    AttachmentIntake intake,
    IOptions<TicketsOptions> options) : ICommandHandler<AddFollowUpFromEmailCommand, EmailTicketResult>
{
    public async ValueTask<EmailTicketResult> Handle(AddFollowUpFromEmailCommand command, CancellationToken cancellationToken)
    {
        var culture = TicketEmailIntake.Culture(options.Value);
        var author = await TicketOpening.ActiveUserAsync(sender, command.AuthorId, cancellationToken)
            ?? throw Errors.Forbidden("tickets.action_forbidden");
        var actor = new TicketActor(author.Id, author.Role >= UserRole.Technician);
        var ticket = await db.LoadForChangeAsync(command.TicketId, null, null, cancellationToken);
        var now = clock.GetUtcNow();
        var content = (command.Content ?? string.Empty).Trim();
        if (content.Length == 0)
        {
            content = Messages.Get("tickets.email_body_missing", culture);
        }

        // The requester's answer to "what is missing": the details he sends become the ticket's requester snapshot.
        if (ticket.IsIncomplete && ticket.IsRequester(actor))
        {
            ticket.UpdateRequesterDetails(actor, command.RequesterName, command.Department, command.Phone, now);
        }

        var followUps = TicketEmailIntake.Chunk(content, Ticket.TextMaxLength).Select(chunk => ticket.AddFollowUp(actor, chunk, false, TicketSource.Email, now)).ToList();
        var files = await TicketEmailIntake.StoreAcceptableAsync(intake, command.Attachments, cancellationToken);
        ticket.LinkAttachments(actor, followUps[0].Id, files.Stored, now);
        TicketEmailIntake.ListRefused(ticket, files, culture, now);
        return new EmailTicketResult(ticket.Id, files.ToContractOutcomes());
    }
}
