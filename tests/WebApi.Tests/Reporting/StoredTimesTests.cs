using System.Globalization;
using System.Text.Json;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.WebApi.Tests.Reporting;

/// <summary>
/// The business times a ticket stores when it is owned and solved (read by the times and workload reports instead of
/// walking the calendar per ticket), over <see cref="ReportingData"/>: #4 owned after 60 business minutes and solved
/// after 660; #5 owned after 60, not solved; the others never owned.
/// </summary>
public sealed class StoredTimesTests(ReportingData data) : IClassFixture<ReportingData>
{
    private const string March = "from=2026-03-01&to=2026-03-31";

    private async Task<JsonElement> GetAsync(string url)
    {
        var response = await data.Technician.Client.GetAsync(url);
        return await (await response.EnsureSuccessAsync()).JsonAsync();
    }

    private async Task<string> HighTimesAsync()
    {
        var report = await GetAsync($"/api/v1/reports/times?{March}");
        var high = report.GetProperty("byUrgency").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "High");
        return FormattableString.Invariant($"own {high.GetProperty("ownP50").GetDouble()} resolve {high.GetProperty("resolveP50").GetDouble()}");
    }

    private async Task<string> TeoWorkloadAsync()
    {
        var report = await GetAsync($"/api/v1/reports/workload?{March}");
        var teo = report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Teo Técnico");
        return FormattableString.Invariant($"{teo.GetProperty("solvedInPeriod").GetInt32()}/{teo.GetProperty("medianResolveMinutes").GetDouble()}");
    }

    [Fact]
    public async Task TimesAreStoredWhenOwnedAndSolved_ReportsReadThem_AndMeasureTicketsStoredWithout()
    {
        var stored = await data.Factory.WithDbAsync(db => db.Tickets.AsNoTracking()
            .OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.OwnBusinessMinutes, t.ResolveBusinessMinutes })
            .ToListAsync());
        Assert.Equal(
            data.Ids.Select((id, i) => i switch { 3 => $"{id}:60/660", 4 => $"{id}:60/-", _ => $"{id}:-/-" }),
            stored.Select(t => $"{t.Id}:{t.OwnBusinessMinutes?.ToString(CultureInfo.InvariantCulture) ?? "-"}/{t.ResolveBusinessMinutes?.ToString(CultureInfo.InvariantCulture) ?? "-"}"));
        Assert.Equal("own 60 resolve 660", await HighTimesAsync());
        Assert.Equal("1/660", await TeoWorkloadAsync());

        // Tickets stored before the times were kept (NULL) are measured on the calendar: the same figures.
        await data.Factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"Tickets\" SET \"OwnBusinessMinutes\" = NULL, \"ResolveBusinessMinutes\" = NULL"));
        Assert.Equal("own 60 resolve 660", await HighTimesAsync());
        Assert.Equal("1/660", await TeoWorkloadAsync());

        // A stored figure is what the reports read (no walk of the calendar for it).
        var fourth = data.Ids[3];
        await data.Factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"Tickets\" SET \"OwnBusinessMinutes\" = 61, \"ResolveBusinessMinutes\" = 659 WHERE \"Id\" = {fourth}"));
        Assert.Equal("own 61 resolve 659", await HighTimesAsync());
        Assert.Equal("1/659", await TeoWorkloadAsync());
    }
}
