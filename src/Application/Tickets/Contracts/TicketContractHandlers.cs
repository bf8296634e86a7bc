using System.Globalization;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Tickets.Attachments;
using MesaServicios.Domain.Tickets;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Application.Tickets.DueDates;

namespace MesaServicios.Application.Tickets.Contracts;

/// <summary>What the Tickets module answers to other modules (Notifications, Inbox).</summary>
internal sealed class TicketContractHandlers(
    ITicketsDbContext db,
    ISender sender,
    TimeProvider clock,
    AttachmentIntake intake,
    ITicketNumbers numbers,
    IOptions<TicketsOptions> options,
    IServiceLevelCatalog serviceLevels) :
    IQueryHandler<GetTicketSummaryQuery, TicketSummaryContract?>,
    ICommandHandler<ApproveTicketOnBehalfCommand>,
    ICommandHandler<RejectTicketOnBehalfCommand>,
    ICommandHandler<CreateTicketFromEmailCommand, EmailTicketResult>,
    ICommandHandler<AddEmailFollowUpCommand, EmailTicketResult>
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-CO");

    public async ValueTask<TicketSummaryContract?> Handle(GetTicketSummaryQuery query, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.AsNoTracking()
            .Where(t => t.Id == query.TicketId)
            .Select(t => new { t.Id, t.Title, t.Description, t.Status, t.Type, t.Urgency, t.Priority, t.RequesterId, t.AssignedTechnicianId, t.CreatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        var observers = await db.TicketObservers.AsNoTracking()
            .Where(o => o.TicketId == query.TicketId && o.RemovedAt == null)
            .Select(o => o.UserId)
            .ToListAsync(cancellationToken);
        return new TicketSummaryContract(
            ticket.Id, ticket.Title, ticket.Description, ticket.Status.ToString(), ticket.Type.ToString(), ticket.Urgency.ToString(),
            (int)ticket.Priority, ticket.RequesterId, ticket.AssignedTechnicianId, observers, ticket.CreatedAt);
    }

    public async ValueTask<Unit> Handle(ApproveTicketOnBehalfCommand command, CancellationToken cancellationToken)
    {
        var actor = TicketActor.Requester(command.RequesterId);
        var ticket = await db.LoadForChangeAsync(command.TicketId, actor, null, cancellationToken);
        ticket.Approve(actor, command.Comment, clock.GetUtcNow());
        return Unit.Value;
    }

    public async ValueTask<Unit> Handle(RejectTicketOnBehalfCommand command, CancellationToken cancellationToken)
    {
        var actor = TicketActor.Requester(command.RequesterId);
        var ticket = await db.LoadForChangeAsync(command.TicketId, actor, null, cancellationToken);
        ticket.Reject(actor, command.Reason, clock.GetUtcNow());
        return Unit.Value;
    }

    /// <summary>
    /// A ticket from an e-mail (source Email, urgency Medium). Nothing the sender wrote is lost: a missing subject
    /// gets a default title, a too long title keeps its full text in the description, and text beyond the
    /// description's limit continues in follow-ups by the requester. Acceptable attached files are stored and
    /// linked to the ticket; refused ones are reported in the result and listed in a public follow-up.
    /// </summary>
    public async ValueTask<EmailTicketResult> Handle(CreateTicketFromEmailCommand command, CancellationToken cancellationToken)
    {
        var requester = await TicketOpening.ActiveUserAsync(sender, command.RequesterId, cancellationToken)
            ?? throw Errors.NotFound("users.not_found", command.RequesterId);
        var actor = new TicketActor(requester.Id, requester.Role >= UserRole.Technician);
        var now = clock.GetUtcNow();

        var subject = (command.Title ?? string.Empty).Trim();
        var title = subject.Length < Ticket.TitleMinLength ? Messages.Get("tickets.email_subject_missing", Spanish) : subject;
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
            body = $"{body}\n\n{Messages.Get("tickets.email_body_missing", Spanish)}".Trim();
        }

        var continuation = Messages.Get("tickets.email_continuation", Spanish) + "\n\n";
        var chunks = Chunk(body[..Math.Min(body.Length, Ticket.DescriptionMaxLength)], Ticket.DescriptionMaxLength);
        var rest = body.Length > Ticket.DescriptionMaxLength
            ? Chunk(body[Ticket.DescriptionMaxLength..], Ticket.TextMaxLength - continuation.Length)
            : [];
        var references = command.ReferencesTicketId is { } referenced && await db.Tickets.AnyAsync(t => t.Id == referenced, cancellationToken)
            ? command.ReferencesTicketId
            : null;
        var type = Enum.TryParse<TicketType>(command.Type, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : TicketType.Request;
        var ticket = Ticket.Open(
            actor,
            requester.Id,
            TicketOpening.Snapshot(requester, command.RequesterName, command.Department, command.Phone),
            title,
            chunks[0],
            type,
            Urgency.Medium,
            TicketSource.Email,
            null,
            [],
            references,
            options.Value.BuildPriorityMatrix(),
            now,
            await numbers.NextAsync(cancellationToken));
        await ticket.StartDueDatesAsync(serviceLevels, cancellationToken);
        foreach (var part in rest)
        {
            ticket.AddFollowUp(actor, continuation + part, false, TicketSource.Email, now);
        }

        // After the continuation parts: they are the same mail, not the requester's answer with what was missing.
        if (command.Incomplete)
        {
            ticket.MarkIncomplete();
        }

        var files = await StoreAcceptableAsync(command.Attachments, cancellationToken);
        ticket.LinkAttachments(actor, null, files.Stored, now);
        ListRefused(ticket, actor, files, now);
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync(cancellationToken);
        return new EmailTicketResult(ticket.Id, files.ToContractOutcomes());
    }

    /// <summary>
    /// A mailed reply becomes a public follow-up by its author (requester, observer or desk; anyone else is
    /// forbidden). On a Solved ticket it is only a message, never a rejection; on a Closed one it fails with
    /// <c>tickets.closed</c>. Acceptable files are linked to the (first) follow-up; refused ones are reported in
    /// the result and listed in a public follow-up.
    /// </summary>
    public async ValueTask<EmailTicketResult> Handle(AddEmailFollowUpCommand command, CancellationToken cancellationToken)
    {
        var author = await TicketOpening.ActiveUserAsync(sender, command.AuthorId, cancellationToken)
            ?? throw Errors.Forbidden("tickets.action_forbidden");
        var actor = new TicketActor(author.Id, author.Role >= UserRole.Technician);
        var ticket = await db.LoadForChangeAsync(command.TicketId, null, null, cancellationToken);
        var now = clock.GetUtcNow();
        var content = (command.Content ?? string.Empty).Trim();
        if (content.Length == 0)
        {
            content = Messages.Get("tickets.email_body_missing", Spanish);
        }

        var followUps = Chunk(content, Ticket.TextMaxLength).Select(chunk => ticket.AddFollowUp(actor, chunk, false, TicketSource.Email, now)).ToList();
        var files = await StoreAcceptableAsync(command.Attachments, cancellationToken);
        ticket.LinkAttachments(actor, followUps[0].Id, files.Stored, now);
        ListRefused(ticket, actor, files, now);
        return new EmailTicketResult(ticket.Id, files.ToContractOutcomes());
    }

    private async Task<AttachmentIntakeResult> StoreAcceptableAsync(IReadOnlyList<IncomingAttachment>? attachments, CancellationToken cancellationToken) =>
        attachments is null || attachments.Count == 0
            ? new AttachmentIntakeResult([])
            : await intake.StoreAcceptableAsync(attachments.Select(IncomingFile.From).ToList(), cancellationToken);

    /// <summary>Refused files are never silently dropped: a public follow-up names each one and why.</summary>
    private static void ListRefused(Ticket ticket, TicketActor actor, AttachmentIntakeResult files, DateTimeOffset now)
    {
        if (files.Refused.Count == 0)
        {
            return;
        }

        var list = string.Join(", ", files.Refused.Select(r => $"{r.FileName} ({Messages.Get("tickets.refused." + r.RefusalCode, Spanish)})"));
        var note = Messages.Get("tickets.email_attachments_refused", Spanish, list);
        foreach (var chunk in Chunk(note, Ticket.TextMaxLength))
        {
            ticket.AddFollowUp(actor, chunk, false, TicketSource.Email, now);
        }
    }

    private static List<string> Chunk(string text, int size)
    {
        var chunks = new List<string>();
        for (var start = 0; start < text.Length; start += size)
        {
            chunks.Add(text.Substring(start, Math.Min(size, text.Length - start)));
        }

        return chunks.Count == 0 ? [string.Empty] : chunks;
    }
}
