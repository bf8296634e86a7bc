namespace MesaServicios.Application.Tickets.Contracts;

/// <summary>
/// A solved ticket will close itself in about one business day unless the requester approves or rejects the
/// solution (published once per solution by the escalation job).
/// </summary>
public sealed record TicketAutoCloseWarningIntegrationEvent : TicketIntegrationEvent
{
    /// <summary>When the ticket closes by itself.</summary>
    public required DateTimeOffset ClosesAt { get; init; }
}
