using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Paging;
using MesaServicios.Domain.Common;
using MesaServicios.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Tickets.SearchTickets;

/// <summary>
/// The desk's search: every filter optional and combined with AND; <see cref="Sort"/> is a field name, "-" first
/// for descending (default "-createdAt"); paged with the total.
/// </summary>
public sealed record SearchTicketsQuery(
    IReadOnlyList<TicketStatus>? Status = null,
    TicketType? Type = null,
    Urgency? Urgency = null,
    Priority? Priority = null,
    int? CategoryId = null,
    Guid? AssignedTechnicianId = null,
    bool? Unassigned = null,
    Guid? RequesterId = null,
    string? Department = null,
    Guid? ObserverId = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    string? Text = null,
    string? Sort = null,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize,
    bool? Overdue = null,
    int? DueWithinHours = null,
    int? MaterialTypeId = null) : IQuery<PagedResult<TicketListItem>>;

internal sealed class SearchTicketsValidator : AbstractValidator<SearchTicketsQuery>
{
    public SearchTicketsValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
        RuleFor(q => q.Sort).Must(s => s is null || SearchTicketsQueryHandler.SortFields.Contains(s.TrimStart('-')))
            .WithMessage(_ => Messages.Get("tickets.sort_invalid", string.Join(", ", SearchTicketsQueryHandler.SortFields)));
        RuleFor(q => q.CreatedTo).Must((q, to) => q.CreatedFrom is null || to is null || q.CreatedFrom <= to)
            .WithMessage(_ => Messages.Get("tickets.date_range_invalid"));
        RuleFor(q => q.Text).MaximumLength(200);
        RuleFor(q => q.Department).MaximumLength(150);
        RuleFor(q => q.DueWithinHours).InclusiveBetween(1, 24 * 366).WithMessage(_ => Messages.Get("common.invalid_value"));
    }
}

internal sealed class SearchTicketsQueryHandler(ITicketsDbContext db, ITicketSearchIndex index, TimeProvider clock) : IQueryHandler<SearchTicketsQuery, PagedResult<TicketListItem>>
{
    public static readonly string[] SortFields = ["id", "createdAt", "updatedAt", "priority", "urgency", "status", "title", "dueAt"];

    /// <summary>A category and all its descendants (the tree is small: read whole).</summary>
    private async Task<List<int>> CategoryBranchAsync(int categoryId, CancellationToken cancellationToken)
    {
        var children = (await db.TicketCategories.AsNoTracking().Select(c => new { c.Id, c.ParentId }).ToListAsync(cancellationToken))
            .Where(c => c.ParentId is not null)
            .ToLookup(c => c.ParentId!.Value, c => c.Id);
        var branch = new List<int> { categoryId };
        for (var i = 0; i < branch.Count && branch.Count <= 10_000; i++)
        {
            branch.AddRange(children[branch[i]].Where(child => !branch.Contains(child)));
        }

        return branch;
    }

