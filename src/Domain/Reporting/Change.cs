namespace MesaServicios.Domain.Reporting;

/// <summary>A figure against the same figure in the previous period.</summary>
public static class Change
{
    /// <summary>The change in percent, rounded to one decimal; null when the previous figure was zero (no base to compare).</summary>
    public static double? Percent(int current, int previous) =>
        previous == 0 ? null : Math.Round((current - previous) * 100.0 / previous, 1, MidpointRounding.AwayFromZero);
}
