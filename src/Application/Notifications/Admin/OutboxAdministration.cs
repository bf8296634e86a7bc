using FluentValidation;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Paging;
using MesaServicios.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Notifications.Admin;

public sealed record OutboxEmailItem(
    Guid Id,
    string Kind,
    string To,
    string Subject,
    string MessageId,
    int? TicketId,
    OutboxEmailStatus Status,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? SentAt);

/// <summary>The outbox as administrators see it, newest first; e.g. the dead letters to re-queue.</summary>
public sealed record ListOutboxEmailsQuery(string? Status, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<OutboxEmailItem>>;

/// <summary>Gives a dead-lettered e-mail a fresh set of attempts, due now.</summary>
public sealed record RequeueOutboxEmailCommand(Guid EmailId) : ICommand<OutboxEmailItem>;

internal sealed class ListOutboxEmailsValidator : AbstractValidator<ListOutboxEmailsQuery>
{
    public ListOutboxEmailsValidator() =>
        RuleFor(q => q.Status)
            .Must(s => s is null || Enum.TryParse<OutboxEmailStatus>(s, ignoreCase: true, out _) && !int.TryParse(s, out _))
            .WithMessage(_ => Messages.Get("notifications.status_invalid"));
}

internal sealed class OutboxAdministrationHandlers(INotificationsDbContext db, TimeProvider clock) :
    IQueryHandler<ListOutboxEmailsQuery, PagedResult<OutboxEmailItem>>,
    ICommandHandler<RequeueOutboxEmailCommand, OutboxEmailItem>
{
    public async ValueTask<PagedResult<OutboxEmailItem>> Handle(ListOutboxEmailsQuery query, CancellationToken cancellationToken)
    {
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, Paging.MaxPageSize);
        var emails = db.OutboxEmails.AsNoTracking();
        if (query.Status is not null)
        {
            var status = Enum.Parse<OutboxEmailStatus>(query.Status, ignoreCase: true);
            emails = emails.Where(e => e.Status == status);
        }

        var total = await emails.CountAsync(cancellationToken);
        var items = await emails
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Skip((page - 1) * size).Take(size)
            .ProjectToItem()
            .ToListAsync(cancellationToken);
        return new PagedResult<OutboxEmailItem>(items, page, size, total);
    }

    public async ValueTask<OutboxEmailItem> Handle(RequeueOutboxEmailCommand command, CancellationToken cancellationToken)
    {
        var email = await db.OutboxEmails.FirstOrDefaultAsync(e => e.Id == command.EmailId, cancellationToken)
            ?? throw Errors.NotFound("notifications.outbox_not_found", command.EmailId);
        if (email.Status != OutboxEmailStatus.DeadLettered)
        {
            throw Errors.Conflict("notifications.outbox_not_dead_lettered");
        }

        email.Requeue(clock.GetUtcNow());
        return new OutboxEmailItem(email.Id, email.Kind, email.To, email.Subject, email.MessageId, email.TicketId, email.Status, email.Attempts, email.LastError, email.CreatedAt, email.NextAttemptAt, email.SentAt);
    }
}