    public async ValueTask<PagedResult<TicketListItem>> Handle(SearchTicketsQuery query, CancellationToken cancellationToken)
    {
        var all = db.Tickets.AsNoTracking();
        var tickets = all;
        if (query.Status is { Count: > 0 } statuses)
        {
            tickets = tickets.Where(t => statuses.Contains(t.Status));
        }

        if (query.MaterialTypeId is { } materialType)
        {
            tickets = tickets.Where(t => t.Equipment != null && t.Equipment.MaterialTypeId == materialType);
        }

        if (query.Type is { } type)
        {
            tickets = tickets.Where(t => t.Type == type);
        }

        if (query.Urgency is { } urgency)
        {
            tickets = tickets.Where(t => t.Urgency == urgency);
        }

        if (query.Priority is { } priority)
        {
            tickets = tickets.Where(t => t.Priority == priority);
        }

        if (query.CategoryId is { } categoryId)
        {
            var branch = await CategoryBranchAsync(categoryId, cancellationToken);
            tickets = tickets.Where(t => t.CategoryId != null && branch.Contains(t.CategoryId.Value));
        }

        if (query.AssignedTechnicianId is { } technicianId)
        {
            tickets = tickets.Where(t => t.AssignedTechnicianId == technicianId);
        }

        if (query.Unassigned is true)
        {
            tickets = tickets.Where(t => t.AssignedTechnicianId == null);
        }

        if (query.RequesterId is { } requesterId)
        {
            tickets = tickets.Where(t => t.RequesterId == requesterId);
        }

        if (!string.IsNullOrWhiteSpace(query.Department))
        {
            // Any part of the name, any case, any accent: the few distinct departments are matched here, then the
            // tickets are read by an indexed IN.
            var department = TextFolding.Fold(query.Department.Trim());
            var departments = (await index.DepartmentsAsync(cancellationToken))
                .Where(d => TextFolding.Fold(d).Contains(department, StringComparison.Ordinal))
                .ToList();
            tickets = tickets.Where(t => t.RequesterDepartment != null && departments.Contains(t.RequesterDepartment));
        }

        if (query.ObserverId is { } observerId)
        {
            var observed = db.TicketObservers.Where(o => o.UserId == observerId && o.RemovedAt == null).Select(o => o.TicketId);
            tickets = tickets.Where(t => observed.Contains(t.Id));
        }

        if (query.CreatedFrom is { } from)
        {
            tickets = tickets.Where(t => t.CreatedAt >= from);
        }

        if (query.CreatedTo is { } to)
        {
            tickets = tickets.Where(t => t.CreatedAt <= to);
        }

        var now = clock.GetUtcNow();
        tickets = DueDates.TicketDueFilters.Apply(tickets, query.Overdue, query.DueWithinHours, now);
        var onlyText = ReferenceEquals(tickets, all);
        int? total = null;
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            // Any case, any accents, every word (each one as a word or the start of one), from the full-text index.
            var words = TicketSearchWords.Parse(query.Text);
            var matches = words.IsEmpty ? 0 : await index.CountAsync(words, cancellationToken);
            if (matches == 0)
            {
                return new PagedResult<TicketListItem>([], query.Page, query.PageSize, 0);
            }

            // "Id + 0": the matches are a set the other filters and the sort's index probe, never the driver (driving by
            // id, SQLite would read every matching ticket's row, a fifth of the table for "impresora", to sort them).
            var matching = index.Matching(words);
            var filtered = tickets.Where(t => matching.Contains(t.Id + 0));
            if (onlyText)
            {
                // No other filter: the index counted its matches without reading a ticket.
                total = matches;
            }
            else if (matches > FewMatches && await tickets.Select(t => t.Id).Take(matches).CountAsync(cancellationToken) < matches)
            {
                // The other filters select fewer tickets than the text: those are the set, and the index's matches,
                // read in its order, probe it (the cheaper side is the one held in memory).
                var selected = tickets.Select(t => t.Id);
                total = await matching.Where(id => selected.Contains(id + 0)).CountAsync(cancellationToken);
            }
            else
            {
                total = await filtered.CountAsync(cancellationToken);
            }

            var window = matches > FewMatches ? await ByNumberWindowAsync(tickets, words, query, now, cancellationToken) : null;
            var page = window ?? await Sort(filtered, query.Sort)
                .Skip(TicketPaging.Skip(query.Page, query.PageSize)).Take(query.PageSize)
                .Select(TicketListItem.ProjectionAt(now))
                .ToListAsync(cancellationToken);
            return new PagedResult<TicketListItem>(page, query.Page, query.PageSize, total.Value);
        }

