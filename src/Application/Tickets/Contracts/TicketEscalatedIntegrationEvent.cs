namespace MesaServicios.Application.Tickets.Contracts;

/// <summary>
/// A service-level threshold was crossed (published by the escalation job, once per level). Warnings go to the
/// assigned technician (or every technician while unassigned); missed targets go to the administrators.
/// </summary>
public sealed record TicketEscalatedIntegrationEvent : TicketIntegrationEvent
{
    /// <summary>E.g. OwnNearing, OwnMissed, ResolveMissed.</summary>
    public required string Level { get; init; }

    /// <summary>True when the target was missed and the administrators must hear of it; false for an early warning.</summary>
    public required bool ToAdministrators { get; init; }

    /// <summary>The target's due date (time to own for the Own levels, time to resolve otherwise).</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>The ticket's priority after the escalation (missing the time to own raises it one step).</summary>
    public string? Priority { get; init; }
}
