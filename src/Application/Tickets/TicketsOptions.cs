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

    /// <summary>The language of what the desk writes into a ticket opened or followed up by e-mail (default titles, notes).</summary>
    public string EmailCulture { get; set; } = "es-CO";

    public static bool IsValid(TicketsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var matrixOk = options.PriorityMatrix.Count == 0
            || (options.PriorityMatrix.Count == 5 && options.PriorityMatrix.All(r => r.Count == 5 && r.All(v => v is >= 1 and <= 5)));
        return matrixOk && options.AutoCloseAfterDays >= 1 && options.IdempotencyRetentionHours >= 1;
    }

    public PriorityMatrix BuildPriorityMatrix() =>
        PriorityMatrix.Count == 0 ? Domain.Tickets.PriorityMatrix.Default : new PriorityMatrix(PriorityMatrix);
}
