using MesaServicios.Domain.Reporting;
using MesaServicios.Domain.ServiceLevels;

namespace MesaServicios.Domain.Tests.Reporting;

public sealed class ReportPeriodTests
{
    private static readonly TimeZoneInfo Bogota = BusinessCalendar.FindZone("America/Bogota");

    [Fact]
    public void Bounds_AreLocalMidnights_LastDayIncluded()
    {
        var period = ReportPeriod.Of(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), Bogota);

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 5, 0, 0, TimeSpan.Zero), period.Start.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 5, 0, 0, TimeSpan.Zero), period.End.ToUniversalTime());
        Assert.Equal(31, period.Days);
    }

    [Theory]
    [InlineData(2026, 3, 1, 2026, 3, 31, 2026, 1, 29, 2026, 2, 28)] // 31 days back from March
    [InlineData(2026, 3, 10, 2026, 3, 10, 2026, 3, 9, 2026, 3, 9)] // one day: the day before
    [InlineData(2026, 1, 1, 2026, 12, 31, 2025, 1, 1, 2025, 12, 31)] // a year of 365 days
    public void Previous_HasEqualLength_AndEndsTheDayBefore(int fy, int fm, int fd, int ty, int tm, int td, int pfy, int pfm, int pfd, int pty, int ptm, int ptd)
    {
        var previous = ReportPeriod.Of(new DateOnly(fy, fm, fd), new DateOnly(ty, tm, td), Bogota).Previous();

        Assert.Equal(new DateOnly(pfy, pfm, pfd), previous.From);
        Assert.Equal(new DateOnly(pty, ptm, ptd), previous.To);
    }

    [Theory]
    [InlineData("2026-03-01", TrendGranularity.Day, "2026-03-01")]
    [InlineData("2026-03-01", TrendGranularity.Week, "2026-02-23")] // a Sunday belongs to the week from the Monday before
    [InlineData("2026-03-02", TrendGranularity.Week, "2026-03-02")]
    [InlineData("2026-03-08", TrendGranularity.Week, "2026-03-02")]
    [InlineData("2026-03-31", TrendGranularity.Month, "2026-03-01")]
    [InlineData("2026-12-31", TrendGranularity.Month, "2026-12-01")]
    public void BucketOf_FindsTheFirstDayOfItsBucket(string day, TrendGranularity granularity, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ReportPeriod.BucketOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), granularity));
    }

    [Fact]
    public void Buckets_CoverThePeriod_InOrder()
    {
        var period = ReportPeriod.Of(new DateOnly(2026, 1, 15), new DateOnly(2026, 3, 2), Bogota);

        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1)], period.Buckets(TrendGranularity.Month));
        Assert.Equal(47, period.Buckets(TrendGranularity.Day).Count);
        Assert.Equal(new DateOnly(2026, 1, 12), period.Buckets(TrendGranularity.Week)[0]);
        Assert.Equal(new DateOnly(2026, 3, 2), period.Buckets(TrendGranularity.Week)[^1]);
    }

    [Fact]
    public void LocalDay_OfALateEveningTicket_IsTheBogotaDay()
    {
        var period = ReportPeriod.Of(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), Bogota);

        Assert.Equal(new DateOnly(2026, 3, 31), period.LocalDay(new DateTimeOffset(2026, 4, 1, 4, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Month_IsTheCalendarMonth()
    {
        var month = ReportPeriod.Month(new DateOnly(2024, 2, 10), Bogota);

        Assert.Equal((new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 29)), (month.From, month.To));
    }

    [Fact]
    public void Of_RefusesAnEndBeforeTheStart() =>
        Assert.Throws<ArgumentException>(() => ReportPeriod.Of(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 1), Bogota));
}

public sealed class TitleTermsTests
{
    [Theory]
    [InlineData("La impresora no imprime", "impresora|imprime")]
    [InlineData("IMPRESIÓN de certificados", "impresion|certificados")]
    [InlineData("Sin wifi en la Tesorería", "wifi|tesoreria")]
    [InlineData("Impresora, impresora y más impresora", "impresora")] // once per title
    [InlineData("Error 404 en el portal", "error|portal")] // numbers and short words out
    [InlineData("Por favor ayuda con el correo", "correo")] // stop words and filler out
    [InlineData("", "")]
    public void Of_FoldsSplitsAndDropsStopWords(string title, string expected)
    {
        Assert.Equal(expected, string.Join('|', TitleTerms.Of(title)));
    }

    [Fact]
    public void Count_CountsTitlesPerTerm()
    {
        var counts = TitleTerms.Count(["Impresora atascada", "IMPRESORA sin tóner", "Sin tóner"]);

        Assert.Equal(2, counts["impresora"]);
        Assert.Equal(2, counts["toner"]);
        Assert.Equal(1, counts["atascada"]);
        Assert.False(counts.ContainsKey("sin"));
    }

