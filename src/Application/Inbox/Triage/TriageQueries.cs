using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Paging;
using MesaServicios.Application.Inbox.Parsing;
using MesaServicios.Domain.Inbox;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Inbox.Triage;

/// <summary>A message held for a technician, as listed.</summary>
public sealed record TriageItem(Guid Id, string From, string? FromName, string Subject, DateTimeOffset ReceivedAt, string ReasonCode, string Reason, bool SenderNotified);

public sealed record TriageAttachment(string FileName, string ContentType, int Size);

public sealed record TriageHeader(string Name, string Value);

/// <summary>A held message in full: headers, text body and the list of attachments.</summary>
public sealed record TriageMessageDetails(
    Guid Id,
    string Status,
    string From,
    string? FromName,
    string Subject,
    DateTimeOffset ReceivedAt,
    string? ReasonCode,
    string? Reason,
    IReadOnlyList<TriageHeader> Headers,
    string TextBody,
    IReadOnlyList<TriageAttachment> Attachments,
    int? TicketId);

/// <summary>Held messages, oldest first.</summary>
public sealed record ListTriageQuery(int Page = 1, int PageSize = 20) : IQuery<PagedResult<TriageItem>>;

public sealed record GetTriageMessageQuery(Guid Id) : IQuery<TriageMessageDetails>;

internal sealed class TriageQueriesHandler(IInboxDbContext db) :
    IQueryHandler<ListTriageQuery, PagedResult<TriageItem>>,
    IQueryHandler<GetTriageMessageQuery, TriageMessageDetails>
{
    public async ValueTask<PagedResult<TriageItem>> Handle(ListTriageQuery query, CancellationToken cancellationToken)
    {
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, Paging.MaxPageSize);
        var held = db.InboxMessages.AsNoTracking().Where(m => m.Status == InboxMessageStatus.Triage);
        var total = await held.CountAsync(cancellationToken);
        var rows = await held.OrderBy(m => m.ReceivedAt).ThenBy(m => m.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(m => new { m.Id, m.FromAddress, m.FromName, m.Subject, m.ReceivedAt, m.Reason, m.SenderNotified })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new TriageItem(r.Id, r.FromAddress, r.FromName, r.Subject, r.ReceivedAt, r.Reason ?? string.Empty, Messages.Get(r.Reason ?? string.Empty), r.SenderNotified)).ToList();
        return new PagedResult<TriageItem>(items, page, size, total);
    }

    public async ValueTask<TriageMessageDetails> Handle(GetTriageMessageQuery query, CancellationToken cancellationToken)
    {
        var record = await db.InboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == query.Id, cancellationToken)
            ?? throw Errors.NotFound("inbox.not_found", query.Id);
        var mail = MailParser.Parse(record.Raw);
        return new TriageMessageDetails(
            record.Id,
            record.Status.ToString(),
            record.FromAddress,
            record.FromName,
            record.Subject,
            record.ReceivedAt,
            record.Reason,
            record.Reason is null ? null : Messages.Get(record.Reason),
            mail.Headers.Select(h => new TriageHeader(h.Key, h.Value)).ToList(),
            mail.TextBody,
            mail.Attachments.Select(a => new TriageAttachment(a.FileName, a.ContentType, a.Content.Length)).ToList(),
            record.TicketId);
    }
}
