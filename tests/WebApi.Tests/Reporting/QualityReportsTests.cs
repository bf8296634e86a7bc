using System.Net;
using System.Text;
using System.Text.Json;
using MesaServicios.Application.Reporting;
using MesaServicios.Domain.Tickets;
using MesaServicios.Infrastructure.Reporting;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Reporting;

/// <summary>Rejected solutions and reopened tickets over <see cref="QualityData"/>, every figure worked out by hand there.</summary>
public sealed class QualityReportsTests(QualityData data) : IClassFixture<QualityData>
{
    private const string March = "from=2026-03-01&to=2026-03-31";

    private async Task<JsonElement> GetAsync(string url, TestUser? user = null)
    {
        var response = await (user ?? data.Technician).Client.GetAsync(url);
        return await (await response.EnsureSuccessAsync()).JsonAsync();
    }

    private static string Rate(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? "-" : value.GetDouble().ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    private string Name(Guid id) => id == data.TeoId ? "Teo" : id == data.UlaId ? "Ula" : id.ToString();

    [Fact]
    public async Task RejectedSolutions_RateOverallAndByTechnician_ForTheSolutionsProposedInThePeriod()
    {
        var report = await GetAsync($"/api/v1/reports/solutions/rejected?{March}");

        Assert.Equal((5, 2, "40.0"), (report.GetProperty("proposed").GetInt32(), report.GetProperty("rejected").GetInt32(), Rate(report.GetProperty("ratePercent"))));
        var rows = report.GetProperty("byTechnician").EnumerateArray()
            .Select(r => $"{Name(r.GetProperty("technicianId").GetGuid())}:{r.GetProperty("technician").GetString()}:{r.GetProperty("proposed").GetInt32()}/{r.GetProperty("rejected").GetInt32()}={Rate(r.GetProperty("ratePercent"))}");
        Assert.Equal(["Ula:Ula Técnica:2/2=100.0", "Teo:Teo Técnico:3/0=0.0"], rows);
    }

    [Fact]
    public async Task RejectedSolutions_ListsTheRejected_WithTheRequestersReason_MostRecentFirst()
    {
        var report = await GetAsync($"/api/v1/reports/solutions/rejected?{March}");

        var page = report.GetProperty("rejections");
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        var items = page.GetProperty("items").EnumerateArray()
            .Select(i => $"{i.GetProperty("ticketId").GetInt32()}|{i.GetProperty("title").GetString()}|{i.GetProperty("technician").GetString()}|{i.GetProperty("proposedAt").GetDateTimeOffset():u}|{i.GetProperty("rejectedAt").GetDateTimeOffset():u}|{i.GetProperty("reason").GetString()}");
        Assert.Equal(
            [
                $"{data.Ids[1]}|No recibo correos|Ula Técnica|2026-03-05 14:00:00Z|2026-04-01 04:30:00Z|Aún falla",
                $"{data.Ids[1]}|No recibo correos|Ula Técnica|2026-03-04 14:00:00Z|2026-03-04 15:00:00Z|No llegan los correos",
            ],
            items);
    }

    [Fact]
    public async Task RejectedSolutions_ArePaged()
    {
        var report = await GetAsync($"/api/v1/reports/solutions/rejected?{March}&page=2&pageSize=1");

        var page = report.GetProperty("rejections");
        Assert.Equal((2, 1, 2, 2), (page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32(), page.GetProperty("total").GetInt32(), page.GetProperty("totalPages").GetInt32()));
        Assert.Equal("No llegan los correos", Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("from=2026-02-01&to=2026-02-28", 1, 1, "100.0")] // #1's first solution (Feb 27th), rejected on March 2nd
    [InlineData("from=2026-04-01&to=2026-04-01", 1, 0, "0.0")]   // #2's third solution; its rejection at 23:30 on March 31st is not April's
    [InlineData("from=2026-03-01&to=2026-03-31&technicianId={teo}", 3, 0, "0.0")]
    [InlineData("from=2026-03-01&to=2026-03-31&categoryId=30", 2, 2, "100.0")] // Cuentas y accesos › Correo institucional
    [InlineData("from=2026-03-01&to=2026-03-31&department=tesorería", 3, 2, "66.7")] // Beto's #2 (two) and #4
    [InlineData("from=2026-05-01&to=2026-05-31", 0, 0, "-")]
    public async Task RejectedSolutions_FollowThePeriodAndFilters(string query, int proposed, int rejected, string rate)
    {
        var report = await GetAsync($"/api/v1/reports/solutions/rejected?{query.Replace("{teo}", data.TeoId.ToString())}");

        Assert.Equal((proposed, rejected, rate), (report.GetProperty("proposed").GetInt32(), report.GetProperty("rejected").GetInt32(), Rate(report.GetProperty("ratePercent"))));
    }

    [Fact]
    public async Task RejectedSolutions_Csv_IsTheWholeList_WithLocalTimes()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/solutions/rejected?{March}&pageSize=1");
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await data.Admin.Client.SendAsync(request);

        var bytes = await (await response.EnsureSuccessAsync()).Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(
            "Número,Título,Técnico,Propuesta,Rechazada,Motivo del solicitante\r\n"
            + $"{data.Ids[1]},No recibo correos,Ula Técnica,2026-03-05 09:00,2026-03-31 23:30,Aún falla\r\n"
            + $"{data.Ids[1]},No recibo correos,Ula Técnica,2026-03-04 09:00,2026-03-04 10:00,No llegan los correos\r\n",
            Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task Reopened_CountsTicketsAndReopenings_ByTechnicianAndCategory()
    {
        var report = await GetAsync($"/api/v1/reports/tickets/reopened?{March}");

        Assert.Equal((2, 3), (report.GetProperty("tickets").GetInt32(), report.GetProperty("reopenings").GetInt32()));
        var technicians = report.GetProperty("byTechnician").EnumerateArray()
            .Select(r => $"{Name(Guid.Parse(r.GetProperty("key").GetString()!))}:{r.GetProperty("label").GetString()}:{r.GetProperty("tickets").GetInt32()}/{r.GetProperty("reopenings").GetInt32()}");
        Assert.Equal(["Ula:Ula Técnica:1/2", "Teo:Teo Técnico:1/1"], technicians);
        var categories = report.GetProperty("byCategory").EnumerateArray()
            .Select(r => $"{r.GetProperty("key").GetString()}:{r.GetProperty("label").GetString()}:{r.GetProperty("tickets").GetInt32()}/{r.GetProperty("reopenings").GetInt32()}");
        Assert.Equal(["31:Cuentas y accesos › Correo institucional:1/2", "3:Hardware › Impresoras y escáneres:1/1"], categories);
        var items = report.GetProperty("items").EnumerateArray()
            .Select(i => $"{i.GetProperty("ticketId").GetInt32()}|{i.GetProperty("reopenedAt").GetDateTimeOffset():u}|{i.GetProperty("from").GetString()}|{i.GetProperty("reason").GetString()}");
        Assert.Equal(
            [
                $"{data.Ids[0]}|2026-03-02 14:00:00Z|Solved|Sigue sin imprimir",
                $"{data.Ids[1]}|2026-03-04 15:00:00Z|Solved|No llegan los correos",
                $"{data.Ids[1]}|2026-04-01 04:30:00Z|Solved|Aún falla",
            ],
            items);
    }

    [Theory]
    [InlineData("from=2026-04-01&to=2026-04-06", 0, 0)]           // 23:30 on March 31st in Bogotá is March's
    [InlineData("from=2026-03-31&to=2026-03-31", 1, 1)]
    [InlineData("from=2026-02-01&to=2026-02-28", 0, 0)]
    [InlineData("from=2026-03-01&to=2026-03-31&technicianId={teo}", 1, 1)]
    [InlineData("from=2026-03-01&to=2026-03-31&categoryId=1", 1, 1)] // Hardware and its subcategories
    [InlineData("from=2026-03-01&to=2026-03-31&department=Biblioteca", 1, 1)]
    public async Task Reopened_FollowsThePeriodInBogotaAndTheFilters(string query, int tickets, int reopenings)
    {
        var report = await GetAsync($"/api/v1/reports/tickets/reopened?{query.Replace("{teo}", data.TeoId.ToString())}");

        Assert.Equal((tickets, reopenings), (report.GetProperty("tickets").GetInt32(), report.GetProperty("reopenings").GetInt32()));
    }

    [Fact]
    public async Task Reopened_Csv_HeadersInEnglish_WithAcceptLanguageEn()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/tickets/reopened?{March}&technicianId={data.TeoId}");
        request.Headers.Accept.ParseAdd("text/csv");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var response = await data.Technician.Client.SendAsync(request);

        var text = Encoding.UTF8.GetString((await (await response.EnsureSuccessAsync()).Content.ReadAsByteArrayAsync())[3..]);
        Assert.Equal(
            "Number,Title,Technician,Category,Reopened,Previous status,Requester's reason\r\n"
            + $"{data.Ids[0]},Impresora no imprime,Teo Técnico,Hardware › Impresoras y escáneres,2026-03-02 09:00,Solved,Sigue sin imprimir\r\n",
            text);
    }

    [Theory]
    [InlineData("department=tesorería", "Ula:2/2=100.0|Teo:1/0=0.0")] // Beto's #2 (Ula, both rejected) and #4 (Teo)
    [InlineData("categoryId=1", "Teo:2/0=0.0")]                         // Hardware: #1's second solution and #4
    [InlineData("type=Incident&source=Portal", "Ula:2/2=100.0|Teo:3/0=0.0")]
    [InlineData("department=tesorería&technicianId={ula}", "Ula:2/2=100.0")]
    [InlineData("categoryId=1&technicianId={ula}", "")]
    public async Task RejectedSolutions_ByTechnician_WithTicketFilters_CountsEveryAuthor(string filters, string expected)
    {
        var report = await GetAsync($"/api/v1/reports/solutions/rejected?{March}&{filters.Replace("{ula}", data.UlaId.ToString())}");

        var rows = report.GetProperty("byTechnician").EnumerateArray()
            .Select(r => $"{Name(r.GetProperty("technicianId").GetGuid())}:{r.GetProperty("proposed").GetInt32()}/{r.GetProperty("rejected").GetInt32()}={Rate(r.GetProperty("ratePercent"))}");
        Assert.Equal(expected, string.Join('|', rows));
        Assert.Equal(report.GetProperty("rejected").GetInt32(), report.GetProperty("rejections").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Reopened_ListIsPaged_WhileTheCountsCoverTheWholePeriod()
    {
        var first = await GetAsync($"/api/v1/reports/tickets/reopened?{March}");
        var second = await GetAsync($"/api/v1/reports/tickets/reopened?{March}&page=2&pageSize=1");
        var past = await GetAsync($"/api/v1/reports/tickets/reopened?{March}&page=4&pageSize=1");

        Assert.Equal((1, 20, 3, 1, 3), Paging(first));
        Assert.Equal((2, 1, 3, 3, 1), Paging(second));
        Assert.Equal((4, 1, 3, 3, 0), Paging(past));
        var item = Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.Equal($"{data.Ids[1]}|2026-03-04 15:00:00Z|No llegan los correos", $"{item.GetProperty("ticketId").GetInt32()}|{item.GetProperty("reopenedAt").GetDateTimeOffset():u}|{item.GetProperty("reason").GetString()}");
        foreach (var report in new[] { second, past })
        {
            Assert.Equal((2, 3), (report.GetProperty("tickets").GetInt32(), report.GetProperty("reopenings").GetInt32()));
            Assert.Equal("Ula Técnica:1/2|Teo Técnico:1/1", string.Join('|', report.GetProperty("byTechnician").EnumerateArray()
                .Select(r => $"{r.GetProperty("label").GetString()}:{r.GetProperty("tickets").GetInt32()}/{r.GetProperty("reopenings").GetInt32()}")));
            Assert.Equal(2, report.GetProperty("byCategory").GetArrayLength());
        }

        static (int Page, int PageSize, int Total, int TotalPages, int Items) Paging(JsonElement r) =>
            (r.GetProperty("page").GetInt32(), r.GetProperty("pageSize").GetInt32(), r.GetProperty("total").GetInt32(), r.GetProperty("totalPages").GetInt32(), r.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Reopened_Csv_IsTheWholeList_WhateverThePage()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/tickets/reopened?{March}&page=2&pageSize=1");
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await data.Admin.Client.SendAsync(request);

        var text = Encoding.UTF8.GetString((await (await response.EnsureSuccessAsync()).Content.ReadAsByteArrayAsync())[3..]);
        Assert.Equal(
            "Número,Título,Técnico,Categoría,Reabierto,Estado anterior,Motivo del solicitante\r\n"
            + $"{data.Ids[0]},Impresora no imprime,Teo Técnico,Hardware › Impresoras y escáneres,2026-03-02 09:00,Solucionado,Sigue sin imprimir\r\n"
            + $"{data.Ids[1]},No recibo correos,Ula Técnica,Cuentas y accesos › Correo institucional,2026-03-04 10:00,Solucionado,No llegan los correos\r\n"
            + $"{data.Ids[1]},No recibo correos,Ula Técnica,Cuentas y accesos › Correo institucional,2026-03-31 23:30,Solucionado,Aún falla\r\n",
            text);
    }

    [Fact]
    public async Task Reopened_BadPage_IsAProblemWithFieldErrors()
    {
        var response = await data.Technician.Client.GetAsync($"/api/v1/reports/tickets/reopened?{March}&page=x&pageSize=y");

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("page", out _));
        Assert.True(errors.TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task OnSqlite_TheColumnStoreAnswers_AreThoseOfTheSql_ForEveryPeriodAndFilter()
    {
        await using var scope = data.Factory.Services.CreateAsyncScope();
        var columns = scope.ServiceProvider.GetRequiredService<IQualityReportingStore>();
        if (TestDatabase.IsPostgres)
        {
            // PostgreSQL answers in the shared SQL itself.
            Assert.IsType<QualityReportingStore>(columns);
            return;
        }

        Assert.IsType<SqliteQualityReportingStore>(columns);
        var sql = new QualityReportingStore(scope.ServiceProvider.GetRequiredService<PortableSql>());
        var bogota = TimeZoneInfo.FindSystemTimeZoneById("America/Bogota");
        var periods = new[] { (QualityData.At(2, 1, 0, 0), QualityData.At(3, 1, 0, 0)), (QualityData.At(3, 1, 0, 0), QualityData.At(4, 1, 0, 0)), (QualityData.At(1, 1, 0, 0), QualityData.At(5, 1, 0, 0)), (QualityData.At(3, 4, 9, 0), QualityData.At(3, 4, 9, 0).AddTicks(1)) };
        var filters = new Func<TicketSlice, TicketSlice>[]
        {
            s => s, s => s with { Type = TicketType.Incident }, s => s with { Type = TicketType.Request }, s => s with { CategoryIds = [1, 2, 3, 4] },
            s => s with { CategoryIds = [30, 31] }, s => s with { CategoryIds = [] }, s => s with { Department = "TESORERíA" }, s => s with { Department = "biblioteca" },
            s => s with { TechnicianId = data.TeoId }, s => s with { TechnicianId = data.UlaId }, s => s with { TechnicianId = Guid.NewGuid() },
            s => s with { Source = TicketSource.Portal }, s => s with { Source = TicketSource.Email }, s => s with { Department = "Tesorería", TechnicianId = data.UlaId },
        };
        var compared = 0;
        foreach (var (start, end) in periods)
        {
            foreach (var filter in filters)
            {
                var slice = filter(new TicketSlice(start, end, bogota));
                Assert.Equal(Sorted(await sql.SolutionTalliesAsync(slice, default)), Sorted(await columns.SolutionTalliesAsync(slice, default)));
                Assert.Equal(await sql.RejectedSolutionsAsync(slice, 0, null, default), await columns.RejectedSolutionsAsync(slice, 0, null, default));
                Assert.Equal(await sql.RejectedSolutionsAsync(slice, 1, 1, default), await columns.RejectedSolutionsAsync(slice, 1, 1, default));
                var (expected, actual) = (await sql.ReopeningSummaryAsync(slice, default), await columns.ReopeningSummaryAsync(slice, default));
                Assert.Equal(expected.ByTechnician.OrderBy(t => t.TechnicianId), actual.ByTechnician.OrderBy(t => t.TechnicianId));
                Assert.Equal(expected.ByCategory.OrderBy(c => c.CategoryId), actual.ByCategory.OrderBy(c => c.CategoryId));
                Assert.Equal(await sql.ReopeningsAsync(slice, 0, null, default), await columns.ReopeningsAsync(slice, 0, null, default));
                Assert.Equal(await sql.ReopeningsAsync(slice, 1, 1, default), await columns.ReopeningsAsync(slice, 1, 1, default));
                compared++;
            }
        }

        Assert.Equal(periods.Length * filters.Length, compared);

        static List<SolutionTally> Sorted(IReadOnlyList<SolutionTally> tallies) => [.. tallies.OrderBy(t => t.TechnicianId)];
    }

    [Theory]
    [InlineData("/api/v1/reports/solutions/rejected")]
    [InlineData("/api/v1/reports/tickets/reopened")]
    public async Task QualityReports_AreForbiddenToRequesters_AndNeedSignIn(string url)
    {
        var asRequester = await data.Requester.Client.GetAsync(url);
        var anonymous = await data.Factory.Anonymous().GetAsync(url);

        await asRequester.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task RejectedSolutions_BadInput_IsAProblemWithFieldErrors()
    {
        var response = await data.Technician.Client.GetAsync("/api/v1/reports/solutions/rejected?from=2026-13-01&page=x");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("from", out _));
        Assert.True(errors.TryGetProperty("page", out _));
    }
}
