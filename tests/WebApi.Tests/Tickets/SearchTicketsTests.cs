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

    private sealed record Data(TestUser Ana, TestUser Beto, TestUser Observer, TestUser Tech, int[] Ids);

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<MesaApiFactory, Data> Seeded = new();

    /// <summary>
    /// Ana (Biblioteca): #1 Incident High "impresora", #2 Request Low "correo", #3 Incident VeryHigh "impresora" (assigned, impact High).
    /// Beto (Tesorería): #4 Request Medium "wifi" (observed by Olga), #5 Incident Medium "proyector", solved.
    /// </summary>
    private async Task<Data> SeedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (Seeded.TryGetValue(_factory, out var existing))
            {
                return existing;
            }

            var ana = await _factory.CreateUserAsync(fullName: "Ana", department: "Biblioteca");
            var beto = await _factory.CreateUserAsync(fullName: "Beto", department: "Tesorería");
            var olga = await _factory.CreateUserAsync(fullName: "Olga");
            var tech = await _factory.CreateUserAsync(UserRole.Technician);
            var ids = new List<int>
            {
                (await TicketApi.OpenAsync(ana, "La impresora no imprime", type: "Incident", urgency: "High")).GetProperty("id").GetInt32(),
                (await TicketApi.OpenAsync(ana, "Crear cuenta de correo", type: "Request", urgency: "Low", categoryId: 31)).GetProperty("id").GetInt32(),
                (await TicketApi.OpenAsync(ana, "Impresora a color atascada", type: "Incident", urgency: "VeryHigh")).GetProperty("id").GetInt32(),
                (await TicketApi.OpenAsync(beto, "Sin wifi en tesorería", "No hay señal de la red inalámbrica en la oficina.", "Request", observers: [olga.Email])).GetProperty("id").GetInt32(),
                (await TicketApi.OpenAsync(beto, "El proyector no enciende", type: "Incident")).GetProperty("id").GetInt32(),
            };
            await TicketApi.ActAsync(tech, ids[2], "assign", new { technicianId = tech.Id });
            await TicketApi.ActAsync(tech, ids[2], "impact", new { impact = "High" });
            await TicketApi.ActAsync(tech, ids[4], "assign", new { technicianId = tech.Id });
            await TicketApi.ActAsync(tech, ids[4], "solve", new { solution = "Se cambió la lámpara." });
            var data = new Data(ana, beto, olga, tech, [.. ids]);
            Seeded[_factory] = data;
            return data;
        }
        finally
        {
            Gate.Release();
        }
    }

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
        { "assignedTechnicianId={tech}", [4, 2] },
        { "unassigned=true", [3, 1, 0] },
        { "requesterId={beto}", [4, 3] },
        { "department=biblio", [2, 1, 0] },
        { "observerId={olga}", [3] },
        { "text=ATASCADA", [2] },
        { "text=bloque B", [4, 2, 1, 0] },
        { "text=inalámbrica", [3] },
        { "type=Incident&urgency=VeryHigh", [2] },
        { "sort=id", [0, 1, 2, 3, 4] },
        { "sort=-priority", [2, 0, 4, 3, 1] },
        { "sort=title", [1, 4, 2, 0, 3] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Search_FiltersAndSorts_AsExpected(string query, int[] expected)
    {
        var data = await SeedAsync();
        query = query.Replace("{tech}", data.Tech.Id.ToString()).Replace("{beto}", data.Beto.Id.ToString()).Replace("{olga}", data.Observer.Id.ToString());

        var (total, ids) = await SearchAsync(data.Tech, query);

        Assert.Equal(expected.Select(i => data.Ids[i]), ids);
        Assert.Equal(expected.Length, total);
    }

    [Fact]
    public async Task Search_ByCreationDates_IncludesTheRange()
    {
        var data = await SeedAsync();
        var first = await TicketApi.GetAsync(data.Tech, data.Ids[1]);
        var from = Uri.EscapeDataString(first.GetProperty("createdAt").GetDateTimeOffset().ToString("O"));

        var (total, ids) = await SearchAsync(data.Tech, $"createdFrom={from}&sort=id");

        Assert.Equal(data.Ids[1..], ids);
        Assert.Equal(4, total);
    }

    [Fact]
    public async Task Search_Pages_KeepTheTotal()
    {
        var data = await SeedAsync();

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
        var data = await SeedAsync();

        var response = await data.Tech.Client.GetAsync($"/api/v1/tickets?{query}");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task MyTickets_ListsOwnAndObserved_NewestFirst_WithTotals()
    {
        var data = await SeedAsync();

        var ana = await (await (await data.Ana.Client.GetAsync("/api/v1/me/tickets?pageSize=2")).EnsureSuccessAsync()).JsonAsync();
        var olga = await (await data.Observer.Client.GetAsync("/api/v1/me/tickets")).JsonAsync();

        Assert.Equal(3, ana.GetProperty("total").GetInt32());
        Assert.Equal([data.Ids[2], data.Ids[1]], ana.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        var item = ana.GetProperty("items")[0];
        Assert.Equal($"#{data.Ids[2]}", item.GetProperty("number").GetString());
        Assert.Equal("InProgress", item.GetProperty("status").GetString());
        Assert.Equal("Incident", item.GetProperty("type").GetString());
        Assert.Equal("VeryHigh", item.GetProperty("urgency").GetString());
        Assert.Equal(JsonValueKind.String, item.GetProperty("createdAt").ValueKind);
        Assert.Equal([data.Ids[3]], olga.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task Queue_ShowsOpenTicketsUnassignedOrMine_OldestFirst()
    {
        var data = await SeedAsync();
        var otherTech = await _factory.CreateUserAsync(UserRole.Technician);

        var mine = await (await (await data.Tech.Client.GetAsync("/api/v1/tickets/queue")).EnsureSuccessAsync()).JsonAsync();
        var theirs = await (await otherTech.Client.GetAsync("/api/v1/tickets/queue")).JsonAsync();

        Assert.Equal([data.Ids[0], data.Ids[1], data.Ids[2], data.Ids[3]], mine.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        Assert.Equal([data.Ids[0], data.Ids[1], data.Ids[3]], theirs.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        Assert.Equal(3, theirs.GetProperty("total").GetInt32());
    }
}
