using System.Runtime.CompilerServices;
using MesaServicios.Domain.Common;

namespace MesaServicios.Domain.Reporting;

/// <summary>
/// Business minutes between many pairs of instants, fast: the calendar is asked once per local day of a range for the
/// day's business minutes (summed into a running total at each local midnight) and its working spans, then each
/// instant needs only the working time of its own day up to it, by arithmetic. Gives the same answer as <see cref="IBusinessCalendar.BusinessMinutesBetween"/>; instants
/// outside the range fall back to the calendar.
/// </summary>
public sealed class BusinessTimeline
{
    private readonly IBusinessCalendar _calendar;
    private readonly long[] _midnights;
    private readonly double[] _atMidnight;
    private readonly int[] _firstSpan;
    private readonly long[] _spanStart;
    private readonly long[] _spanEnd;

    private BusinessTimeline(IBusinessCalendar calendar, long[] midnights, double[] atMidnight, int[] firstSpan, long[] spanStart, long[] spanEnd)
    {
        _calendar = calendar;
        _midnights = midnights;
        _atMidnight = atMidnight;
        _firstSpan = firstSpan;
        _spanStart = spanStart;
        _spanEnd = spanEnd;
    }

    /// <summary>A timeline over the local days <paramref name="first"/>..<paramref name="last"/>.</summary>
    public static BusinessTimeline Over(IBusinessCalendar calendar, DateOnly first, DateOnly last)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var days = Math.Max(0, last.DayNumber - first.DayNumber + 1);
        var atMidnight = new double[days + 1];
        var midnights = new long[days + 1];
        // Each day's working spans (UTC ticks), so that the minutes of an instant's own day are arithmetic, not a
        // question to the calendar per instant (a year of bookings asks for hundreds of thousands).
        var firstSpan = new int[days + 1];
        var spanStart = new List<long>();
        var spanEnd = new List<long>();
        for (var i = 0; i < days; i++)
        {
            var day = first.AddDays(i);
            var opens = ReportPeriod.StartOfDay(day, calendar.Zone);
            var closes = ReportPeriod.StartOfDay(day.AddDays(1), calendar.Zone);
            midnights[i] = opens.UtcTicks;
            atMidnight[i + 1] = atMidnight[i] + calendar.BusinessMinutesBetween(opens, closes);
            firstSpan[i] = spanStart.Count;
            foreach (var span in calendar.Spans(opens, closes).Where(s => s.Kind == CalendarTimeKind.Working))
            {
                spanStart.Add(span.From.UtcTicks);
                spanEnd.Add(span.To.UtcTicks);
            }
        }

        if (days > 0)
        {
            midnights[days] = ReportPeriod.StartOfDay(last.AddDays(1), calendar.Zone).UtcTicks;
        }

        firstSpan[days] = spanStart.Count;
        return new BusinessTimeline(calendar, midnights, atMidnight, firstSpan, [.. spanStart], [.. spanEnd]);
    }

    /// <summary>Business minutes from <paramref name="from"/> to <paramref name="to"/> (0 when <paramref name="to"/> is not later).</summary>
    public double Between(DateTimeOffset from, DateTimeOffset to) => Between(from.UtcTicks, to.UtcTicks);

    /// <summary>Business minutes between two instants given as UTC ticks (0 when <paramref name="toUtcTicks"/> is not later).</summary>
    public double Between(long fromUtcTicks, long toUtcTicks)
    {
        if (toUtcTicks <= fromUtcTicks)
        {
            return 0;
        }

        return MinutesAt(fromUtcTicks) is { } start && MinutesAt(toUtcTicks) is { } end
            ? end - start
            : _calendar.BusinessMinutesBetween(new DateTimeOffset(fromUtcTicks, TimeSpan.Zero), new DateTimeOffset(toUtcTicks, TimeSpan.Zero));
    }

    // Optimised at its first call: a report asks it for hundreds of thousands of instants, maybe once a month.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double? MinutesAt(long at)
    {
        var days = _midnights.Length - 1;
        if (days <= 0 || at < _midnights[0] || at >= _midnights[days])
        {
            return null;
        }

        // The local day by arithmetic from the first midnight, then moved to the bounds (a day of 23 or 25 hours).
        var index = (int)Math.Min((at - _midnights[0]) / TimeSpan.TicksPerDay, days - 1);
        while (_midnights[index] > at)
        {
            index--;
        }

        while (index + 1 < days && _midnights[index + 1] <= at)
        {
            index++;
        }

        // As the calendar counts it: the working time from midnight to the instant, summed, then in minutes.
        var ticks = 0L;
        for (var span = _firstSpan[index]; span < _firstSpan[index + 1]; span++)
        {
            var end = Math.Min(at, _spanEnd[span]);
            if (end > _spanStart[span])
            {
                ticks += end - _spanStart[span];
            }
        }

        return _atMidnight[index] + TimeSpan.FromTicks(ticks).TotalMinutes;
    }
}
