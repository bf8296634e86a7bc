using MesaServicios.Domain.Common;

namespace MesaServicios.Domain.Tickets;

/// <summary>
/// Priority = f(urgency, impact): a 5×5 table of levels 1..5, GLPI's by default, configurable. Rows are urgency
/// (VeryLow..VeryHigh), columns impact (VeryLow..VeryHigh).
/// </summary>
public sealed class PriorityMatrix
{
    private readonly int[,] _cells;

    public PriorityMatrix(IReadOnlyList<IReadOnlyList<int>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count != 5 || rows.Any(r => r is null || r.Count != 5) || rows.SelectMany(r => r).Any(v => v is < 1 or > 5))
        {
            throw new DomainException("tickets.priority_matrix_invalid");
        }

        _cells = new int[5, 5];
        for (var u = 0; u < 5; u++)
        {
            for (var i = 0; i < 5; i++)
            {
                _cells[u, i] = rows[u][i];
            }
        }
    }

    /// <summary>GLPI's default table.</summary>
    public static PriorityMatrix Default { get; } = new(
    [
        [1, 1, 2, 2, 2],
        [1, 2, 2, 3, 3],
        [2, 2, 3, 4, 4],
        [2, 3, 4, 4, 5],
        [2, 3, 4, 5, 5],
    ]);

    public Priority PriorityOf(Urgency urgency, Impact impact) =>
        (Priority)_cells[(int)urgency - 1, (int)impact - 1];
}
