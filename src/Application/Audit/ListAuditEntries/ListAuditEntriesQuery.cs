using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Paging;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Audit.ListAuditEntries;

/// <summary>
/// The audit log, newest first, filtered by period, action (exact code or prefix ending in "."), actor and subject
/// (contains). <paramref name="PageSize"/> 0 means "all of it" (the CSV export), capped at <see cref="ExportLimit"/>.
/// </summary>
public sealed record ListAuditEntriesQuery(
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? Action,
    Guid? ActorId,
    string? Subject,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<AuditEntryItem>>
{
    public const int ExportLimit = 100_000;
}

/// <summary>One line of the audit log.</summary>
public sealed record AuditEntryItem(Guid Id, DateTimeOffset OccurredAt, string Action, Guid? ActorId, string? Subject, string? ClientAddress, string? Details);

internal sealed class ListAuditEntriesValidator : AbstractValidator<ListAuditEntriesQuery>
{
    public ListAuditEntriesValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(0, Paging.MaxPageSize);
        RuleFor(q => q.Action).MaximumLength(60);
        RuleFor(q => q.Subject).MaximumLength(254);
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null);
    }
}

internal sealed class ListAuditEntriesQueryHandler(IAuditDbContext db) : IQueryHandler<ListAuditEntriesQuery, PagedResult<AuditEntryItem>>
{
    public async ValueTask<PagedResult<AuditEntryItem>> Handle(ListAuditEntriesQuery query, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (query.From is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.OccurredAt <= to);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim();
            entries = action.EndsWith('.') ? entries.Where(e => e.Action.StartsWith(action)) : entries.Where(e => e.Action == action);
        }

        if (query.ActorId is { } actor)
        {
            entries = entries.Where(e => e.ActorId == actor);
        }

        if (!string.IsNullOrWhiteSpace(query.Subject))
        {
            var subject = query.Subject.Trim().ToLowerInvariant();
            entries = entries.Where(e => e.Subject != null && e.Subject.ToLower().Contains(subject));
        }

        var total = await entries.CountAsync(cancellationToken);
        var size = query.PageSize == 0 ? ListAuditEntriesQuery.ExportLimit : query.PageSize;
        var items = await entries
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip((query.Page - 1) * size)
            .Take(size)
            .Select(e => new AuditEntryItem(e.Id, e.OccurredAt, e.Action, e.ActorId, e.Subject, e.ClientAddress, e.Details))
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditEntryItem>(items, query.Page, size, total);
    }
}
