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

    /// <summary>
    /// Several nearest-rank percentiles of <paramref name="values"/> without sorting them: each rank is found by
    /// selection (linear on average), the highest first, each next one within the part already below it. The same
    /// values as <see cref="OfSorted"/> gives; the array is reordered. Nulls when there are no values.
    /// </summary>
    public static double?[] Select(double[] values, params int[] percents)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(percents);
        var results = new double?[percents.Length];
        if (values.Length == 0)
        {
            return results;
        }

        var end = values.Length;
        foreach (var i in Enumerable.Range(0, percents.Length).OrderByDescending(i => percents[i]))
        {
            if (percents[i] is < 1 or > 100)
            {
                throw new ArgumentOutOfRangeException(nameof(percents));
            }

            var rank = Math.Max((int)Math.Ceiling(percents[i] / 100.0 * values.Length), 1) - 1;
            results[i] = Nth(values, rank, end);
            end = rank + 1;
        }

        return results;
    }

    /// <summary>The value of rank <paramref name="n"/> (0-based) among values[0..end), moved to that place (Hoare selection).</summary>
    private static double Nth(double[] values, int n, int end)
    {
        var (left, right) = (0, end - 1);
        while (left < right)
        {
            var pivot = values[left + ((right - left) / 2)];
            var (i, j) = (left, right);
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (n <= j)
            {
                right = j;
            }
            else if (n >= i)
            {
                left = i;
            }
            else
            {
                return values[n];
            }
        }

        return values[n];
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
