namespace MesaServicios.Domain.Reporting;

/// <summary>Percentiles of durations by the nearest-rank method (the value at or below which p % of them fall).</summary>
public static class Percentile
{
    /// <summary>The nearest-rank percentile of <paramref name="values"/>; null when there are none.</summary>
    public static double? Of(IReadOnlyList<double> values, int percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        if (percent is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percent));
        }

        return OfSorted(values.Order().ToArray(), percent);
    }

    /// <summary>The same for values already in ascending order (several percentiles of one list sort it once).</summary>
    public static double? OfSorted(IReadOnlyList<double> sorted, int percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        if (percent is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percent));
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Max(rank, 1) - 1];
    }
}

/// <summary>How old an open ticket is, in whole business days: 0–2, 3–5, 6–10, more than 10.</summary>
public enum AgeBucket
{
    UpTo2 = 1,
    From3To5 = 2,
    From6To10 = 3,
    Over10 = 4,
}

public static class BacklogAge
{
    /// <summary>The bucket of an age given in business minutes, a business day being <paramref name="businessDayMinutes"/> long.</summary>
    public static AgeBucket BucketOf(double businessMinutes, int businessDayMinutes)
    {
        if (businessDayMinutes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(businessDayMinutes));
        }

        var days = Math.Floor(Math.Max(0, businessMinutes) / businessDayMinutes);
        return days switch
        {
            <= 2 => AgeBucket.UpTo2,
            <= 5 => AgeBucket.From3To5,
            <= 10 => AgeBucket.From6To10,
            _ => AgeBucket.Over10,
        };
    }
}
