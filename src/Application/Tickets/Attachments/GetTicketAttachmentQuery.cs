using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Security;

namespace MesaServicios.Application.Tickets.Attachments;

/// <summary>
/// The bytes of a file linked to a ticket, for whoever may read the ticket: another requester's ticket, and a
/// file on a private follow-up for anyone outside the desk, are "not found" (never 403). The caller disposes the
/// returned content.
/// </summary>
public sealed record GetTicketAttachmentQuery(int TicketId, Guid AttachmentId) : IQuery<AttachmentContent>;

internal sealed class GetTicketAttachmentQueryHandler(ITicketsDbContext db, ICurrentUser currentUser, IFileStore fileStore)
    : IQueryHandler<GetTicketAttachmentQuery, AttachmentContent>
{
    public async ValueTask<AttachmentContent> Handle(GetTicketAttachmentQuery query, CancellationToken cancellationToken)
    {
        var viewer = currentUser.Actor();
        var ticket = await db.LoadAggregateAsync(query.TicketId, cancellationToken);
        if (ticket is null || !ticket.IsVisibleTo(viewer))
        {
            throw Errors.NotFound("tickets.not_found", query.TicketId);
        }

        var attachment = ticket.Attachments.FirstOrDefault(a => a.Id == query.AttachmentId);
        var onHiddenFollowUp = attachment?.FollowUpId is { } followUpId
            && !viewer.IsDesk
            && ticket.FollowUps.Any(f => f.Id == followUpId && f.IsPrivate);
        if (attachment is null || onHiddenFollowUp)
        {
            throw Errors.NotFound("attachments.not_found");
        }

        return await fileStore.OpenAsync(attachment.Sha256, attachment.FileName, attachment.ContentType, attachment.Size, cancellationToken);
    }
}
