using System.Net;
using System.Net.Http.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets;

public sealed class GetTicketTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public GetTicketTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task PrivateFollowUps_AreInvisibleToRequesterAndObserver()
    {
        var cast = await TicketCast.For(_factory);
        var id = await TicketApi.OpenIdAsync(cast.RequesterA, observers: [cast.Observer.Email]);
        await TicketApi.ActAsync(cast.Technician, id, "follow-ups", new { content = "Nota solo para la oficina", isPrivate = true });

        foreach (var reader in new[] { cast.RequesterA, cast.Observer })
        {
            var body = await (await reader.Client.GetAsync($"/api/v1/tickets/{id}")).Content.ReadAsStringAsync();
            Assert.DoesNotContain("Nota solo para la oficina", body);
        }

        var desk = await (await cast.Administrator.Client.GetAsync($"/api/v1/tickets/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("Nota solo para la oficina", desk);
    }

    [Fact]
    public async Task UnknownTicket_Returns404()
    {
        var cast = await TicketCast.For(_factory);

        await (await cast.Technician.Client.GetAsync("/api/v1/tickets/987654")).ProblemAsync(HttpStatusCode.NotFound, "tickets.not_found");
        await (await TicketApi.PostAsync(cast.Technician, 987654, "solve", new { solution = "x" })).ProblemAsync(HttpStatusCode.NotFound, "tickets.not_found");
    }
}
