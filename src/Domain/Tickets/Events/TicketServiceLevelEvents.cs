namespace MesaServicios.Domain.Tickets.Events;

/// <summary>
/// A service-level threshold was crossed (raised once per level and ticket by the escalation job). A snapshot: the
/// due date the level refers to, the priority after the escalation and, for the closure reminder, when the solved
/// ticket closes itself.
/// </summary>
public sealed record TicketEscalated(
    TicketSnapshot Ticket,
    EscalationLevel Level,
    DateTimeOffset? DueAt,
    Priority Priority,
    DateTimeOffset? SolvedAt,
    DateTimeOffset OccurredAt)
    : TicketEvent(Ticket, null, OccurredAt)
{
    /// <summary>Missed targets go to the administrators; warnings to the technicians; the closure reminder to the requester.</summary>
    public bool ToAdministrators => Level is EscalationLevel.OwnMissed or EscalationLevel.ResolveMissed;
}
