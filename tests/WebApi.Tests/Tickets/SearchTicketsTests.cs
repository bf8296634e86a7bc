using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets;

/// <summary>Filters, sorting and paging totals of the desk's search, checked against data created here (own host).</summary>
public sealed class SearchTicketsTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public SearchTicketsTests(MesaApiFactory factory) => _factory = factory;

    private static async Task<(int Total, List<int> Ids)> SearchAsync(TestUser user, string query)
    {
        var page = await (await (await user.Client.GetAsync($"/api/v1/tickets?{query}")).EnsureSuccessAsync()).JsonAsync();
        return (page.GetProperty("total").GetInt32(), page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList());
    }

    public static TheoryData<string, int[]> Filters() => new()
    {
        // Indexes into the seeded tickets (0-based), newest first unless sorted otherwise.
        { "status=New", [3, 1, 0] },
        { "status=InProgress&status=Solved", [4, 2] },
        { "status=5", [4] },
        { "type=Request", [3, 1] },
        { "urgency=High", [0] },
        { "priority=VeryHigh", [2] },
        { "categoryId=31", [1] },
        { "categoryId=30", [1] }, // "Cuentas y accesos" includes its subcategory "Correo institucional"
        { "categoryId=1", [] },
        { "assignedTechnicianId={tech}", [4, 2] },
        { "unassigned=true", [3, 1, 0] },
        { "requesterId={beto}", [4, 3] },
        { "department=biblio", [2, 1, 0] },
        { "department=TESORERIA", [4, 3] }, // any case, without the accent
        { "department=ería", [4, 3] },
        { "department=contabilidad", [] },
        { "observerId={olga}", [3] },
        { "text=ATASCADA", [2] },
        { "text=bloque B", [4, 2, 1, 0] },
        { "text=inalámbrica", [3] },
        { "text=INALAMBRICA", [3] }, // any case, with or without accents
        { "text=INALÁMBRICA", [3] },
        { "text=Inalambrica", [3] },
        { "text=impreso", [4, 2, 1, 0] }, // a word matches its beginning (the default description names the printer)
        { "text=IMPRIM", [0] }, // "imprime"
        { "text=atascada IMPRESORA", [2] }, // several words: all of them, in any order
        { "text=impresora wifi", [] },
        { "text=SENAL red", [3] }, // "señal" without its ñ
        { "text=\"atascada\"", [2] },
        { "text=atasc*", [2] },
        { "text=impresora -color", [2] }, // "-" separates words: it never excludes one, "color" is required
        { "text=***", [] },
        { "text=impresora&status=New", [1, 0] },
        { "text=impresora&sort=-title", [0, 2, 4, 1] },
        { "text=b&sort=-id", [4, 2, 1, 0] }, // one letter: every ticket with a word starting with it ("bloque B"; not the wifi one)
        { "type=Incident&urgency=VeryHigh", [2] },
        { "sort=id", [0, 1, 2, 3, 4] },
        { "sort=-priority", [2, 0, 4, 3, 1] },
        { "sort=title", [1, 4, 2, 0, 3] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Search_FiltersAndSorts_AsExpected(string query, int[] expected)
    {
        var data = await TicketSearchData.SeedAsync(_factory);
        query = query.Replace("{tech}", data.Tech.Id.ToString()).Replace("{beto}", data.Beto.Id.ToString()).Replace("{olga}", data.Observer.Id.ToString());

        var (total, ids) = await SearchAsync(data.Tech, query);

        Assert.Equal(expected.Select(i => data.Ids[i]), ids);
        Assert.Equal(expected.Length, total);
    }

    [Fact]
    public async Task Search_ByCreationDates_IncludesTheRange()
    {
        var data = await TicketSearchData.SeedAsync(_factory);
        var first = await TicketApi.GetAsync(data.Tech, data.Ids[1]);
        var from = Uri.EscapeDataString(first.GetProperty("createdAt").GetDateTimeOffset().ToString("O"));

        var (total, ids) = await SearchAsync(data.Tech, $"createdFrom={from}&sort=id");

        Assert.Equal(data.Ids[1..], ids);
        Assert.Equal(4, total);
    }

    [Fact]
    public async Task Search_Pages_KeepTheTotal()
    {
        var data = await TicketSearchData.SeedAsync(_factory);

        var page1 = await (await data.Tech.Client.GetAsync("/api/v1/tickets?sort=id&page=1&pageSize=2")).JsonAsync();
        var page3 = await (await data.Tech.Client.GetAsync("/api/v1/tickets?sort=id&page=3&pageSize=2")).JsonAsync();

        Assert.Equal(5, page1.GetProperty("total").GetInt32());
        Assert.Equal(3, page1.GetProperty("totalPages").GetInt32());
        Assert.Equal(data.Ids[..2], page1.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        Assert.Equal([data.Ids[4]], page3.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("sort=color", "sort")]
    [InlineData("urgency=Altisima", "urgency")]
    [InlineData("status=New&status=Abierto", "status")]
    [InlineData("requesterId=xyz", "requesterId")]
    [InlineData("createdFrom=ayer", "createdFrom")]
    [InlineData("createdFrom=2026-03-10T00:00:00Z&createdTo=2026-03-01T00:00:00Z", "createdTo")]
    public async Task Search_WithBadParameters_Returns400NamingTheField(string query, string field)
    {
        var data = await TicketSearchData.SeedAsync(_factory);

        var response = await data.Tech.Client.GetAsync($"/api/v1/tickets?{query}");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
