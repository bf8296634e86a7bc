using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace MesaServicios.Domain.ServiceLevels;

/// <summary>How a Colombian public holiday falls in a given year.</summary>
public enum HolidayRule
{
    /// <summary>Always on its date (Año Nuevo, Día del Trabajo, Independencia, Boyacá, Inmaculada, Navidad).</summary>
    Fixed = 1,

    /// <summary>Ley 51 de 1983 ("Ley Emiliani"): moved to the following Monday when it does not fall on a Monday.</summary>
    MovedToMonday = 2,

    /// <summary>A fixed distance from Easter Sunday (Jueves y Viernes Santo).</summary>
    Easter = 3,

    /// <summary>A distance from Easter Sunday, then moved to the following Monday (Ascensión, Corpus Christi, Sagrado Corazón).</summary>
    EasterMovedToMonday = 4,
}

/// <summary>A public holiday: its date in that year and its name in Spanish and English.</summary>
public sealed record Holiday(DateOnly Date, string NameEs, string NameEn, HolidayRule Rule);

/// <summary>
/// Colombia's public holidays computed by rule for any year (Ley 35 de 1939, Ley 51 de 1983): six fixed dates,
/// seven dates moved to the following Monday, and five dates that depend on Easter (three of them moved to the
/// Monday too). Two holidays may fall on one day (e.g. 30 June 2025); each is listed.
/// </summary>
public static class ColombianHolidays
{
    private static readonly ConcurrentDictionary<int, IReadOnlyList<Holiday>> ByYear = new();
    private static readonly ConcurrentDictionary<int, FrozenDictionary<DateOnly, Holiday>> DatesByYear = new();

    private static readonly (int Month, int Day, string Es, string En)[] FixedDates =
    [
        (1, 1, "Año Nuevo", "New Year's Day"),
        (5, 1, "Día del Trabajo", "Labour Day"),
        (7, 20, "Día de la Independencia", "Independence Day"),
        (8, 7, "Batalla de Boyacá", "Battle of Boyacá"),
        (12, 8, "Inmaculada Concepción", "Immaculate Conception"),
        (12, 25, "Navidad", "Christmas Day"),
    ];

    private static readonly (int Month, int Day, string Es, string En)[] MondayDates =
    [
        (1, 6, "Día de los Reyes Magos", "Epiphany"),
        (3, 19, "Día de San José", "Saint Joseph's Day"),
        (6, 29, "San Pedro y San Pablo", "Saints Peter and Paul"),
        (8, 15, "La Asunción de la Virgen", "Assumption of Mary"),
        (10, 12, "Día de la Raza", "Columbus Day"),
        (11, 1, "Día de Todos los Santos", "All Saints' Day"),
        (11, 11, "Independencia de Cartagena", "Independence of Cartagena"),
    ];

    private static readonly (int DaysFromEaster, bool ToMonday, string Es, string En)[] EasterDates =
    [
        (-3, false, "Jueves Santo", "Maundy Thursday"),
        (-2, false, "Viernes Santo", "Good Friday"),
        (39, true, "Ascensión del Señor", "Ascension Day"),
        (60, true, "Corpus Christi", "Corpus Christi"),
        (68, true, "Sagrado Corazón de Jesús", "Sacred Heart"),
    ];

    /// <summary>The year's holidays in date order.</summary>
    public static IReadOnlyList<Holiday> For(int year)
    {
        if (year is < 1984 or > 9998)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Holidays are computed for 1984 to 9998.");
        }

        return ByYear.GetOrAdd(year, Compute);
    }

    /// <summary>The holiday on <paramref name="date"/>, if any (the first one when two share the day).</summary>
    public static Holiday? On(DateOnly date)
    {
        var dates = DatesByYear.GetOrAdd(date.Year, static y => For(y).DistinctBy(h => h.Date).ToFrozenDictionary(h => h.Date));
        return dates.GetValueOrDefault(date);
    }

    /// <summary>Easter Sunday (Gregorian calendar; anonymous algorithm of Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The same day when it is a Monday, otherwise the next Monday.</summary>
    public static DateOnly NextMonday(DateOnly date)
    {
        var days = ((int)DayOfWeek.Monday - (int)date.DayOfWeek + 7) % 7;
        return date.AddDays(days);
    }

    private static IReadOnlyList<Holiday> Compute(int year)
    {
        var easter = EasterSunday(year);
        var list = new List<Holiday>(18);
        list.AddRange(FixedDates.Select(d => new Holiday(new DateOnly(year, d.Month, d.Day), d.Es, d.En, HolidayRule.Fixed)));
        list.AddRange(MondayDates.Select(d => new Holiday(NextMonday(new DateOnly(year, d.Month, d.Day)), d.Es, d.En, HolidayRule.MovedToMonday)));
        list.AddRange(EasterDates.Select(d => d.ToMonday
            ? new Holiday(NextMonday(easter.AddDays(d.DaysFromEaster)), d.Es, d.En, HolidayRule.EasterMovedToMonday)
            : new Holiday(easter.AddDays(d.DaysFromEaster), d.Es, d.En, HolidayRule.Easter)));
        return list.OrderBy(h => h.Date).ToArray();
    }
}
