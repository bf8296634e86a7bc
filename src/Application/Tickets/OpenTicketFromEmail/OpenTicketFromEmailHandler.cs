using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Tickets.Attachments;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Domain.Tickets;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Application.Tickets.DueDates;

namespace MesaServicios.Application.Tickets.OpenTicketFromEmail;

/// <summary>
/// Opens a ticket from an e-mail (<see cref="OpenTicketFromEmailCommand"/>, sent by the Inbox through
/// <see cref="ITicketsModule"/>): source Email, urgency Medium. Nothing the sender wrote is lost: a missing subject
/// gets a default title, a too long title keeps its full text in the description, and text beyond the
/// description's limit continues in follow-ups by the requester. Acceptable attached files are stored and
/// linked to the ticket; refused ones are reported in the result and listed in a public follow-up.
/// </summary>
internal sealed class OpenTicketFromEmailHandler(
    ITicketsDbContext db,
    ISender sender,
    TimeProvider clock,
    AttachmentIntake intake,
    ITicketNumbers numbers,
    IOptions<TicketsOptions> options,
    IServiceLevelCatalog serviceLevels) : ICommandHandler<OpenTicketFromEmailCommand, EmailTicketResult>
{
    public async ValueTask<EmailTicketResult> Handle(OpenTicketFromEmailCommand command, CancellationToken cancellationToken)
    {
        var culture = TicketEmailIntake.Culture(options.Value);
        var requester = await TicketOpening.ActiveUserAsync(sender, command.RequesterId, cancellationToken)
            ?? throw Errors.NotFound("users.not_found", command.RequesterId);
        var actor = new TicketActor(requester.Id, requester.Role >= UserRole.Technician);
        var now = clock.GetUtcNow();

        var subject = (command.Title ?? string.Empty).Trim();
        var title = subject.Length < Ticket.TitleMinLength ? Messages.Get("tickets.email_subject_missing", culture) : subject;
        var body = (command.Description ?? string.Empty).Trim();
        if (subject.Length is > 0 and < Ticket.TitleMinLength)
        {
            body = $"{subject}\n\n{body}".Trim();
        }

        if (title.Length > Ticket.TitleMaxLength)
        {
            body = $"{subject}\n\n{body}".Trim();
            title = title[..(Ticket.TitleMaxLength - 1)].TrimEnd() + "…";
        }

        if (body.Length < Ticket.DescriptionMinLength)
        {
            body = $"{body}\n\n{Messages.Get("tickets.email_body_missing", culture)}".Trim();
        }

        var continuation = Messages.Get("tickets.email_continuation", culture) + "\n\n";
        var chunks = TicketEmailIntake.Chunk(body[..Math.Min(body.Length, Ticket.DescriptionMaxLength)], Ticket.DescriptionMaxLength);
        var rest = body.Length > Ticket.DescriptionMaxLength
            ? TicketEmailIntake.Chunk(body[Ticket.DescriptionMaxLength..], Ticket.TextMaxLength - continuation.Length)
            : [];
        var references = command.ReferencesTicketId is { } referenced && await db.Tickets.AnyAsync(t => t.Id == referenced, cancellationToken)
            ? command.ReferencesTicketId
            : null;
        var type = Enum.IsDefined(command.Type) ? command.Type : TicketType.Request;
        var draft = TicketDraft.FromEmail(
            actor,
            TicketOpening.Snapshot(requester, command.RequesterName, command.Department, command.Phone),
            title,
            chunks[0],
            type) with { ReferencesTicketId = references, MissingDetails = command.MissingDetails ?? [] };
        var ticket = Ticket.Open(draft, options.Value.BuildPriorityMatrix(), now, await numbers.NextAsync(cancellationToken));
        await ticket.StartDueDatesAsync(serviceLevels, cancellationToken);
        foreach (var part in rest)
        {
            ticket.AddFollowUp(actor, continuation + part, false, TicketSource.Email, now);
        }

        // After the continuation parts: they are the same mail, not the requester's answer with what was missing.
        if (command.Incomplete || draft.MissingDetails.Count > 0)
        {
            ticket.MarkIncomplete();
        }

        var files = await TicketEmailIntake.StoreAcceptableAsync(intake, command.Attachments, cancellationToken);
        ticket.LinkAttachments(actor, null, files.Stored, now);
        TicketEmailIntake.ListRefused(ticket, files, culture, now);
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync(cancellationToken);
        return new EmailTicketResult(ticket.Id, files.ToContractOutcomes());
    }
}
