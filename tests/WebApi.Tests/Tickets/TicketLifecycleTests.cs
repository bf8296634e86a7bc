using System.Net;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets;

public sealed class TicketLifecycleTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public TicketLifecycleTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task WholeLife_CreateAssignFollowUpPendingSolveApprove_ClosesWithFullTimeline()
    {
        var requester = await _factory.CreateUserAsync(fullName: "Ana Solicitante", department: "Biblioteca", phone: "3100000000");
        var technician = await _factory.CreateUserAsync(UserRole.Technician);

        var created = await TicketApi.OpenAsync(requester, urgency: "High");
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("New", created.Status());
        Assert.Equal(1, created.GetProperty("statusCode").GetInt32());
        Assert.Equal($"#{id}", created.GetProperty("number").GetString());
        Assert.Equal("Medium", created.GetProperty("impact").GetString());
        Assert.Equal("High", created.GetProperty("priority").GetString());
        Assert.Equal("Portal", created.GetProperty("source").GetString());
        Assert.Equal("Ana Solicitante", created.GetProperty("requester").GetProperty("name").GetString());
        Assert.Equal("Biblioteca", created.GetProperty("requesterDepartment").GetString());
        Assert.Equal("3100000000", created.GetProperty("requesterPhone").GetString());

        var assigned = await TicketApi.ActAsync(technician, id, "assign", new { technicianId = technician.Id });
        Assert.Equal("InProgress", assigned.Status());
        Assert.Equal(technician.Id, assigned.GetProperty("assignedTechnician").GetProperty("id").GetGuid());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, JsonValueKind(assigned, "firstResponseAt"));

        await TicketApi.ActAsync(technician, id, "follow-ups", new { content = "¿Qué modelo de impresora es?" });
        await TicketApi.ActAsync(technician, id, "follow-ups", new { content = "Nota interna: revisar garantía.", isPrivate = true });
        var pending = await TicketApi.ActAsync(technician, id, "pending", new { reason = "Esperando respuesta del solicitante." });
        Assert.Equal("Pending", pending.Status());
        Assert.Equal("Esperando respuesta del solicitante.", pending.GetProperty("pendingReason").GetString());

        var resumed = await TicketApi.ActAsync(requester, id, "follow-ups", new { content = "Es una HP LaserJet 400." });
        Assert.Equal("InProgress", resumed.Status());

        var solved = await TicketApi.ActAsync(technician, id, "solve", new { solution = "Se reemplazó el rodillo de alimentación." });
        Assert.Equal("Solved", solved.Status());
        Assert.DoesNotContain("Approve", solved.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));

        var forRequester = await TicketApi.GetAsync(requester, id);
        var actions = forRequester.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Contains("Approve", actions);
        Assert.Contains("Reject", actions);

        var closed = await TicketApi.ActAsync(requester, id, "approve", new { comment = "Gracias, funciona." });
        Assert.Equal("Closed", closed.Status());
        Assert.False(closed.GetProperty("closedAutomatically").GetBoolean());

        var timeline = closed.TimelineKinds();
        Assert.Equal(["Created", "Assigned", "StatusChanged", "FollowUp", "PutPending", "FollowUp", "StatusChanged", "Solution", "StatusChanged", "Approved"], timeline);
        Assert.DoesNotContain(closed.GetProperty("timeline").EnumerateArray(), i => i.GetProperty("isPrivate").GetBoolean());

        var forDesk = await TicketApi.GetAsync(technician, id);
        Assert.Contains(forDesk.GetProperty("timeline").EnumerateArray(), i => i.GetProperty("isPrivate").GetBoolean());

        var afterClose = await TicketApi.PostAsync(requester, id, "follow-ups", new { content = "Otra cosa" });
        await afterClose.ProblemAsync(HttpStatusCode.Conflict, "tickets.closed");
    }

    [Fact]
    public async Task RejectThenApprove_GoesBackToInProgress_ThenCloses()
    {
        var requester = await _factory.CreateUserAsync();
        var technician = await _factory.CreateUserAsync(UserRole.Technician);
        var id = await TicketApi.OpenIdAsync(requester);
        await TicketApi.ActAsync(technician, id, "assign", new { technicianId = technician.Id });
        await TicketApi.ActAsync(technician, id, "solve", new { solution = "Se reinició el servicio de impresión." });

        var rejected = await TicketApi.ActAsync(requester, id, "reject", new { reason = "Sigue sin imprimir." });
        Assert.Equal("InProgress", rejected.Status());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rejected.GetProperty("solvedAt").ValueKind);

        await TicketApi.ActAsync(technician, id, "solve", new { solution = "Se cambió el cartucho de tóner." });
        var closed = await TicketApi.ActAsync(requester, id, "approve");

        Assert.Equal("Closed", closed.Status());
        var solutions = closed.GetProperty("timeline").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "Solution").ToList();
        Assert.Equal(["Rejected", "Approved"], solutions.Select(s => s.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task Reject_WithoutReason_Returns400AndNothingChanges()
    {
        var requester = await _factory.CreateUserAsync();
        var technician = await _factory.CreateUserAsync(UserRole.Technician);
        var id = await TicketApi.OpenIdAsync(requester);
        await TicketApi.ActAsync(technician, id, "assign", new { technicianId = technician.Id });
        var solved = await TicketApi.ActAsync(technician, id, "solve", new { solution = "Listo." });

        var response = await TicketApi.PostAsync(requester, id, "reject", new { reason = " " });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        var after = await TicketApi.GetAsync(requester, id);
        Assert.Equal("Solved", after.Status());
        Assert.Equal(solved.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
    }

    private static System.Text.Json.JsonValueKind JsonValueKind(System.Text.Json.JsonElement element, string property) =>
        element.GetProperty(property).ValueKind;
}
