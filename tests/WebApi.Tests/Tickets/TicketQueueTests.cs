using System.Text.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets;

public sealed class TicketQueueTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public TicketQueueTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task Queue_ShowsOpenTicketsUnassignedOrMine_OldestFirst()
    {
        var data = await TicketSearchData.SeedAsync(_factory);
        var otherTech = await _factory.CreateUserAsync(UserRole.Technician);

        var mine = await (await (await data.Tech.Client.GetAsync("/api/v1/tickets/queue")).EnsureSuccessAsync()).JsonAsync();
        var theirs = await (await otherTech.Client.GetAsync("/api/v1/tickets/queue")).JsonAsync();

        Assert.Equal([data.Ids[0], data.Ids[1], data.Ids[2], data.Ids[3]], mine.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        Assert.Equal([data.Ids[0], data.Ids[1], data.Ids[3]], theirs.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        Assert.Equal(3, theirs.GetProperty("total").GetInt32());
    }
}
