namespace MesaServicios.Domain.Common;

/// <summary>What the calendar says about a stretch of time.</summary>
public enum CalendarTimeKind
{
    /// <summary>Within the office's hours on a working day: business time.</summary>
    Working = 1,

    /// <summary>Before opening or after closing on a working day, or a weekday the office does not work.</summary>
    OutsideHours = 2,

    /// <summary>A Colombian public holiday.</summary>
    Holiday = 3,

    /// <summary>A day the office closed (institutional vacations…).</summary>
    Closure = 4,
}

/// <summary>A stretch of time of one kind; <see cref="Note"/> names the holiday or the closure (Spanish), <see cref="NoteEn"/> in English.</summary>
public sealed record CalendarSpan(DateTimeOffset From, DateTimeOffset To, CalendarTimeKind Kind, string? Note, string? NoteEn);

/// <summary>
/// Business-time arithmetic (working hours minus holidays and closures). Shared vocabulary: the ServiceLevels
/// module implements it, Tickets (due dates) and Reporting (durations) use it without knowing how it is kept.
/// </summary>
public interface IBusinessCalendar
{
    /// <summary>The office's time zone: working hours and dates are local to it.</summary>
    TimeZoneInfo Zone { get; }

    DateTimeOffset AddBusinessMinutes(DateTimeOffset start, double minutes);

    DateTimeOffset SubtractBusinessMinutes(DateTimeOffset end, double minutes);

    double BusinessMinutesBetween(DateTimeOffset from, DateTimeOffset to);

    IReadOnlyList<CalendarSpan> Spans(DateTimeOffset from, DateTimeOffset to);
}
