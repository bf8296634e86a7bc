using System.Net;
using System.Net.Http.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets;

/// <summary>The desk's actions on a ticket: assignment, impact, category, observers, follow-ups, on-behalf opening.</summary>
public sealed class TicketWorkTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public TicketWorkTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task Assign_ToARequester_Returns400AndNothingChanges()
    {
        var cast = await TicketCast.For(_factory);
        var id = await TicketApi.OpenIdAsync(cast.RequesterA);

        var response = await TicketApi.PostAsync(cast.Technician, id, "assign", new { technicianId = cast.RequesterB.Id });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("El técnico debe ser un usuario activo con rol Técnico o Administrador.", problem.GetProperty("errors").GetProperty("technicianId")[0].GetString());
        Assert.Equal("New", (await TicketApi.GetAsync(cast.Technician, id)).Status());
    }

    [Fact]
    public async Task Assign_WhenAlreadyAssigned_Returns409WithStatusAndAllowedActions()
    {
        var cast = await TicketCast.For(_factory);
        var id = await TicketApi.OpenIdAsync(cast.RequesterA);
        await TicketApi.ActAsync(cast.Technician, id, "assign", new { technicianId = cast.Technician.Id });

        var response = await TicketApi.PostAsync(cast.Technician, id, "assign", new { technicianId = cast.Administrator.Id });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict, "tickets.invalid_transition");
        Assert.Equal("InProgress", problem.GetProperty("currentStatus").GetString());
        var allowed = problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Contains("Reassign", allowed);
        Assert.DoesNotContain("Assign", allowed);
    }

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

    [Fact]
    public async Task ReassignUnassign_ImpactAndCategory_AreRecorded()
    {
        var cast = await TicketCast.For(_factory);
        var id = (await TicketApi.OpenAsync(cast.RequesterA, urgency: "VeryHigh")).GetProperty("id").GetInt32();
        await TicketApi.ActAsync(cast.Technician, id, "assign", new { technicianId = cast.Technician.Id });

        var reassigned = await TicketApi.ActAsync(cast.Technician, id, "reassign", new { technicianId = cast.Administrator.Id });
        Assert.Equal(cast.Administrator.Id, reassigned.GetProperty("assignedTechnician").GetProperty("id").GetGuid());
        var unassigned = await TicketApi.ActAsync(cast.Technician, id, "unassign");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unassigned.GetProperty("assignedTechnician").ValueKind);
        var impact = await TicketApi.ActAsync(cast.Technician, id, "impact", new { impact = "VeryHigh" });
        Assert.Equal("VeryHigh", impact.GetProperty("priority").GetString());
        var category = await TicketApi.ActAsync(cast.Technician, id, "category", new { categoryId = 41 });
        Assert.Equal("Audiovisuales › Videobeam", category.GetProperty("category").GetProperty("path").GetString());

        Assert.Equal(["Created", "Assigned", "StatusChanged", "Assigned", "Unassigned", "ImpactChanged", "CategoryChanged"], category.TimelineKinds());
    }

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

    [Fact]
    public async Task UnknownTicket_Returns404()
    {
        var cast = await TicketCast.For(_factory);

        await (await cast.Technician.Client.GetAsync("/api/v1/tickets/987654")).ProblemAsync(HttpStatusCode.NotFound, "tickets.not_found");
        await (await TicketApi.PostAsync(cast.Technician, 987654, "solve", new { solution = "x" })).ProblemAsync(HttpStatusCode.NotFound, "tickets.not_found");
    }
}
