namespace MesaServicios.Domain.Reporting;

/// <summary>How a trend is grouped: per local day, per ISO week (starting Monday) or per calendar month.</summary>
public enum TrendGranularity
{
    Day = 1,
    Week = 2,
    Month = 3,
}

/// <summary>
/// A reporting period: whole local days <see cref="From"/>..<see cref="To"/> (both included) in the office's time
/// zone. <see cref="Start"/> is local midnight of the first day and <see cref="End"/> local midnight after the last
/// one (excluded), so a ticket opened at 23:30 in Bogotá on the 31st belongs to the 31st.
/// </summary>
public sealed record ReportPeriod
{
    /// <summary>The longest period a report covers (two years and a day).</summary>
    public const int MaxDays = 732;

    private ReportPeriod(DateOnly from, DateOnly to, TimeZoneInfo zone)
    {
        From = from;
        To = to;
        Zone = zone;
        Start = StartOfDay(from, zone);
        End = StartOfDay(to.AddDays(1), zone);
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public TimeZoneInfo Zone { get; }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    /// <summary>How many local days the period covers.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    public static ReportPeriod Of(DateOnly from, DateOnly to, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (to < from)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(to));
        }

        return new ReportPeriod(from, to, zone);
    }

    /// <summary>The calendar month that holds <paramref name="day"/>.</summary>
    public static ReportPeriod Month(DateOnly day, TimeZoneInfo zone)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        return Of(first, first.AddMonths(1).AddDays(-1), zone);
    }

    /// <summary>The period of equal length that ends the day before this one starts.</summary>
    public ReportPeriod Previous() => new(From.AddDays(-Days), From.AddDays(-1), Zone);

    /// <summary>The local day an instant falls on.</summary>
    public DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The first day of the bucket that holds <paramref name="day"/>.</summary>
    public static DateOnly BucketOf(DateOnly day, TrendGranularity granularity) => granularity switch
    {
        TrendGranularity.Day => day,
        TrendGranularity.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        TrendGranularity.Month => new DateOnly(day.Year, day.Month, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(granularity)),
    };

    /// <summary>Every bucket the period touches, in order (the first and last may be partial).</summary>
    public IReadOnlyList<DateOnly> Buckets(TrendGranularity granularity)
    {
        var buckets = new List<DateOnly>();
        for (var bucket = BucketOf(From, granularity); bucket <= To; bucket = Next(bucket, granularity))
        {
            buckets.Add(bucket);
        }

        return buckets;
    }

    private static DateOnly Next(DateOnly bucket, TrendGranularity granularity) => granularity switch
    {
        TrendGranularity.Day => bucket.AddDays(1),
        TrendGranularity.Week => bucket.AddDays(7),
        _ => bucket.AddMonths(1),
    };

    /// <summary>Local midnight of <paramref name="day"/> as an instant (a midnight skipped by a clock change moves to the first valid minute).</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
