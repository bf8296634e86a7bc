using System.Globalization;
using MesaServicios.Domain.Common;
using MesaServicios.Domain.Tickets.Events;

namespace MesaServicios.Domain.Tickets;

/// <summary>
/// An incident or request, numbered for people (<c>#N</c> = <see cref="Id"/>). The aggregate knows its lifecycle
/// (New → InProgress ↔ Pending → Solved → Closed, Solved → InProgress on rejection), who may do what, and records
/// every change in its history. Every change increments <see cref="Version"/>, the concurrency token.
/// Nothing is ever deleted.
/// </summary>
public sealed partial class Ticket : Entity
{
    public const int TitleMinLength = 5;
    public const int TitleMaxLength = 150;
    public const int DescriptionMinLength = 10;
    public const int DescriptionMaxLength = 10_000;
    public const int TextMaxLength = 10_000;

    private readonly List<TicketFollowUp> _followUps = [];
    private readonly List<TicketSolution> _solutions = [];
    private readonly List<TicketHistoryEntry> _history = [];
    private readonly List<TicketObserver> _observers = [];
    private readonly List<TicketAttachment> _attachments = [];

    private Ticket()
    {
        Title = string.Empty;
        Description = string.Empty;
        SearchText = string.Empty;
        RequesterName = string.Empty;
    }

