using System.Text.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets;

public sealed class ListMyTicketsTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public ListMyTicketsTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task MyTickets_ListsOwnAndObserved_NewestFirst_WithTotals()
    {
        var data = await TicketSearchData.SeedAsync(_factory);

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
}
