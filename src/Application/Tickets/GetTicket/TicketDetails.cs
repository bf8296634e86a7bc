using Mediator;
using MesaServicios.Application.Users.Contracts;
using MesaServicios.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Tickets.GetTicket;

/// <summary>A person named on a ticket.</summary>
public sealed record PersonRef(Guid Id, string Name);

/// <summary>A category with its full path for people ("Hardware › Impresoras").</summary>
public sealed record CategoryRef(int Id, string Name, string Path);

/// <summary>
/// One item of the timeline: a follow-up, a solution, or a change (status, assignment, observers, approval…).
/// Private follow-ups appear only for the desk. A follow-up lists the files sent with it.
/// </summary>
public sealed record TimelineItem(
    Guid Id,
    int Sequence,
    string Kind,
    DateTimeOffset At,
    PersonRef? Actor,
    string? Content,
    bool IsPrivate,
    TicketStatus? FromStatus,
    TicketStatus? ToStatus,
    PersonRef? Subject,
    SolutionOutcome? Outcome,
    IReadOnlyList<AttachmentRef> Attachments);

/// <summary>A file linked to the ticket (<paramref name="FollowUpId"/> null) or to one of its follow-ups, and where to download it.</summary>
public sealed record AttachmentRef(Guid Id, string FileName, string ContentType, long SizeBytes, Guid? FollowUpId, DateTimeOffset UploadedAt, string DownloadUrl)
{
    public static AttachmentRef From(int ticketId, TicketAttachment attachment) => new(
        attachment.Id,
        attachment.FileName,
        attachment.ContentType,
        attachment.Size,
        attachment.FollowUpId,
        attachment.CreatedAt,
        $"/api/v1/tickets/{ticketId}/attachments/{attachment.Id}");
}

/// <summary>A ticket as its reader may see it, with what he may do now and its timeline (oldest first).</summary>
public sealed record TicketDetails(
    int Id,
    string Number,
    string Title,
    string Description,
    TicketType Type,
    TicketStatus Status,
    int StatusCode,
    Urgency Urgency,
    Impact Impact,
    Priority Priority,
    TicketSource Source,
    PersonRef Requester,
    string? RequesterDepartment,
    string? RequesterPhone,
    CategoryRef? Category,
    PersonRef? AssignedTechnician,
    IReadOnlyList<PersonRef> Observers,
    string? PendingReason,
    string? Solution,
    int? ReferencesTicketId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? SolvedAt,
    DateTimeOffset? ClosedAt,
    bool ClosedAutomatically,
    bool IsIncomplete,
    int Version,
    IReadOnlyList<string> AllowedActions,
    IReadOnlyList<AttachmentRef> Attachments,
    IReadOnlyList<TimelineItem> Timeline,
    DueDates.TicketServiceLevelView? ServiceLevel = null,
    TicketEquipment? Equipment = null);

/// <summary>Builds <see cref="TicketDetails"/> from a loaded aggregate for one reader (hiding what he may not see).</summary>
internal static class TicketDetailsBuilder
{
    /// <param name="knownUsers">People already loaded by the caller; the query for names is skipped when they cover everyone.</param>
    /// <param name="knownCategory">The ticket's category, when the caller already loaded it.</param>
    public static async Task<TicketDetails> BuildAsync(
        Ticket ticket,
        TicketActor viewer,
        ITicketsDbContext db,
        ISender sender,
        CancellationToken cancellationToken,
        IReadOnlyCollection<UserSnapshot>? knownUsers = null,
        CategoryRef? knownCategory = null)
    {
        var showPrivate = viewer.IsDesk;
        var followUps = ticket.FollowUps.Where(f => showPrivate || !f.IsPrivate).ToList();
        var hiddenFollowUps = ticket.FollowUps.Where(f => !showPrivate && f.IsPrivate).Select(f => f.Id).ToHashSet();
        var observers = ticket.ActiveObserverIds.ToList();

        var userIds = new HashSet<Guid> { ticket.RequesterId };
        userIds.UnionWith(observers);
        userIds.UnionWith(followUps.Select(f => f.AuthorId).OfType<Guid>());
        userIds.UnionWith(ticket.Solutions.Select(s => s.AuthorId));
        userIds.UnionWith(ticket.History.SelectMany(h => new[] { h.ActorId, h.SubjectUserId }).OfType<Guid>());
        if (ticket.AssignedTechnicianId is { } assignee)
        {
            userIds.Add(assignee);
        }

        var known = knownUsers?.DistinctBy(u => u.Id).ToDictionary(u => u.Id, u => u.FullName);
        var users = known is not null && userIds.All(known.ContainsKey)
            ? known
            : (await sender.Send(new GetUserSnapshotsQuery(userIds), cancellationToken)).ToDictionary(u => u.Id, u => u.FullName);
        PersonRef Person(Guid id) => new(id, users.GetValueOrDefault(id) ?? string.Empty);
        PersonRef? MaybePerson(Guid? id) => id is { } value ? Person(value) : null;

        var category = ticket.CategoryId is not { } categoryId ? null
            : knownCategory?.Id == categoryId ? knownCategory
            : await CategoryAsync(db, categoryId, activeOnly: false, cancellationToken);

        var attachments = ticket.Attachments
            .Where(a => a.FollowUpId is null || !hiddenFollowUps.Contains(a.FollowUpId.Value))
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.FileName, StringComparer.Ordinal)
            .Select(a => AttachmentRef.From(ticket.Id, a))
            .ToList();
        var byFollowUp = attachments.Where(a => a.FollowUpId is not null).ToLookup(a => a.FollowUpId!.Value);

