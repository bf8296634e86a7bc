using MesaServicios.Domain.Common;

namespace MesaServicios.Domain.ServiceLevels;

/// <summary>
/// The office's hours on one weekday (local time of the calendar's zone). A day without a row is a day off.
/// Administrators replace the whole week at once.
/// </summary>
public sealed class WorkingDay
{
    private WorkingDay()
    {
    }

    public DayOfWeek Day { get; private set; }

    public TimeOnly Opens { get; private set; }

    public TimeOnly Closes { get; private set; }

    public int Minutes => (int)(Closes - Opens).TotalMinutes;

    public static WorkingDay Create(DayOfWeek day, TimeOnly opens, TimeOnly closes)
    {
        if (!Enum.IsDefined(day))
        {
            throw new DomainException("servicelevels.day_invalid");
        }

        if (closes <= opens)
        {
            throw new DomainException("servicelevels.hours_order");
        }

        return new WorkingDay { Day = day, Opens = opens, Closes = closes };
    }

    /// <summary>Monday to Friday, 07:00–17:00: the office's published hours.</summary>
    public static IReadOnlyList<WorkingDay> DefaultWeek { get; } =
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => Create(d, new TimeOnly(7, 0), new TimeOnly(17, 0)))];
}

/// <summary>Days the office adds as closed (institutional vacations, a day off), both dates included.</summary>
public sealed class CalendarClosure
{
    public const int ReasonMaxLength = 200;

    /// <summary>At most a year per closure (a longer one is almost certainly a typing error).</summary>
    public const int MaxDays = 366;

    private CalendarClosure()
    {
        Reason = string.Empty;
    }

    public Guid Id { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    public string Reason { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static CalendarClosure Create(DateOnly start, DateOnly end, string reason, Guid createdBy, DateTimeOffset now)
    {
        if (end < start)
        {
            throw new DomainException("servicelevels.closure_dates_order");
        }

        if (end.DayNumber - start.DayNumber + 1 > MaxDays)
        {
            throw new DomainException("servicelevels.closure_too_long", DomainErrorKind.RuleBroken, MaxDays);
        }

        return new CalendarClosure
        {
            Id = Guid.CreateVersion7(now),
            StartDate = start,
            EndDate = end,
            Reason = Guard.NotBlank(reason, "servicelevels.closure_reason_required"),
            CreatedBy = createdBy,
            CreatedAt = now,
        };
    }

    public bool Covers(DateOnly date) => date >= StartDate && date <= EndDate;
}
