using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets;

/// <summary>Settings of the Tickets module (section "Tickets").</summary>
public sealed class TicketsOptions
{
    public const string Section = "Tickets";

    /// <summary>A Solved ticket without an answer from the requester closes by itself after this many days.</summary>
    public int AutoCloseAfterDays { get; set; } = 5;

    /// <summary>How long a ticket creation remembers its <c>Idempotency-Key</c>.</summary>
    public int IdempotencyRetentionHours { get; set; } = 24;

    /// <summary>
    /// Optional priority matrix: 5 rows (urgency VeryLow..VeryHigh) of 5 levels 1..5 (impact VeryLow..VeryHigh).
    /// Empty: GLPI's default table.
    /// </summary>
    public List<List<int>> PriorityMatrix { get; set; } = [];

    public PriorityMatrix BuildPriorityMatrix() =>
        PriorityMatrix.Count == 0 ? Domain.Tickets.PriorityMatrix.Default : new PriorityMatrix(PriorityMatrix);
}