        total ??= await tickets.CountAsync(cancellationToken);
        var items = await Sort(tickets, query.Sort)
            .Skip(TicketPaging.Skip(query.Page, query.PageSize)).Take(query.PageSize)
            .Select(TicketListItem.ProjectionAt(now))
            .ToListAsync(cancellationToken);
        return new PagedResult<TicketListItem>(items, query.Page, query.PageSize, total.Value);
    }

    /// <summary>Up to this many matches, the set of them is small: built and probed as it is.</summary>
    internal const int FewMatches = 5_000;

    /// <summary>The deepest page (page × size) the window below serves; deeper pages probe the set of matches.</summary>
    internal const int MaxWindowDepth = 200;

    /// <summary>How many tickets opened after the page's last one the proof below reads at most.</summary>
    internal const int MaxProof = 10_000;

    /// <summary>
    /// The page of a common word sorted by creation or number, without the set of all its matches: the index gives its
    /// first matches by number (newest first for a descending sort), a window of ten pages' worth (at least 500); the
    /// page is the first of those that pass the other filters, in the asked order. Exact by number. By creation, numbers
    /// follow the creation order on every desk but are not assumed to: the page stands only when no ticket opened after
    /// the page's last one (before it, ascending) has a number outside the window, checked on the creation index;
    /// otherwise, or when the window holds too few tickets passing the filters, null (the caller probes the set).
    /// </summary>
    private async Task<List<TicketListItem>?> ByNumberWindowAsync(
        IQueryable<Ticket> tickets, TicketSearchWords words, SearchTicketsQuery query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var field = query.Sort?.TrimStart('-') ?? "createdAt";
        var descending = query.Sort is null || query.Sort.StartsWith('-');
        var skip = TicketPaging.Skip(query.Page, query.PageSize);
        var depth = skip + query.PageSize;
        if (field is not ("createdAt" or "id") || depth > MaxWindowDepth)
        {
            return null;
        }

        var size = Math.Max(depth * 10, 500);
        var window = await index.FirstByNumberAsync(words, size, descending, cancellationToken);
        if (window.Count == 0)
        {
            return [];
        }

        // The window is every match numbered from its lowest to its highest: a range of the index, read as a set that
        // drives the ticket rows (at most `size`), sorted here (no sort in SQL: one would make SQLite walk the
        // creation index instead, across the whole table when few tickets pass the filters).
        var complete = window.Count < size; // every match is in the window
        var (low, high) = (window.Min(), window.Max());
        var inWindow = index.Matching(words).Where(id => id >= low && id <= high);
        var rows = await tickets.Where(t => inWindow.Contains(t.Id)).Select(t => new { t.Id, t.CreatedAt }).ToListAsync(cancellationToken);
        var ordered = (field, descending) switch
        {
            ("id", false) => rows.OrderBy(r => r.Id),
            ("id", true) => rows.OrderByDescending(r => r.Id),
            (_, false) => rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id),
            _ => rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id),
        };
        var candidates = ordered.Take(depth).ToList();
        if (!complete && candidates.Count < depth)
        {
            return null;
        }

        if (!complete && field == "createdAt" && candidates.Count > 0)
        {
            var last = candidates[^1].CreatedAt;
            var beyond = descending
                ? await db.Tickets.Where(t => t.CreatedAt > last).OrderBy(t => t.CreatedAt).Select(t => t.Id).Take(MaxProof).ToListAsync(cancellationToken)
                : await db.Tickets.Where(t => t.CreatedAt < last).OrderByDescending(t => t.CreatedAt).Select(t => t.Id).Take(MaxProof).ToListAsync(cancellationToken);
            if (beyond.Count >= MaxProof || beyond.Exists(id => descending ? id < low : id > high))
            {
                return null;
            }
        }

        var pageIds = candidates.Skip(skip).Select(c => c.Id).ToList();
        return await Sort(db.Tickets.AsNoTracking().Where(t => pageIds.Contains(t.Id)), query.Sort)
            .Select(TicketListItem.ProjectionAt(now))
            .ToListAsync(cancellationToken);
    }

    private static IOrderedQueryable<Ticket> Sort(IQueryable<Ticket> tickets, string? sort)
    {
        var descending = sort is null || sort.StartsWith('-');
        var field = sort?.TrimStart('-') ?? "createdAt";
        IOrderedQueryable<Ticket> ordered = (field, descending) switch
        {
            ("id", false) => tickets.OrderBy(t => t.Id),
            ("id", true) => tickets.OrderByDescending(t => t.Id),
            ("updatedAt", false) => tickets.OrderBy(t => t.UpdatedAt),
            ("updatedAt", true) => tickets.OrderByDescending(t => t.UpdatedAt),
            ("priority", false) => tickets.OrderBy(t => t.Priority),
            ("priority", true) => tickets.OrderByDescending(t => t.Priority),
            ("urgency", false) => tickets.OrderBy(t => t.Urgency),
            ("urgency", true) => tickets.OrderByDescending(t => t.Urgency),
            ("status", false) => tickets.OrderBy(t => t.Status),
            ("status", true) => tickets.OrderByDescending(t => t.Status),
            ("title", false) => tickets.OrderBy(t => t.Title),
            ("title", true) => tickets.OrderByDescending(t => t.Title),
            ("dueAt", false) => DueDates.TicketDueFilters.ByDueDate(tickets, descending: false),
            ("dueAt", true) => DueDates.TicketDueFilters.ByDueDate(tickets, descending: true),
            (_, false) => tickets.OrderBy(t => t.CreatedAt),
            _ => tickets.OrderByDescending(t => t.CreatedAt),
        };
        return descending ? ordered.ThenByDescending(t => t.Id) : ordered.ThenBy(t => t.Id);
    }
}
