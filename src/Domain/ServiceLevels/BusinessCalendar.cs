using MesaServicios.Domain.Common;

namespace MesaServicios.Domain.ServiceLevels;

/// <summary>
/// Business time: the office's working hours per weekday, minus Colombian public holidays (computed by rule) and
/// the office's closures, in one time zone (America/Bogota by default). Immutable and thread-safe, so one instance
/// is shared by every request until an administrator changes the hours or the closures. Minutes are counted to
/// the second: a clock that started at 16:50 has used 10 business minutes at 17:00.
/// </summary>
public sealed class BusinessCalendar : IBusinessCalendar
{
    public const string DefaultTimeZoneId = "America/Bogota";

    /// <summary>A target may reach this far at most (protects against a calendar with no working day).</summary>
    private const int MaxDaysSearched = 3 * 366;

    private readonly (TimeSpan Opens, TimeSpan Closes)?[] _hours = new (TimeSpan, TimeSpan)?[7];
    private readonly Dictionary<DateOnly, CalendarClosure> _closedDays = [];

    public BusinessCalendar(TimeZoneInfo zone, IEnumerable<WorkingDay> week, IEnumerable<CalendarClosure> closures)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(week);
        ArgumentNullException.ThrowIfNull(closures);
        Zone = zone;
        Week = [.. week.OrderBy(d => ((int)d.Day + 6) % 7)];
        foreach (var day in Week)
        {
            _hours[(int)day.Day] = (day.Opens.ToTimeSpan(), day.Closes.ToTimeSpan());
        }

