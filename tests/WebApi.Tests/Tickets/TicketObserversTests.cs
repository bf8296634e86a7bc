using System.Net;
using System.Net.Http.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets;

public sealed class TicketObserversTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public TicketObserversTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task Observers_AddByEmail_RemoveKeepsHistory_ObserverLosesAccess()
    {
        var cast = await TicketCast.For(_factory);
        var id = await TicketApi.OpenIdAsync(cast.RequesterA);

        var added = await TicketApi.ActAsync(cast.RequesterA, id, "observers", new { user = cast.Other.Email });
        Assert.Contains(added.GetProperty("observers").EnumerateArray(), o => o.GetProperty("id").GetGuid() == cast.Other.Id);
        Assert.Equal(HttpStatusCode.OK, (await cast.Other.Client.GetAsync($"/api/v1/tickets/{id}")).StatusCode);

        var duplicate = await TicketApi.PostAsync(cast.RequesterA, id, "observers", new { user = cast.Other.Id.ToString() });
        await duplicate.ProblemAsync(HttpStatusCode.Conflict, "tickets.already_observer");
        var unknown = await TicketApi.PostAsync(cast.RequesterA, id, "observers", new { user = "fantasma@iescinoc.edu.co" });
        var problem = await unknown.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("user", out _));

        var removed = await (await cast.RequesterA.Client.DeleteAsync($"/api/v1/tickets/{id}/observers/{cast.Other.Id}")).JsonAsync();
        Assert.Empty(removed.GetProperty("observers").EnumerateArray());
        Assert.Contains("ObserverRemoved", removed.TimelineKinds());
        await (await cast.Other.Client.GetAsync($"/api/v1/tickets/{id}")).ProblemAsync(HttpStatusCode.NotFound, "tickets.not_found");
    }
}