        var timeline = new List<TimelineItem>();
        timeline.AddRange(followUps.Select(f => new TimelineItem(
            f.Id, f.Sequence, "FollowUp", f.CreatedAt, MaybePerson(f.AuthorId), f.Content, f.IsPrivate, null, null, null, null, byFollowUp[f.Id].ToList())));
        timeline.AddRange(ticket.Solutions.Select(s => new TimelineItem(s.Id, s.Sequence, "Solution", s.CreatedAt, Person(s.AuthorId), s.Content, false, null, null, null, s.Outcome, [])));
        timeline.AddRange(ticket.History.Select(h => new TimelineItem(
            h.Id, h.Sequence, h.Kind.ToString(), h.OccurredAt, MaybePerson(h.ActorId), h.Text, false, h.FromStatus, h.ToStatus, MaybePerson(h.SubjectUserId), null, [])));

        return new TicketDetails(
            ticket.Id,
            $"#{ticket.Id}",
            ticket.Title,
            ticket.Description,
            ticket.Type,
            ticket.Status,
            (int)ticket.Status,
            ticket.Urgency,
            ticket.Impact,
            ticket.Priority,
            ticket.Source,
            Person(ticket.RequesterId) with { Name = ticket.RequesterName },
            ticket.RequesterDepartment,
            ticket.RequesterPhone,
            category,
            MaybePerson(ticket.AssignedTechnicianId),
            observers.Select(Person).ToList(),
            ticket.PendingReason,
            ticket.Solution,
            ticket.ReferencesTicketId,
            ticket.CreatedAt,
            ticket.UpdatedAt,
            ticket.FirstResponseAt,
            ticket.SolvedAt,
            ticket.ClosedAt,
            ticket.ClosedAutomatically,
            ticket.IsIncomplete,
            ticket.Version,
            ticket.AllowedActions(viewer).Select(a => a.ToString()).ToList(),
            attachments,
            timeline.OrderBy(t => t.Sequence).ToList(),
            DueDates.TicketServiceLevelView.From(ticket, ticket.UpdatedAt),
            ticket.Equipment);
    }

    public static async Task<CategoryRef?> CategoryAsync(ITicketsDbContext db, int categoryId, bool activeOnly, CancellationToken cancellationToken)
    {
        var all = await db.TicketCategories.AsNoTracking().Select(c => new { c.Id, c.Name, c.ParentId, c.IsActive }).ToListAsync(cancellationToken);
        var byId = all.ToDictionary(c => c.Id);
        if (!byId.TryGetValue(categoryId, out var category) || (activeOnly && !category.IsActive))
        {
            return null;
        }

        var path = new List<string>();
        var current = category;
        var guard = 0;
        while (current is not null && guard++ < 20)
        {
            path.Insert(0, current.Name);
            current = current.ParentId is { } parent ? byId.GetValueOrDefault(parent) : null;
        }

        return new CategoryRef(category.Id, category.Name, string.Join(" › ", path));
    }
}
