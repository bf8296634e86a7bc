using System.Net;
using System.Text;
using System.Text.Json;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Reporting;

/// <summary>
/// Times, service-level compliance, backlog and workload over <see cref="ReportingData"/>, with the business time
/// worked out by hand from the default calendar (Mon–Fri 07:00–17:00 in Bogotá; March 23rd, April 2nd and 3rd are holidays).
/// </summary>
public sealed class ServiceReportsTests(ReportingData data) : IClassFixture<ReportingData>
{
    private const string March = "from=2026-03-01&to=2026-03-31";

    private async Task<JsonElement> GetAsync(string url)
    {
        var response = await data.Technician.Client.GetAsync(url);
        return await (await response.EnsureSuccessAsync()).JsonAsync();
    }

    private static string Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? "-" : value.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string TimeRow(JsonElement r) =>
        $"{r.GetProperty("key").GetString()}:{r.GetProperty("tickets").GetInt32()}/{r.GetProperty("owned").GetInt32()}/{r.GetProperty("solved").GetInt32()}"
        + $" own {Number(r.GetProperty("ownP50"))},{Number(r.GetProperty("ownP90"))} resolve {Number(r.GetProperty("resolveP50"))},{Number(r.GetProperty("resolveP90"))}";

    [Fact]
    public async Task Times_ByUrgency_InBusinessMinutes()
    {
        var report = await GetAsync($"/api/v1/reports/times?{March}");

        // #4 (High): opened Wed 4th 09:00, owned 10:00 (60 min), solved Thu 5th 10:00 = 480 + 180 = 660 business minutes.
        // #5 (VeryHigh): opened Tue 10th 14:00, owned 15:00 (60 min), not solved.
        var rows = report.GetProperty("byUrgency").EnumerateArray().Select(TimeRow).ToList();
        Assert.Equal(
            [
                "VeryLow:0/0/0 own -,- resolve -,-",
                "Low:1/0/0 own -,- resolve -,-",
                "Medium:2/0/0 own -,- resolve -,-",
                "High:1/1/1 own 60,60 resolve 660,660",
                "VeryHigh:1/1/0 own 60,60 resolve -,-",
            ],
            rows);
    }

    [Fact]
    public async Task Times_ByTechnician_UnassignedFirstWhenBusiest()
    {
        var report = await GetAsync($"/api/v1/reports/times?{March}");

        var rows = report.GetProperty("byTechnician").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(("", "Sin asignar", ":3/0/0 own -,- resolve -,-"), (rows[0].GetProperty("key").GetString(), rows[0].GetProperty("label").GetString(), TimeRow(rows[0])));
        Assert.Equal(data.TeoId, Guid.Parse(rows[1].GetProperty("key").GetString()!));
        Assert.Equal("Teo Técnico", rows[1].GetProperty("label").GetString());
        Assert.EndsWith(":2/2/1 own 60,60 resolve 660,660", TimeRow(rows[1]));
    }

    [Fact]
    public async Task ServiceLevels_MetMissedAndCompliance_PerUrgency()
    {
        var report = await GetAsync($"/api/v1/reports/service-levels?{March}");

        // #4 met both targets; #3, #5, #6 and #7 are past a target with nobody owning them (or unsolved past it) now.
        Assert.Equal((1, 4, 0, 20.0), (report.GetProperty("met").GetInt32(), report.GetProperty("missed").GetInt32(), report.GetProperty("running").GetInt32(), report.GetProperty("compliancePercent").GetDouble()));
        var rows = report.GetProperty("byUrgency").EnumerateArray()
            .Select(r => $"{r.GetProperty("key").GetString()}:{r.GetProperty("met").GetInt32()}/{r.GetProperty("missed").GetInt32()}/{r.GetProperty("running").GetInt32()}={Number(r.GetProperty("compliancePercent"))}");
        Assert.Equal("VeryLow:0/0/0=-;Low:0/1/0=0;Medium:0/2/0=0;High:1/0/0=100;VeryHigh:0/1/0=0", string.Join(';', rows));
    }

    [Theory]
    [InlineData("", 7, "2,0,0,5")]                      // #7 and #8: 1 day 300 min (April 1st, then the holidays); the rest over 10 days
    [InlineData("department=Biblioteca", 4, "1,0,0,3")] // #1, #2, #6, #8
    [InlineData("technicianId={teo}", 1, "0,0,0,1")]    // #5
    [InlineData("type=Request", 2, "0,0,0,2")]          // #3, #6
    public async Task Backlog_ByBusinessDaysOfAge(string filter, int total, string buckets)
    {
        var report = await GetAsync($"/api/v1/reports/backlog?{filter.Replace("{teo}", data.TeoId.ToString())}");

        Assert.Equal(total, report.GetProperty("total").GetInt32());
        Assert.Equal(buckets, string.Join(',', report.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("count").GetInt32())));
        Assert.Equal(["UpTo2", "From3To5", "From6To10", "Over10"], report.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("bucket").GetString()).ToList());
    }

    [Fact]
    public async Task Workload_ListsEveryTechnician_BusiestFirst()
    {
        var report = await GetAsync($"/api/v1/reports/workload?{March}");

        var rows = report.GetProperty("rows").EnumerateArray()
            .Select(r => $"{r.GetProperty("name").GetString()}:{r.GetProperty("open").GetInt32()}/{r.GetProperty("solvedInPeriod").GetInt32()}/{Number(r.GetProperty("medianResolveMinutes"))}");
        Assert.Equal("Teo Técnico:1/1/660;Ula Técnica:0/0/-", string.Join(';', rows));
    }

    [Fact]
    public async Task Backlog_Csv_InEnglish()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports/backlog");
        request.Headers.Accept.ParseAdd("text/csv");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var response = await data.Technician.Client.SendAsync(request);

        var bytes = await (await response.EnsureSuccessAsync()).Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(
            "Key,Age,Tickets\r\nUpTo2,0 to 2 business days,2\r\nFrom3To5,3 to 5 business days,0\r\nFrom6To10,6 to 10 business days,0\r\nOver10,More than 10 business days,5\r\n",
            Encoding.UTF8.GetString(bytes[3..]));
    }

    [Theory]
    [InlineData("/api/v1/reports/times")]
    [InlineData("/api/v1/reports/service-levels")]
    [InlineData("/api/v1/reports/backlog")]
    [InlineData("/api/v1/reports/workload")]
    public async Task ServiceReports_AreForbiddenToRequesters(string url)
    {
        var response = await data.Requester.Client.GetAsync(url);

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }
}
