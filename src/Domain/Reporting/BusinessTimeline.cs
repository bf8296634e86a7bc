using MesaServicios.Domain.Common;

namespace MesaServicios.Domain.Reporting;

/// <summary>
/// Business minutes between many pairs of instants, fast: the calendar is asked once per local day of a range for the
/// day's business minutes (summed into a running total at each local midnight), then each instant needs only the
/// minutes of its own day. Gives the same answer as <see cref="IBusinessCalendar.BusinessMinutesBetween"/>; instants
/// outside the range fall back to the calendar.
/// </summary>
public sealed class BusinessTimeline
{
    private readonly IBusinessCalendar _calendar;
    private readonly DateOnly _first;
    private readonly double[] _atMidnight;

    private BusinessTimeline(IBusinessCalendar calendar, DateOnly first, double[] atMidnight)
    {
        _calendar = calendar;
        _first = first;
        _atMidnight = atMidnight;
    }

    /// <summary>A timeline over the local days <paramref name="first"/>..<paramref name="last"/>.</summary>
    public static BusinessTimeline Over(IBusinessCalendar calendar, DateOnly first, DateOnly last)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var days = Math.Max(0, last.DayNumber - first.DayNumber + 1);
        var atMidnight = new double[days + 1];
        for (var i = 0; i < days; i++)
        {
            var day = first.AddDays(i);
            atMidnight[i + 1] = atMidnight[i] + calendar.BusinessMinutesBetween(ReportPeriod.StartOfDay(day, calendar.Zone), ReportPeriod.StartOfDay(day.AddDays(1), calendar.Zone));
        }

        return new BusinessTimeline(calendar, first, atMidnight);
    }

    /// <summary>Business minutes from <paramref name="from"/> to <paramref name="to"/> (0 when <paramref name="to"/> is not later).</summary>
    public double Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return 0;
        }

        return MinutesAt(from) is { } start && MinutesAt(to) is { } end ? end - start : _calendar.BusinessMinutesBetween(from, to);
    }

    private double? MinutesAt(DateTimeOffset instant)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _calendar.Zone).DateTime);
        var index = day.DayNumber - _first.DayNumber;
        if (index < 0 || index >= _atMidnight.Length - 1)
        {
            return null;
        }

        var midnight = ReportPeriod.StartOfDay(day, _calendar.Zone);
        return _atMidnight[index] + (instant > midnight ? _calendar.BusinessMinutesBetween(midnight, instant) : 0);
    }
}
