namespace MesaServicios.Domain.Tickets;

/// <summary>Where a ticket is in its life. Values are GLPI's numeric codes so GLPI data maps one to one.</summary>
public enum TicketStatus
{
    New = 1,
    InProgress = 2,
    Pending = 4,
    Solved = 5,
    Closed = 6,
}

/// <summary>Incident (something broken) or Request (asking for information, accounts, services, equipment).</summary>
public enum TicketType
{
    Incident = 1,
    Request = 2,
}

/// <summary>How much the problem blocks the requester (set by the requester).</summary>
public enum Urgency
{
    VeryLow = 1,
    Low = 2,
    Medium = 3,
    High = 4,
    VeryHigh = 5,
}

/// <summary>How many people or processes the problem affects (set by the desk).</summary>
public enum Impact
{
    VeryLow = 1,
    Low = 2,
    Medium = 3,
    High = 4,
    VeryHigh = 5,
}

/// <summary>Urgency × impact through the <see cref="PriorityMatrix"/>.</summary>
public enum Priority
{
    VeryLow = 1,
    Low = 2,
    Medium = 3,
    High = 4,
    VeryHigh = 5,
}

/// <summary>How the ticket reached the desk.</summary>
public enum TicketSource
{
    Portal = 1,
    Phone = 2,
    Email = 3,
}

/// <summary>Everything someone may do to a ticket; <see cref="Ticket.AllowedActions"/> lists those legal now.</summary>
public enum TicketAction
{
    Assign,
    Reassign,
    Unassign,
    AddPublicFollowUp,
    AddPrivateFollowUp,
    PutPending,
    Solve,
    Approve,
    Reject,
    AddObserver,
    RemoveObserver,
    SetImpact,
    SetCategory,
    CloseAutomatically,
    SetUrgency,
}

/// <summary>What a timeline entry records (besides follow-ups and solutions, which have their own records).</summary>
public enum TicketHistoryKind
{
    Created = 1,
    Assigned = 2,
    Unassigned = 3,
    StatusChanged = 4,
    PutPending = 5,
    ObserverAdded = 6,
    ObserverRemoved = 7,
    ImpactChanged = 8,
    CategoryChanged = 9,
    Approved = 10,
    Rejected = 11,
    Closed = 12,
    UrgencyChanged = 13,
    Escalated = 14,
    ServiceLevelRecomputed = 15,
}

/// <summary>What the requester decided about a proposed solution.</summary>
public enum SolutionOutcome
{
    Proposed = 1,
    Approved = 2,
    Rejected = 3,
}
