using MesaServicios.Domain.Common;
using MesaServicios.Domain.Reporting;
using MesaServicios.Domain.ServiceLevels;

namespace MesaServicios.Domain.Tests.Reporting;

/// <summary>The monthly report's day: the first day of the month with business time (weekends and Colombian holidays skipped).</summary>
public sealed class MonthlyScheduleTests
{
    [Theory]
    [InlineData(2026, 12, "2026-12-01")] // Tuesday
    [InlineData(2026, 11, "2026-11-03")] // 1st Sunday, 2nd All Saints' (moved to Monday)
    [InlineData(2026, 3, "2026-03-02")]  // 1st Sunday
    [InlineData(2027, 1, "2027-01-04")]  // 1st New Year's Day (Friday), then a weekend
    [InlineData(2026, 8, "2026-08-03")]  // 1st Saturday
    public void FirstBusinessDay_SkipsWeekendsAndHolidays(int year, int month, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), MonthlySchedule.FirstBusinessDay(BusinessCalendar.Default, year, month));
    }

    [Theory]
    [InlineData("2026-12-01", true)]
    [InlineData("2026-12-02", false)]
    [InlineData("2026-11-02", false)]
    [InlineData("2026-11-03", true)]
    [InlineData("2026-11-30", false)]
    public void IsDue_OnlyOnThatDay(string today, bool due)
    {
        Assert.Equal(due, MonthlySchedule.IsDue(BusinessCalendar.Default, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(2026, 10, "2026-10")]
    [InlineData(2027, 1, "2027-01")]
    public void Key_IsYearAndMonth(int year, int month, string key) => Assert.Equal(key, MonthlyReportDispatch.Key(year, month));

    [Fact]
    public void Key_RefusesAMonthOutOfRange() =>
        Assert.Equal("reporting.month_invalid", Assert.Throws<DomainException>(() => MonthlyReportDispatch.Key(2026, 13)).Code);
}
