using System.Net;
using System.Net.Http.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets;

public sealed class SolveTicketTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public SolveTicketTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task Solve_OnAClosedTicket_Returns409TicketsClosed()
    {
        var cast = await TicketCast.For(_factory);
        var id = await TicketApi.OpenIdAsync(cast.RequesterA);
        await TicketApi.ActAsync(cast.Technician, id, "assign", new { technicianId = cast.Technician.Id });
        await TicketApi.ActAsync(cast.Technician, id, "solve", new { solution = "Listo." });
        await TicketApi.ActAsync(cast.RequesterA, id, "approve");

        var response = await TicketApi.PostAsync(cast.Technician, id, "solve", new { solution = "Otra vez." });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict, "tickets.closed");
        Assert.Equal("Closed", problem.GetProperty("currentStatus").GetString());
        Assert.Empty(problem.GetProperty("allowedActions").EnumerateArray());
    }
}