    [Theory]
    [InlineData(3, 2, 50.0)]
    [InlineData(1, 1, 0.0)]
    [InlineData(1, 3, -66.7)]
    [InlineData(0, 4, -100.0)]
    public void Change_IsAPercentOfThePrevious(int current, int previous, double expected) =>
        Assert.Equal(expected, Change.Percent(current, previous));

    [Fact]
    public void Change_WithoutAPrevious_IsUnknown() => Assert.Null(Change.Percent(5, 0));
}

public sealed class ServiceTimesTests
{
    [Theory]
    [InlineData(new double[] { 10 }, 50, 10)]
    [InlineData(new double[] { 40, 10, 30, 20 }, 50, 20)] // rank ceil(0.5·4) = 2 → 20
    [InlineData(new double[] { 40, 10, 30, 20 }, 90, 40)] // rank ceil(0.9·4) = 4 → 40
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 90, 9)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 50, 5)]
    public void Percentile_IsTheNearestRank(double[] values, int percent, double expected)
    {
        Assert.Equal(expected, Percentile.Of(values, percent));
        Assert.Equal(expected, Percentile.OfSorted(values.Order().ToArray(), percent));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(1001)]
    public void PercentileSelect_GivesTheSortedNearestRanks(int count)
    {
        var random = new Random(count);
        // Ties (values rounded to tenths) and duplicates included, as business minutes have.
        var values = Enumerable.Range(0, count).Select(_ => Math.Round(random.NextDouble() * 50, 1)).ToArray();
        var sorted = values.Order().ToArray();

        var selected = Percentile.Select(values.ToArray(), 50, 90, 1, 100);

        Assert.Equal([Percentile.OfSorted(sorted, 50), Percentile.OfSorted(sorted, 90), Percentile.OfSorted(sorted, 1), Percentile.OfSorted(sorted, 100)], selected);
        Assert.Equal([null, null], Percentile.Select([], 50, 90));
    }

    [Fact]
    public void Percentile_OfNothing_IsUnknown()
    {
        Assert.Null(Percentile.Of([], 50));
        Assert.Null(Percentile.OfSorted([], 50));
    }

    [Theory]
    [InlineData(0, AgeBucket.UpTo2)]
    [InlineData(2 * 600 + 599, AgeBucket.UpTo2)] // 2 days and 599 minutes: still 2 whole days
    [InlineData(3 * 600, AgeBucket.From3To5)]
    [InlineData(5 * 600 + 599, AgeBucket.From3To5)]
    [InlineData(6 * 600, AgeBucket.From6To10)]
    [InlineData(10 * 600 + 599, AgeBucket.From6To10)]
    [InlineData(11 * 600, AgeBucket.Over10)]
    public void BacklogAge_BucketsWholeBusinessDays(double minutes, AgeBucket expected) =>
        Assert.Equal(expected, BacklogAge.BucketOf(minutes, 600));
}

public sealed class BusinessTimelineTests
{
    [Fact]
    public void Between_AgreesWithTheCalendar_OnManyPairs()
    {
        var calendar = MesaServicios.Domain.ServiceLevels.BusinessCalendar.Default;
        var timeline = BusinessTimeline.Over(calendar, new DateOnly(2026, 2, 1), new DateOnly(2026, 5, 31));
        var random = new Random(7);
        var start = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.FromHours(-5));
        for (var i = 0; i < 2_000; i++)
        {
            var from = start.AddMinutes(random.Next(0, 60 * 24 * 110));
            var to = from.AddMinutes(random.Next(0, 60 * 24 * 20));

            Assert.Equal(calendar.BusinessMinutesBetween(from, to), timeline.Between(from, to), 6);
        }
    }

    [Fact]
    public void Between_OutsideTheRange_AsksTheCalendar()
    {
        var calendar = MesaServicios.Domain.ServiceLevels.BusinessCalendar.Default;
        var timeline = BusinessTimeline.Over(calendar, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));
        var from = new DateTimeOffset(2026, 2, 20, 9, 0, 0, TimeSpan.FromHours(-5));
        var to = new DateTimeOffset(2026, 4, 10, 9, 0, 0, TimeSpan.FromHours(-5));

        Assert.Equal(calendar.BusinessMinutesBetween(from, to), timeline.Between(from, to), 6);
        Assert.Equal(0, timeline.Between(to, from));
    }

    [Fact]
    public void Between_SkipsNightsWeekendsAndHolidays()
    {
        var calendar = MesaServicios.Domain.ServiceLevels.BusinessCalendar.Default;
        var timeline = BusinessTimeline.Over(calendar, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 30));

        // Friday 20 March 16:00 → Tuesday 24 March 08:00: 60 min on Friday, Monday 23rd is a holiday (San José), 60 min on Tuesday.
        Assert.Equal(120, timeline.Between(new DateTimeOffset(2026, 3, 20, 16, 0, 0, TimeSpan.FromHours(-5)), new DateTimeOffset(2026, 3, 24, 8, 0, 0, TimeSpan.FromHours(-5))), 6);
    }
}
