using System.Net;
using System.Net.Http.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets;

public sealed class OpenTicketOnBehalfTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public OpenTicketOnBehalfTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task OpenOnBehalf_UsesSourcePhone_AndTheRequestersProfile()
    {
        var cast = await TicketCast.For(_factory);

        var response = await cast.Technician.Client.PostAsJsonAsync("/api/v1/tickets/on-behalf", new
        {
            requesterId = cast.RequesterB.Id,
            title = "Llamada: sin acceso al correo",
            description = "Llamó a la mesa porque no puede entrar al correo institucional.",
            type = "Request",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = await response.JsonAsync();
        Assert.Equal("Phone", ticket.GetProperty("source").GetString());
        Assert.Equal("Beto Solicitante", ticket.GetProperty("requester").GetProperty("name").GetString());
        Assert.Equal("Tesorería", ticket.GetProperty("requesterDepartment").GetString());
        Assert.Equal(HttpStatusCode.OK, (await cast.RequesterB.Client.GetAsync($"/api/v1/tickets/{ticket.GetProperty("id").GetInt32()}")).StatusCode);

        var unknown = await cast.Technician.Client.PostAsJsonAsync("/api/v1/tickets/on-behalf", new
        {
            requesterId = Guid.NewGuid(), title = "Llamada sin usuario", description = "El usuario no existe en la mesa.", type = "Request",
        });
        var problem = await unknown.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("requesterId", out _));
    }
}
