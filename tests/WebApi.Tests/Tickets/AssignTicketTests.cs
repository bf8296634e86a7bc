using System.Net;
using System.Net.Http.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets;

public sealed class AssignTicketTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public AssignTicketTests(MesaApiFactory factory) => _factory = factory;

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
}