    public int Id { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public TicketType Type { get; private set; }

    public TicketStatus Status { get; private set; }

    public Urgency Urgency { get; private set; }

    public Impact Impact { get; private set; }

    public Priority Priority { get; private set; }

    public TicketSource Source { get; private set; }

    public Guid RequesterId { get; private set; }

    public string RequesterName { get; private set; }

    public string? RequesterDepartment { get; private set; }

    public string? RequesterPhone { get; private set; }

    public RequesterSnapshot Requester => new(RequesterName, RequesterDepartment, RequesterPhone);

    /// <summary>Who opened it: the requester, or the desk member who took a call (null when it came by e-mail).</summary>
    public Guid? OpenedById { get; private set; }

    public int? CategoryId { get; private set; }

    public Guid? AssignedTechnicianId { get; private set; }

    public string? PendingReason { get; private set; }

    /// <summary>The solution currently proposed or accepted; cleared when the requester rejects it.</summary>
    public string? Solution { get; private set; }

    /// <summary>First assignment or first public answer by the desk (the time-to-own clock stops here).</summary>
    public DateTimeOffset? FirstResponseAt { get; private set; }

    public DateTimeOffset? SolvedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public bool ClosedAutomatically { get; private set; }

    /// <summary>Title and description folded for search (lower case, no accents): "impresion" finds "IMPRESIÓN".</summary>
    public string SearchText { get; private set; }

    /// <summary>
    /// Opened from an e-mail that lacked some of the requested fields (the sender was asked for them); cleared when
    /// the requester answers with a public follow-up (by mail or in the portal).
    /// </summary>
    public bool IsIncomplete { get; private set; }

    /// <summary>An earlier (closed) ticket this one follows up on.</summary>
    public int? ReferencesTicketId { get; private set; }

    /// <summary>The equipment the ticket is about (an item the requester held when he opened it), or null.</summary>
    public TicketEquipment? Equipment { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token: starts at 1, +1 on every change; sent to clients as the ETag.</summary>
    public int Version { get; private set; }

    /// <summary>The last timeline position handed out (follow-ups, solutions and history share one sequence).</summary>
    public int TimelineSequence { get; private set; }

    public IReadOnlyList<TicketFollowUp> FollowUps => _followUps;

    public IReadOnlyList<TicketSolution> Solutions => _solutions;

    public IReadOnlyList<TicketHistoryEntry> History => _history;

    public IReadOnlyList<TicketObserver> Observers => _observers;

    public IReadOnlyList<TicketAttachment> Attachments => _attachments;

    public IEnumerable<Guid> ActiveObserverIds => _observers.Where(o => o.IsActive).Select(o => o.UserId);

    /// <summary>Opens a ticket from its <paramref name="draft"/> (one factory per way of opening it), numbered <paramref name="number"/>.</summary>
    public static Ticket Open(TicketDraft draft, PriorityMatrix matrix, DateTimeOffset now, int number = 0)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(matrix);
        var openedBy = draft.OpenedBy;
        var ticket = new Ticket
        {
            Id = number,
            Title = CheckLength(draft.Title, TitleMinLength, TitleMaxLength, "tickets.title_length"),
            Description = CheckLength(draft.Description, DescriptionMinLength, DescriptionMaxLength, "tickets.description_length"),
            Type = Defined(draft.Type),
            Status = TicketStatus.New,
            Urgency = Defined(draft.Urgency),
            Impact = Impact.Medium,
            Source = Defined(draft.Source),
            RequesterId = draft.RequesterId,
            RequesterName = Guard.NotBlank(draft.Requester.Name, "tickets.requester_name_required"),
            RequesterDepartment = Clean(draft.Requester.Department),
            RequesterPhone = Clean(draft.Requester.Phone),
            OpenedById = openedBy.UserId,
            CategoryId = draft.CategoryId,
            ReferencesTicketId = draft.ReferencesTicketId,
            Equipment = draft.Equipment,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        ticket.SearchText = TextFolding.Fold($"{ticket.Title}\n{ticket.Description}");
        ticket.Priority = matrix.PriorityOf(ticket.Urgency, ticket.Impact);
        ticket.Record(TicketHistoryKind.Created, openedBy.UserId, null, TicketStatus.New, null, null, now);
        var added = draft.ObserverIds.Distinct().Where(id => id != draft.RequesterId).ToList();
        foreach (var observerId in added)
        {
            ticket._observers.Add(new TicketObserver(Guid.CreateVersion7(now), observerId, openedBy.UserId, now));
        }

        // One snapshot for the opening: the ticket as it stands once opened, with the observers named on it.
        var opened = ticket.Snapshot();
        ticket.Raise(new TicketCreated(opened, openedBy.UserId, now) { MissingDetails = draft.MissingDetails });
        foreach (var observerId in added)
        {
            ticket.Raise(new TicketObserverAdded(opened, openedBy.UserId, observerId, now));
        }

        return ticket;
    }

    /// <summary>The ticket's values now, for an event (a value: later changes do not alter it).</summary>
    private TicketSnapshot Snapshot() =>
        new(Id, Title, Description, Status, Type, Urgency, Source, RequesterId, AssignedTechnicianId, ActiveObserverIds.ToArray());

    /// <summary>Marks a ticket opened from an e-mail as missing some of the fields the desk asks for.</summary>
    public void MarkIncomplete() => IsIncomplete = true;

    // ---- who may do what, and when ----------------------------------------------------------------------

    public bool IsRequester(TicketActor? actor) => actor is not null && actor.UserId == RequesterId;

    public bool IsObserver(Guid userId) => _observers.Any(o => o.IsActive && o.UserId == userId);

    /// <summary>May this user see the ticket at all? The desk sees all; others only what they requested or observe.</summary>
    public bool IsVisibleTo(TicketActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsDesk || actor.UserId == RequesterId || IsObserver(actor.UserId);
    }

    /// <summary>The actions this actor may take now (what a client should offer).</summary>
    public IReadOnlyList<TicketAction> AllowedActions(TicketActor? actor) =>
        Enum.GetValues<TicketAction>().Where(a => MayAttempt(a, actor) && IsLegalNow(a)).ToArray();

    private bool MayAttempt(TicketAction action, TicketActor? actor) => action switch
    {
        TicketAction.AddPublicFollowUp => actor is not null && (actor.IsDesk || IsRequester(actor) || IsObserver(actor.UserId)),
        TicketAction.Approve or TicketAction.Reject => IsRequester(actor),
        TicketAction.AddObserver or TicketAction.RemoveObserver => actor is not null && (actor.IsDesk || IsRequester(actor)),
        TicketAction.CloseAutomatically => actor is null,
        _ => actor is { IsDesk: true },
    };

    private bool IsLegalNow(TicketAction action)
    {
        var open = Status is TicketStatus.New or TicketStatus.InProgress or TicketStatus.Pending;
        return action switch
        {
            TicketAction.Assign => open && AssignedTechnicianId is null,
            TicketAction.Reassign or TicketAction.Unassign => open && AssignedTechnicianId is not null,
            TicketAction.AddPublicFollowUp or TicketAction.AddPrivateFollowUp => Status != TicketStatus.Closed,
            TicketAction.AddObserver or TicketAction.RemoveObserver => Status != TicketStatus.Closed,
            TicketAction.PutPending => Status == TicketStatus.InProgress,
            TicketAction.Solve => Status is TicketStatus.InProgress or TicketStatus.Pending,
            TicketAction.Approve or TicketAction.Reject or TicketAction.CloseAutomatically => Status == TicketStatus.Solved,
            TicketAction.SetImpact or TicketAction.SetCategory or TicketAction.SetUrgency => open,
            _ => false,
        };
    }

    /// <summary>Throws 403 when the actor may never do this to this ticket, 409 when the current status forbids it.</summary>
    public void EnsureCan(TicketAction action, TicketActor? actor)
    {
        if (!MayAttempt(action, actor))
        {
            var code = action switch
            {
                TicketAction.Approve or TicketAction.Reject => "tickets.only_requester_decides",
                TicketAction.AddPrivateFollowUp => "tickets.private_followup_desk_only",
                _ => "tickets.action_forbidden",
            };
            throw new DomainException(code, DomainErrorKind.Forbidden);
        }

        if (!IsLegalNow(action))
        {
            throw new DomainException(Status == TicketStatus.Closed ? "tickets.closed" : "tickets.invalid_transition", DomainErrorKind.Conflict)
                .WithDetail("currentStatus", Status.ToString())
                .WithDetail("action", action.ToString())
                .WithDetail("allowedActions", AllowedActions(actor).Select(a => a.ToString()).ToArray());
        }
    }

    // ---- transitions ----------------------------------------------------------------------------------

    public void Assign(TicketActor actor, Guid technicianId, DateTimeOffset now)
    {
        EnsureCan(TicketAction.Assign, actor);
        AssignedTechnicianId = technicianId;
        FirstResponseAt ??= now;
        Record(TicketHistoryKind.Assigned, actor.UserId, null, null, technicianId, null, now);
        ChangeStatus(TicketStatus.InProgress, actor.UserId, now);
        Touch(now);
        Raise(new TicketAssigned(Snapshot(), actor.UserId, null, technicianId, now));
    }

    public void Reassign(TicketActor actor, Guid technicianId, DateTimeOffset now)
    {
        EnsureCan(TicketAction.Reassign, actor);
        var previous = AssignedTechnicianId!.Value;
        if (previous == technicianId)
        {
            throw new DomainException("tickets.already_assigned", DomainErrorKind.Conflict);
        }

        AssignedTechnicianId = technicianId;
        Record(TicketHistoryKind.Assigned, actor.UserId, null, null, technicianId, null, now);
        ChangeStatus(TicketStatus.InProgress, actor.UserId, now, onlyFrom: TicketStatus.New);
        Touch(now);
        Raise(new TicketAssigned(Snapshot(), actor.UserId, previous, technicianId, now));
    }

    public void Unassign(TicketActor actor, DateTimeOffset now)
    {
        EnsureCan(TicketAction.Unassign, actor);
        var previous = AssignedTechnicianId!.Value;
        AssignedTechnicianId = null;
        Record(TicketHistoryKind.Unassigned, actor.UserId, null, null, previous, null, now);
        Touch(now);
        Raise(new TicketUnassigned(Snapshot(), actor.UserId, previous, now));
    }

    /// <summary>
    /// A message on the timeline. A public answer by the desk counts as the first response and starts work on a
    /// New ticket; a requester's message on a Pending ticket brings it back to In progress. On a Solved ticket it
    /// is just a message (never a rejection).
    /// </summary>
    public TicketFollowUp AddFollowUp(TicketActor actor, string content, bool isPrivate, TicketSource source, DateTimeOffset now)
    {
        EnsureCan(isPrivate ? TicketAction.AddPrivateFollowUp : TicketAction.AddPublicFollowUp, actor);
        var text = CheckLength(content, 1, TextMaxLength, "tickets.followup_required");
        var followUp = new TicketFollowUp(Guid.CreateVersion7(now), NextSequence(), actor.UserId, actor.IsDesk, text, isPrivate, source, now);
        _followUps.Add(followUp);
        if (!isPrivate && actor.IsDesk)
        {
            FirstResponseAt ??= now;
            ChangeStatus(TicketStatus.InProgress, actor.UserId, now, onlyFrom: TicketStatus.New);
        }

        if (!isPrivate && IsRequester(actor))
        {
            IsIncomplete = false;
            ChangeStatus(TicketStatus.InProgress, actor.UserId, now, onlyFrom: TicketStatus.Pending);
            if (Status == TicketStatus.InProgress)
            {
                PendingReason = null;
            }
        }

        Touch(now);
        Raise(new TicketFollowUpAdded(Snapshot(), actor.UserId, followUp.Id, followUp.IsPrivate, followUp.Content, now));
        return followUp;
    }

    /// <summary>
    /// A public note written by the system about something that happened to a message (e.g. attachments that
    /// were not accepted). It has no author, never counts as anyone's answer (an incomplete ticket stays
    /// incomplete) and changes no status.
    /// </summary>
    public TicketFollowUp AddSystemNote(string content, TicketSource source, DateTimeOffset now)
    {
        var text = CheckLength(content, 1, TextMaxLength, "tickets.followup_required");
        var note = new TicketFollowUp(Guid.CreateVersion7(now), NextSequence(), null, false, text, false, Defined(source), now);
        _followUps.Add(note);
        Touch(now);
        Raise(new TicketFollowUpAdded(Snapshot(), null, note.Id, false, note.Content, now));
        return note;
    }

    /// <summary>
    /// The requester sends the details the desk asked for (name, department, phone): the ticket's requester
    /// snapshot takes each one given; the others stay as they were. Only the requester may do it.
    /// </summary>
    public void UpdateRequesterDetails(TicketActor actor, string? name, string? department, string? phone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!IsRequester(actor))
        {
            throw new DomainException("tickets.action_forbidden", DomainErrorKind.Forbidden);
        }

        var changed = false;
        if (Clip(name, 150) is { } newName && newName != RequesterName)
        {
            RequesterName = newName;
            changed = true;
        }

        if (Clip(department, 150) is { } newDepartment && newDepartment != RequesterDepartment)
        {
            RequesterDepartment = newDepartment;
            changed = true;
        }

        if (Clip(phone, 40) is { } newPhone && newPhone != RequesterPhone)
        {
            RequesterPhone = newPhone;
            changed = true;
        }

        if (changed)
        {
            Touch(now);
        }
    }

    public void PutPending(TicketActor actor, string reason, DateTimeOffset now)
    {
        EnsureCan(TicketAction.PutPending, actor);
        PendingReason = CheckLength(reason, 1, TextMaxLength, "tickets.pending_reason_required");
        Record(TicketHistoryKind.PutPending, actor.UserId, Status, TicketStatus.Pending, null, PendingReason, now);
        Status = TicketStatus.Pending;
        Touch(now);
        Raise(new TicketPutPending(Snapshot(), actor.UserId, PendingReason, now));
    }

    public void Solve(TicketActor actor, string solution, DateTimeOffset now)
    {
        EnsureCan(TicketAction.Solve, actor);
        var text = CheckLength(solution, 1, TextMaxLength, "tickets.solution_required");
        _solutions.Add(new TicketSolution(Guid.CreateVersion7(now), NextSequence(), actor.UserId, text, now));
        Solution = text;
        PendingReason = null;
        SolvedAt = now;
        FirstResponseAt ??= now;
        ChangeStatus(TicketStatus.Solved, actor.UserId, now);
        Touch(now);
        Raise(new TicketSolved(Snapshot(), actor.UserId, text, now));
    }

    /// <summary>The requester accepts the solution: the ticket closes.</summary>
    public void Approve(TicketActor actor, string? comment, DateTimeOffset now)
    {
        EnsureCan(TicketAction.Approve, actor);
        var text = Clean(comment);
        if (text is { Length: > TextMaxLength })
        {
            throw new DomainException("tickets.comment_too_long");
        }

        CurrentSolution()?.Decide(SolutionOutcome.Approved, actor.UserId, text, now);
        Record(TicketHistoryKind.Approved, actor.UserId, Status, TicketStatus.Closed, null, text, now);
        Status = TicketStatus.Closed;
        ClosedAt = now;
        ClosedAutomatically = false;
        Touch(now);
        Raise(new TicketApproved(Snapshot(), actor.UserId, text, now));
        Raise(new TicketClosed(Snapshot(), actor.UserId, false, now));
    }

    /// <summary>The requester refuses the solution (a reason is required): back to In progress, the technician is told.</summary>
    public void Reject(TicketActor actor, string reason, DateTimeOffset now)
    {
        EnsureCan(TicketAction.Reject, actor);
        var text = CheckLength(reason, 1, TextMaxLength, "tickets.reject_reason_required");
        CurrentSolution()?.Decide(SolutionOutcome.Rejected, actor.UserId, text, now);
        Record(TicketHistoryKind.Rejected, actor.UserId, Status, TicketStatus.InProgress, null, text, now);
        Status = TicketStatus.InProgress;
        Solution = null;
        SolvedAt = null;
        ResolveBusinessMinutes = null;
        Touch(now);
        Raise(new TicketRejected(Snapshot(), actor.UserId, text, now));
    }

    public void AddObserver(TicketActor actor, Guid userId, DateTimeOffset now)
    {
        EnsureCan(TicketAction.AddObserver, actor);
        if (userId == RequesterId)
        {
            throw new DomainException("tickets.observer_is_requester");
        }

        if (IsObserver(userId))
        {
            throw new DomainException("tickets.already_observer", DomainErrorKind.Conflict);
        }

        _observers.Add(new TicketObserver(Guid.CreateVersion7(now), userId, actor.UserId, now));
        Record(TicketHistoryKind.ObserverAdded, actor.UserId, null, null, userId, null, now);
        Touch(now);
        Raise(new TicketObserverAdded(Snapshot(), actor.UserId, userId, now));
    }

    public void RemoveObserver(TicketActor actor, Guid userId, DateTimeOffset now)
    {
        EnsureCan(TicketAction.RemoveObserver, actor);
        var observer = _observers.FirstOrDefault(o => o.IsActive && o.UserId == userId)
            ?? throw new DomainException("tickets.observer_not_found", DomainErrorKind.NotFound);
        observer.Remove(now);
        Record(TicketHistoryKind.ObserverRemoved, actor.UserId, null, null, userId, null, now);
        Touch(now);
        Raise(new TicketObserverRemoved(Snapshot(), actor.UserId, userId, now));
    }

    public void SetImpact(TicketActor actor, Impact impact, PriorityMatrix matrix, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        EnsureCan(TicketAction.SetImpact, actor);
        Impact = Defined(impact);
        Priority = matrix.PriorityOf(Urgency, Impact);
        Record(TicketHistoryKind.ImpactChanged, actor.UserId, null, null, null, Impact.ToString(), now);
        Touch(now);
    }

    public void SetCategory(TicketActor actor, int? categoryId, DateTimeOffset now)
    {
        EnsureCan(TicketAction.SetCategory, actor);
        CategoryId = categoryId;
        Record(TicketHistoryKind.CategoryChanged, actor.UserId, null, null, null, categoryId?.ToString(CultureInfo.InvariantCulture), now);
        Touch(now);
    }

    /// <summary>The system closes a ticket left Solved without an answer for <paramref name="after"/>.</summary>
    public void CloseAutomatically(DateTimeOffset now, TimeSpan after)
    {
        EnsureCan(TicketAction.CloseAutomatically, null);
        if (SolvedAt is null || SolvedAt.Value + after > now)
        {
            throw new DomainException("tickets.not_due_for_auto_close", DomainErrorKind.Conflict);
        }

        Record(TicketHistoryKind.Closed, null, Status, TicketStatus.Closed, null, null, now);
        Status = TicketStatus.Closed;
        ClosedAt = now;
        ClosedAutomatically = true;
        Touch(now);
        Raise(new TicketClosed(Snapshot(), null, true, now));
    }

    /// <summary>
    /// Links a file already kept in the content-addressed store (by SHA-256) to the ticket or to one of its
    /// follow-ups. Allowed while the ticket is not closed, to whoever may write on it.
    /// </summary>
    public TicketAttachment LinkAttachment(TicketActor? actor, Guid? followUpId, string sha256, string fileName, string contentType, long size, DateTimeOffset now)
    {
        if (actor is not null)
        {
            EnsureCan(TicketAction.AddPublicFollowUp, actor);
        }
        else if (Status == TicketStatus.Closed)
        {
            throw new DomainException("tickets.closed", DomainErrorKind.Conflict);
        }

        if (sha256 is not { Length: 64 } || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new DomainException("tickets.attachment_hash_invalid");
        }

        if (followUpId is not null && _followUps.All(f => f.Id != followUpId))
        {
            throw new DomainException("tickets.followup_not_found", DomainErrorKind.NotFound);
        }

        var attachment = new TicketAttachment(
            Guid.CreateVersion7(now), followUpId, sha256, Guard.NotBlank(fileName, "tickets.attachment_name_required"),
            string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType.Trim(), size, actor?.UserId, now);
        _attachments.Add(attachment);
        Touch(now);
        return attachment;
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private TicketSolution? CurrentSolution() => _solutions.LastOrDefault(s => s.Outcome == SolutionOutcome.Proposed);

    private void ChangeStatus(TicketStatus to, Guid? actorId, DateTimeOffset now, TicketStatus? onlyFrom = null)
    {
        if (Status == to || (onlyFrom is not null && Status != onlyFrom))
        {
            return;
        }

        Record(TicketHistoryKind.StatusChanged, actorId, Status, to, null, null, now);
        Status = to;
    }

    private void Record(TicketHistoryKind kind, Guid? actorId, TicketStatus? from, TicketStatus? to, Guid? subject, string? text, DateTimeOffset now) =>
        _history.Add(new TicketHistoryEntry(Guid.CreateVersion7(now), NextSequence(), kind, actorId, from, to, subject, text, now));

    private int NextSequence() => ++TimelineSequence;

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static string CheckLength(string? value, int min, int max, string code)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length < min || text.Length > max)
        {
            throw new DomainException(code, DomainErrorKind.RuleBroken, min, max);
        }

        return text;
    }

    private static T Defined<T>(T value)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new DomainException("common.invalid_value");

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Clip(string? value, int max) => Clean(value) is { } clean && clean.Length > max ? clean[..max].TrimEnd() : Clean(value);
}
