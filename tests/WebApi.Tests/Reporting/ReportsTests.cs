using System.Net;
using System.Text;
using System.Text.Json;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Reporting;

/// <summary>
/// Counts, trend, most frequent problems and the export over <see cref="ReportingData"/>: every expected figure
/// below is counted by hand from that table, not by running the same query.
/// </summary>
public sealed class ReportsTests(ReportingData data) : IClassFixture<ReportingData>
{
    private const string March = "from=2026-03-01&to=2026-03-31";

    private async Task<JsonElement> GetAsync(string url, TestUser? user = null)
    {
        var response = await (user ?? data.Technician).Client.GetAsync(url);
        return await (await response.EnsureSuccessAsync()).JsonAsync();
    }

    private static Dictionary<string, int> Counts(JsonElement report) =>
        report.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("count").GetInt32());

    public static TheoryData<string, string> ByDimension() => new()
    {
        { "type", "Incident=3;Request=2" },
        { "urgency", "VeryLow=0;Low=1;Medium=2;High=1;VeryHigh=1" },
        { "priority", "VeryLow=0;Low=1;Medium=2;High=2;VeryHigh=0" }, // impact Medium: VeryHigh urgency → High priority (the matrix)
        { "status", "New=3;InProgress=1;Pending=0;Solved=1;Closed=0" },
        { "source", "Portal=4;Phone=1;Email=0" },
        { "department", "Tesorería=3;Biblioteca=2" },
        { "category", "3=2;31=1;21=1;=1" },
    };

    [Theory]
    [MemberData(nameof(ByDimension))]
    public async Task Counts_ByEachDimension_MatchTheHandCount(string by, string expected)
    {
        var report = await GetAsync($"/api/v1/reports/tickets/counts?by={by}&{March}");

        var rows = report.GetProperty("rows").EnumerateArray().Select(r => $"{r.GetProperty("key").GetString()}={r.GetProperty("count").GetInt32()}");
        Assert.Equal(expected, string.Join(';', rows));
        Assert.Equal(5, report.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Counts_ByCategory_NameThePathAndTheUncategorised()
    {
        var report = await GetAsync($"/api/v1/reports/tickets/counts?by=category&{March}");

        var labels = report.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("label").GetString()).ToList();
        Assert.Equal(["Hardware › Impresoras y escáneres", "Cuentas y accesos › Correo institucional", "Redes e internet › Wi-Fi", "Sin categoría"], labels);
        Assert.Equal(40.0, report.GetProperty("rows")[0].GetProperty("share").GetDouble());
    }

    [Fact]
    public async Task Counts_ByTechnician_NameHimAndTheUnassigned()
    {
        var report = await GetAsync($"/api/v1/reports/tickets/counts?by=technician&{March}");

        var rows = report.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("key").GetString(), r.GetProperty("label").GetString(), r.GetProperty("count").GetInt32())).ToList();
        Assert.Equal([(string.Empty, "Sin asignar", 3), (data.TeoId.ToString().ToUpperInvariant(), "Teo Técnico", 2)], rows.Select(r => (r.Item1!.ToUpperInvariant(), r.Item2, r.Item3)).ToList());
    }

    public static TheoryData<string, int> Filters() => new()
    {
        { "type=Request", 2 },
        { "type=incident", 3 },
        { "categoryId=1", 2 },   // Hardware: #4 and #7 are filed under its subcategory "Impresoras y escáneres"
        { "categoryId=3", 2 },
        { "categoryId=30", 1 },  // Cuentas y accesos › Correo institucional: #3
        { "categoryId=40", 0 },
        { "department=BIBLIOTECA", 2 },
        { "department=Tesorería", 3 },
        { "source=Phone", 1 },
        { "source=Email", 0 },
        { "technicianId={teo}", 2 },
        { "type=Incident&categoryId=1&department=tesorería", 1 },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Counts_WithFilters_CountOnlyTheMatchingTickets(string filter, int expected)
    {
        var report = await GetAsync($"/api/v1/reports/tickets/counts?by=type&{March}&{filter.Replace("{teo}", data.TeoId.ToString())}");

        Assert.Equal(expected, report.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("2026-03-01", "2026-03-01", 1)] // #3 at 00:10; #2 (23:30 on Feb 28 in Bogotá, already March 1st in UTC) is not in it
    [InlineData("2026-02-28", "2026-02-28", 1)] // #2
    [InlineData("2026-03-31", "2026-03-31", 1)] // #7 at 23:30 on the 31st in Bogotá (April 1st in UTC)
    [InlineData("2026-04-01", "2026-04-01", 1)] // #8 only
    [InlineData("2026-02-01", "2026-04-30", 8)]
    public async Task Period_DayBoundaries_AreBogotaDays(string from, string to, int expected)
    {
        var report = await GetAsync($"/api/v1/reports/tickets/counts?from={from}&to={to}");

        Assert.Equal(expected, report.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Trend_PerDay_ListsEveryDay_AndPutsTheLateTicketOnThe31st()
    {
        var report = await GetAsync($"/api/v1/reports/tickets/trend?granularity=day&{March}");

        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(31, rows.Count);
        var opened = rows.Where(r => r.GetProperty("opened").GetInt32() > 0).Select(r => r.GetProperty("periodStart").GetString()).ToList();
        Assert.Equal(["2026-03-01", "2026-03-04", "2026-03-10", "2026-03-16", "2026-03-31"], opened);
        var solved = rows.Where(r => r.GetProperty("solved").GetInt32() > 0).Select(r => r.GetProperty("periodStart").GetString()).ToList();
        Assert.Equal(["2026-03-05"], solved);
        Assert.Equal(5, report.GetProperty("opened").GetInt32());
        Assert.Equal(1, report.GetProperty("solved").GetInt32());
    }

    [Fact]
    public async Task Trend_PerWeek_StartsOnMonday()
    {
        var report = await GetAsync($"/api/v1/reports/tickets/trend?granularity=week&{March}");

        var rows = report.GetProperty("rows").EnumerateArray().Select(r => $"{r.GetProperty("periodStart").GetString()}:{r.GetProperty("opened").GetInt32()}/{r.GetProperty("solved").GetInt32()}");
        // March 1st 2026 is a Sunday: its week starts on Monday February 23rd.
        Assert.Equal("2026-02-23:1/0;2026-03-02:1/1;2026-03-09:1/0;2026-03-16:1/0;2026-03-23:0/0;2026-03-30:1/0", string.Join(';', rows));
    }

    [Fact]
    public async Task Trend_PerMonth_SplitsFebruaryMarchAndApril()
    {
        var report = await GetAsync("/api/v1/reports/tickets/trend?granularity=month&from=2026-02-01&to=2026-04-30");

        var rows = report.GetProperty("rows").EnumerateArray().Select(r => $"{r.GetProperty("periodStart").GetString()}:{r.GetProperty("opened").GetInt32()}");
        Assert.Equal("2026-02-01:2;2026-03-01:5;2026-04-01:1", string.Join(';', rows));
    }

    [Fact]
    public async Task TopProblems_RankCategoriesAndTerms_AgainstThePreviousPeriod()
    {
        var report = await GetAsync($"/api/v1/reports/problems/top?top=3&{March}");

        // The previous period of equal length (31 days) ends on February 28th.
        Assert.Equal("2026-01-29", report.GetProperty("previousFrom").GetString());
        Assert.Equal("2026-02-28", report.GetProperty("previousTo").GetString());
        Assert.Equal(2, report.GetProperty("previousTotal").GetInt32());
        var categories = report.GetProperty("categories").EnumerateArray().Select(Row).ToList();
        Assert.Equal(["3|2|1|100", "31|1|0|null", "21|1|0|null"], categories);
        var terms = report.GetProperty("terms").EnumerateArray().Select(Row).ToList();
        Assert.Equal(["impresora|3|2|50", "correo|1|0|null", "crear|1|0|null"], terms);
    }

    [Fact]
    public async Task TopProblems_Terms_AreFoldedAndWithoutStopWords()
    {
        var report = await GetAsync($"/api/v1/reports/problems/top?top=50&{March}");

        var terms = report.GetProperty("terms").EnumerateArray().Select(Row).ToList();
        Assert.Equal(
            ["impresora|3|2|50", "correo|1|0|null", "crear|1|0|null", "cuenta|1|0|null", "enciende|1|0|null", "equipo|1|0|null", "imprime|1|1|0", "tesoreria|1|0|null", "toner|1|0|null", "wifi|1|0|null"],
            terms);
    }

    private static string Row(JsonElement row)
    {
        var change = row.GetProperty("changePercent");
        return $"{row.GetProperty("key").GetString()}|{row.GetProperty("count").GetInt32()}|{row.GetProperty("previousCount").GetInt32()}|{(change.ValueKind == JsonValueKind.Null ? "null" : change.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture))}";
    }

    [Fact]
    public async Task Csv_HasBom_AndSpanishHeaders_ByDefault()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/tickets/counts?by=urgency&{March}");
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await data.Technician.Client.SendAsync(request);

        await response.EnsureSuccessAsync();
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Clave,Valor,Tickets,Porcentaje", lines[0]);
        Assert.Equal(["VeryLow,Muy baja,0,0.0", "Low,Baja,1,20.0", "Medium,Media,2,40.0", "High,Alta,1,20.0", "VeryHigh,Muy alta,1,20.0"], lines[1..]);
    }

    [Fact]
    public async Task Csv_HeadersInEnglish_WithAcceptLanguageEn()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/tickets/trend?granularity=month&{March}");
        request.Headers.Accept.ParseAdd("text/csv");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var response = await data.Technician.Client.SendAsync(request);

        var text = Encoding.UTF8.GetString((await (await response.EnsureSuccessAsync()).Content.ReadAsByteArrayAsync())[3..]);
        Assert.Equal("From,Opened,Solved\r\n2026-03-01,5,1\r\n", text);
    }

    [Fact]
    public async Task TopProblems_Csv_ListsCategoriesThenTerms()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/problems/top?top=1&{March}");
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await data.Technician.Client.SendAsync(request);

        var text = Encoding.UTF8.GetString((await (await response.EnsureSuccessAsync()).Content.ReadAsByteArrayAsync())[3..]);
        Assert.Equal(
            "Tipo de problema,Clave,Valor,Tickets,Periodo anterior,Cambio (%)\r\nCategoría,3,Hardware › Impresoras y escáneres,2,1,100.0\r\nTérmino,impresora,impresora,3,2,50.0\r\n",
            text);
    }

    [Fact]
    public async Task Export_ListsThePeriodsTickets_WithLocalDates()
    {
        var response = await data.Admin.Client.GetAsync($"/api/v1/reports/tickets/export?{March}&categoryId=1");

        var bytes = await (await response.EnsureSuccessAsync()).Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Número,Creado,Título,Tipo,Estado,Urgencia,Prioridad,Origen,Categoría,Solicitante,Dependencia,Técnico,Primera atención,Solucionado,Cerrado", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Equal($"{data.Ids[3]},2026-03-04 09:00,La impresora no imprime,Incidente,Solucionado,Alta,Alta,Portal,Impresoras y escáneres,Ana,Biblioteca,Teo Técnico,2026-03-04 10:00,2026-03-05 10:00,", lines[1]);
        Assert.Equal($"{data.Ids[6]},2026-03-31 23:30,\"Equipo no enciende, ni la impresora\",Incidente,Nuevo,Media,Media,Portal,Impresoras y escáneres,Beto,Tesorería,,,,", lines[2]);
    }

    [Theory]
    [InlineData("/api/v1/reports/tickets/counts")]
    [InlineData("/api/v1/reports/tickets/trend")]
    [InlineData("/api/v1/reports/problems/top")]
    [InlineData("/api/v1/reports/tickets/export")]
    public async Task Reports_AreForbiddenToRequesters_AndNeedSignIn(string url)
    {
        var asRequester = await data.Requester.Client.GetAsync(url);
        var anonymous = await data.Factory.Anonymous().GetAsync(url);

        await asRequester.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Reports_AreOpenToAdministrators()
    {
        var report = await GetAsync($"/api/v1/reports/tickets/counts?by=source&{March}", data.Admin);

        Assert.Equal(5, report.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/reports/tickets/counts?from=2026-13-01", "from")]
    [InlineData("/api/v1/reports/tickets/counts?from=2026-03-10&to=2026-03-01", "to")]
    [InlineData("/api/v1/reports/tickets/counts?from=2024-01-01&to=2026-03-01", "to")]
    [InlineData("/api/v1/reports/tickets/counts?by=colour", "by")]
    [InlineData("/api/v1/reports/tickets/counts?type=Problem", "type")]
    [InlineData("/api/v1/reports/tickets/counts?source=Fax", "source")]
    [InlineData("/api/v1/reports/tickets/counts?categoryId=999", "categoryId")]
    [InlineData("/api/v1/reports/tickets/counts?technicianId=nobody", "technicianId")]
    [InlineData("/api/v1/reports/tickets/trend?granularity=year", "granularity")]
    [InlineData("/api/v1/reports/problems/top?top=0", "top")]
    [InlineData("/api/v1/reports/problems/top?top=many", "top")]
    [InlineData("/api/v1/reports/tickets/export?to=31/03/2026", "to")]
    public async Task BadInput_IsAProblemNamingTheField(string url, string field)
    {
        var response = await data.Technician.Client.GetAsync(url);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task BadInput_SpeaksEnglish_WhenAsked()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports/tickets/counts?from=2026-03-10&to=2026-03-01");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var response = await data.Technician.Client.SendAsync(request);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("The end date (to) cannot be before the start date (from).", problem.GetProperty("errors").GetProperty("to")[0].GetString());
    }
}
