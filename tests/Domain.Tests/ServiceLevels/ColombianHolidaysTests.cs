using MesaServicios.Domain.ServiceLevels;

namespace MesaServicios.Domain.Tests.ServiceLevels;

/// <summary>
/// Colombian public holidays by rule. The expected lists for 2025–2027 are the official ones: Ley 51 de 1983
/// ("Ley Emiliani", which moves seven holidays and three Easter-based ones to the following Monday) applied to the
/// dates of Ley 35 de 1939 and Ley 37 de 1905, as published in the national holiday calendars for each year
/// (18 holidays a year; in 2025 Sagrado Corazón and San Pedro y San Pablo share 30 June).
/// </summary>
public sealed class ColombianHolidaysTests
{
    public static TheoryData<int, string[]> OfficialLists() => new()
    {
        {
            2025,
            ["2025-01-01", "2025-01-06", "2025-03-24", "2025-04-17", "2025-04-18", "2025-05-01", "2025-06-02", "2025-06-23", "2025-06-30",
             "2025-06-30", "2025-07-20", "2025-08-07", "2025-08-18", "2025-10-13", "2025-11-03", "2025-11-17", "2025-12-08", "2025-12-25"]
        },
        {
            2026,
            ["2026-01-01", "2026-01-12", "2026-03-23", "2026-04-02", "2026-04-03", "2026-05-01", "2026-05-18", "2026-06-08", "2026-06-15",
             "2026-06-29", "2026-07-20", "2026-08-07", "2026-08-17", "2026-10-12", "2026-11-02", "2026-11-16", "2026-12-08", "2026-12-25"]
        },
        {
            2027,
            ["2027-01-01", "2027-01-11", "2027-03-22", "2027-03-25", "2027-03-26", "2027-05-01", "2027-05-10", "2027-05-31", "2027-06-07",
             "2027-07-05", "2027-07-20", "2027-08-07", "2027-08-16", "2027-10-18", "2027-11-01", "2027-11-15", "2027-12-08", "2027-12-25"]
        },
    };

    [Theory]
    [MemberData(nameof(OfficialLists))]
    public void For_Year_MatchesTheOfficialList(int year, string[] expected)
    {
        var dates = ColombianHolidays.For(year).Select(h => h.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        Assert.Equal(expected, dates);
    }

    [Theory]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    public void EasterSunday_IsTheGregorianEaster(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ColombianHolidays.EasterSunday(year));

    [Fact]
    public void FixedHolidays_StayOnTheirDate_EvenOnAWeekend()
    {
        // 1 May 2027 and 7 August 2027 are Saturdays: fixed holidays are not moved.
        var holidays = ColombianHolidays.For(2027);

        Assert.Contains(holidays, h => h.Date == new DateOnly(2027, 5, 1) && h.Rule == HolidayRule.Fixed && h.NameEs == "Día del Trabajo");
        Assert.Contains(holidays, h => h.Date == new DateOnly(2027, 8, 7) && h.Rule == HolidayRule.Fixed);
    }

    [Fact]
    public void EmilianiHolidays_MoveToTheFollowingMonday_UnlessOnAMonday()
    {
        // Reyes: 6 Jan 2025 is a Monday (stays); 6 Jan 2026 is a Tuesday (→ 12 Jan).
        Assert.Contains(ColombianHolidays.For(2025), h => h.NameEs == "Día de los Reyes Magos" && h.Date == new DateOnly(2025, 1, 6));
        Assert.Contains(ColombianHolidays.For(2026), h => h.NameEs == "Día de los Reyes Magos" && h.Date == new DateOnly(2026, 1, 12));
        Assert.All(ColombianHolidays.For(2026).Where(h => h.Rule is HolidayRule.MovedToMonday or HolidayRule.EasterMovedToMonday),
            h => Assert.Equal(DayOfWeek.Monday, h.Date.DayOfWeek));
        Assert.Equal(7, ColombianHolidays.For(2026).Count(h => h.Rule == HolidayRule.MovedToMonday));
    }

    [Fact]
    public void EasterHolidays_FollowEaster_AndThreeOfThemMoveToMonday()
    {
        var easter = ColombianHolidays.EasterSunday(2026);
        var holidays = ColombianHolidays.For(2026).ToDictionary(h => h.NameEs, h => h.Date);

        Assert.Equal(easter.AddDays(-3), holidays["Jueves Santo"]);
        Assert.Equal(easter.AddDays(-2), holidays["Viernes Santo"]);
        Assert.Equal(easter.AddDays(43), holidays["Ascensión del Señor"]);
        Assert.Equal(easter.AddDays(64), holidays["Corpus Christi"]);
        Assert.Equal(easter.AddDays(71), holidays["Sagrado Corazón de Jesús"]);
    }

    [Fact]
    public void On_FindsTheHoliday_WithBothNames()
    {
        var holiday = ColombianHolidays.On(new DateOnly(2026, 7, 20));

        Assert.NotNull(holiday);
        Assert.Equal("Día de la Independencia", holiday.NameEs);
        Assert.Equal("Independence Day", holiday.NameEn);
        Assert.Null(ColombianHolidays.On(new DateOnly(2026, 7, 21)));
    }

    [Theory]
    [InlineData("2026-03-19", "2026-03-23")]
    [InlineData("2026-03-23", "2026-03-23")]
    [InlineData("2026-03-22", "2026-03-23")]
    [InlineData("2026-03-24", "2026-03-30")]
    public void NextMonday_IsTheSameDayOnAMonday_OtherwiseTheNextOne(string date, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ColombianHolidays.NextMonday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
}