        Closures = [.. closures.OrderBy(c => c.StartDate)];
        foreach (var closure in Closures)
        {
            for (var date = closure.StartDate; date <= closure.EndDate; date = date.AddDays(1))
            {
                _closedDays.TryAdd(date, closure);
            }
        }
    }

    public TimeZoneInfo Zone { get; }

    public IReadOnlyList<WorkingDay> Week { get; }

    public IReadOnlyList<CalendarClosure> Closures { get; }

    /// <summary>The office's time zone, or a fixed UTC−5 zone when the system has no time-zone data (Colombia has no DST).</summary>
    public static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException) when (id == DefaultTimeZoneId)
        {
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(-5), "Colombia", "Colombia");
        }
    }

    /// <summary>The default calendar: Monday–Friday 07:00–17:00, America/Bogota, no closures.</summary>
    public static BusinessCalendar Default { get; } = new(FindZone(DefaultTimeZoneId), WorkingDay.DefaultWeek, []);

    /// <summary>The shortest working day, in minutes: "5 business days" is never longer than 5 of these.</summary>
    public int ShortestWorkingDayMinutes => Week.Count == 0 ? 0 : Week.Min(d => d.Minutes);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>Why a date has no business time (holiday, closure, day off), or Working.</summary>
    public CalendarTimeKind KindOf(DateOnly date, out string? note, out string? noteEn)
    {
        note = null;
        noteEn = null;
        if (ColombianHolidays.On(date) is { } holiday)
        {
            note = holiday.NameEs;
            noteEn = holiday.NameEn;
            return CalendarTimeKind.Holiday;
        }

        if (_closedDays.TryGetValue(date, out var closure))
        {
            note = closure.Reason;
            noteEn = closure.Reason;
            return CalendarTimeKind.Closure;
        }

        return _hours[(int)date.DayOfWeek] is null ? CalendarTimeKind.OutsideHours : CalendarTimeKind.Working;
    }

    public bool IsWorkingDay(DateOnly date) => KindOf(date, out _, out _) == CalendarTimeKind.Working;

    /// <summary>The instant <paramref name="minutes"/> business minutes after <paramref name="start"/>.</summary>
    public DateTimeOffset AddBusinessMinutes(DateTimeOffset start, double minutes)
    {
        var remaining = TimeSpan.FromMinutes(Math.Max(0, minutes));
        if (remaining == TimeSpan.Zero)
        {
            return start;
        }

        var date = LocalDate(start);
        for (var i = 0; i < MaxDaysSearched; i++, date = date.AddDays(1))
        {
            if (Window(date) is not { } window)
            {
                continue;
            }

            var from = start > window.Opens ? start : window.Opens;
            if (from >= window.Closes)
            {
                continue;
            }

            var available = window.Closes - from;
            if (remaining <= available)
            {
                return from + remaining;
            }

            remaining -= available;
        }

        return DateTimeOffset.MaxValue;
    }

    /// <summary>The instant <paramref name="minutes"/> business minutes before <paramref name="end"/>.</summary>
    public DateTimeOffset SubtractBusinessMinutes(DateTimeOffset end, double minutes)
    {
        var remaining = TimeSpan.FromMinutes(Math.Max(0, minutes));
        if (remaining == TimeSpan.Zero)
        {
            return end;
        }

        var date = LocalDate(end);
        for (var i = 0; i < MaxDaysSearched; i++, date = date.AddDays(-1))
        {
            if (Window(date) is not { } window)
            {
                continue;
            }

            var to = end < window.Closes ? end : window.Closes;
            if (to <= window.Opens)
            {
                continue;
            }

            var available = to - window.Opens;
            if (remaining <= available)
            {
                return to - remaining;
            }

            remaining -= available;
        }

        return DateTimeOffset.MinValue;
    }

    /// <summary>Business minutes between two instants (0 when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public double BusinessMinutesBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return 0;
        }

        var total = TimeSpan.Zero;
        var last = LocalDate(to);
        for (var date = LocalDate(from); date <= last; date = date.AddDays(1))
        {
            if (Window(date) is not { } window)
            {
                continue;
            }

            var start = from > window.Opens ? from : window.Opens;
            var end = to < window.Closes ? to : window.Closes;
            if (end > start)
            {
                total += end - start;
            }
        }

        return total.TotalMinutes;
    }

    /// <summary>
    /// The time between two instants cut into spans of one kind (working time, outside hours, holidays, closures),
    /// adjacent spans of the same kind and note merged.
    /// </summary>
    public IReadOnlyList<CalendarSpan> Spans(DateTimeOffset from, DateTimeOffset to)
    {
        var spans = new List<CalendarSpan>();
        if (to <= from)
        {
            return spans;
        }

        var last = LocalDate(to);
        for (var date = LocalDate(from); date <= last; date = date.AddDays(1))
        {
            var dayStart = Max(from, Instant(date, TimeSpan.Zero));
            var dayEnd = Min(to, Instant(date.AddDays(1), TimeSpan.Zero));
            if (dayEnd <= dayStart)
            {
                continue;
            }

            var kind = KindOf(date, out var note, out var noteEn);
            if (kind != CalendarTimeKind.Working)
            {
                Add(spans, new CalendarSpan(dayStart, dayEnd, kind, note, noteEn));
                continue;
            }

            var window = Window(date)!.Value;
            Add(spans, new CalendarSpan(dayStart, Min(dayEnd, Max(dayStart, window.Opens)), CalendarTimeKind.OutsideHours, null, null));
            Add(spans, new CalendarSpan(Max(dayStart, window.Opens), Min(dayEnd, window.Closes), CalendarTimeKind.Working, null, null));
            Add(spans, new CalendarSpan(Max(dayStart, Min(dayEnd, window.Closes)), dayEnd, CalendarTimeKind.OutsideHours, null, null));
        }

        return spans;
    }

    private static void Add(List<CalendarSpan> spans, CalendarSpan span)
    {
        if (span.To <= span.From)
        {
            return;
        }

        if (spans.Count > 0 && spans[^1] is { } previous && previous.Kind == span.Kind && previous.Note == span.Note && previous.To == span.From)
        {
            spans[^1] = previous with { To = span.To };
            return;
        }

        spans.Add(span);
    }

    private (DateTimeOffset Opens, DateTimeOffset Closes)? Window(DateOnly date)
    {
        if (_hours[(int)date.DayOfWeek] is not { } hours || _closedDays.ContainsKey(date) || ColombianHolidays.On(date) is not null)
        {
            return null;
        }

        return (Instant(date, hours.Opens), Instant(date, hours.Closes));
    }

    private DateTimeOffset Instant(DateOnly date, TimeSpan timeOfDay)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).Add(timeOfDay);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
