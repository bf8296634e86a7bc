namespace MesaServicios.Domain.Tickets.Events;

/// <summary>A service-level threshold was crossed (raised once per level and ticket by the escalation job).</summary>
public sealed record TicketEscalated(Ticket Ticket, EscalationLevel Level, DateTimeOffset OccurredAt)
    : TicketEvent(Ticket, null, OccurredAt)
{
    /// <summary>Missed targets go to the administrators; warnings to the technicians; the closure reminder to the requester.</summary>
    public bool ToAdministrators => Level is EscalationLevel.OwnMissed or EscalationLevel.ResolveMissed;
}
