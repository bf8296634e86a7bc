using MesaServicios.Domain.Common;

namespace MesaServicios.Domain.Reporting;

/// <summary>
/// The claim of one month's report: a row per month ("2026-10", its key), written in the same transaction as the mails,
/// so that the report of a month goes out once however many runs or nodes try.
/// </summary>
public sealed class MonthlyReportDispatch
{
    private MonthlyReportDispatch()
    {
        Month = string.Empty;
    }

    private MonthlyReportDispatch(string month, int recipients, DateTimeOffset sentAt)
    {
        Month = month;
        Recipients = recipients;
        SentAt = sentAt;
    }

    /// <summary>The month reported, "yyyy-MM".</summary>
    public string Month { get; private set; }

    public int Recipients { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public static MonthlyReportDispatch Claim(int year, int month, int recipients, DateTimeOffset now) =>
        new(Key(year, month), recipients, now);

    public static string Key(int year, int month) =>
        year is >= 2000 and <= 9999 && month is >= 1 and <= 12
            ? $"{year:D4}-{month:D2}"
            : throw new DomainException("reporting.month_invalid");
}

/// <summary>When the monthly report is due: the first business day of the month (holidays and closures count).</summary>
public static class MonthlySchedule
{
    /// <summary>The first day of the month with business time in the calendar (null if the month has none).</summary>
    public static DateOnly? FirstBusinessDay(IBusinessCalendar calendar, int year, int month)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        for (var day = new DateOnly(year, month, 1); day.Month == month; day = day.AddDays(1))
        {
            if (calendar.BusinessMinutesBetween(ReportPeriod.StartOfDay(day, calendar.Zone), ReportPeriod.StartOfDay(day.AddDays(1), calendar.Zone)) > 0)
            {
                return day;
            }
        }

        return null;
    }

    /// <summary>Is <paramref name="today"/> (local) the first business day of its month?</summary>
    public static bool IsDue(IBusinessCalendar calendar, DateOnly today) => FirstBusinessDay(calendar, today.Year, today.Month) == today;
}
