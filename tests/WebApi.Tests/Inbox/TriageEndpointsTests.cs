using System.Net;
using System.Net.Http.Json;
using MesaServicios.Domain.Inbox;
using MesaServicios.Domain.Tickets;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Inbox.Support;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Inbox;

/// <summary>Technicians work the held messages over the API (conversion reaches Tickets through the double of its door, <see cref="FakeTicketsModule"/>).</summary>
public sealed class TriageEndpointsTests : IDisposable
{
    private readonly InboxApiFactory _desk = new();

    public void Dispose() => _desk.Dispose();

    [Fact]
    public async Task List_ShowsHeldMessagesWithTheReason_InSpanishOrEnglish()
    {
        var technician = await _desk.CreateUserAsync(UserRole.Technician);
        await HoldOneAsync();

        var es = await (await (await technician.Client.GetAsync("/api/v1/inbox/triage")).EnsureSuccessAsync()).JsonAsync();
        using var english = new HttpRequestMessage(HttpMethod.Get, "/api/v1/inbox/triage");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var en = await (await (await technician.Client.SendAsync(english)).EnsureSuccessAsync()).JsonAsync();

        Assert.Equal(1, es.GetProperty("total").GetInt32());
        var item = es.GetProperty("items")[0];
        Assert.Equal("marta@iescinoc.edu.co", item.GetProperty("from").GetString());
        Assert.Equal("inbox.reason.no_keyword", item.GetProperty("reasonCode").GetString());
        Assert.StartsWith("El asunto no contiene", item.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("The subject lacks", en.GetProperty("items")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ForARequester_Returns403()
    {
        var requester = await _desk.CreateUserAsync(UserRole.Requester);

        await (await requester.Client.GetAsync("/api/v1/inbox/triage")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Get_ReturnsHeadersBodyAndAttachments()
    {
        var technician = await _desk.CreateUserAsync(UserRole.Technician);
        var raw = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Inbox", "Fixtures", "request-attachments.eml"));
        await _desk.DropAsync("a.eml", raw.Replace("carlos.mora@iescinoc.edu.co", "carlos.mora@proveedor.com", StringComparison.Ordinal));
        await _desk.IngestAsync();
        var id = (await _desk.InboxRecordsAsync()).Single().Id;

        var body = await (await (await technician.Client.GetAsync($"/api/v1/inbox/triage/{id}")).EnsureSuccessAsync()).JsonAsync();

        Assert.Equal("Triage", body.GetProperty("status").GetString());
        Assert.Equal("inbox.reason.sender_not_allowed", body.GetProperty("reasonCode").GetString());
        Assert.StartsWith("Nombre: Carlos Mora", body.GetProperty("textBody").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, body.GetProperty("attachments").GetArrayLength());
        Assert.Equal("factura.pdf", body.GetProperty("attachments")[0].GetProperty("fileName").GetString());
        Assert.Contains(body.GetProperty("headers").EnumerateArray(), h => h.GetProperty("name").GetString() == "Message-ID");
    }

    [Fact]
    public async Task Get_Unknown_Returns404()
    {
        var technician = await _desk.CreateUserAsync(UserRole.Technician);

        await (await technician.Client.GetAsync($"/api/v1/inbox/triage/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound, "inbox.not_found");
    }

    [Fact]
    public async Task Convert_CreatesTicketOfChosenTypeForChosenRequester_AndLeavesTriage()
    {
        var technician = await _desk.CreateUserAsync(UserRole.Technician);
        var requester = await _desk.CreateUserAsync(UserRole.Requester, email: "marta@iescinoc.edu.co");
        var id = await HoldOneAsync();

        var response = await technician.Client.PostAsJsonAsync($"/api/v1/inbox/triage/{id}/convert", new { type = "Incident", requesterId = requester.Id });
        var body = await (await response.EnsureSuccessAsync()).JsonAsync();

        var created = Assert.Single(_desk.Tickets.Created);
        Assert.Equal(body.GetProperty("ticketId").GetInt32(), (await _desk.InboxRecordsAsync()).Single().TicketId);
        Assert.Equal(TicketType.Incident, created.Type);
        Assert.Equal(requester.Id, created.RequesterId);
        Assert.Equal("Consulta de horario", created.Title);
        Assert.Equal(InboxMessageStatus.Converted, (await _desk.InboxRecordsAsync()).Single().Status);
        var list = await (await technician.Client.GetAsync("/api/v1/inbox/triage")).JsonAsync();
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        await (await technician.Client.PostAsJsonAsync($"/api/v1/inbox/triage/{id}/convert", new { type = "Incident", requesterId = requester.Id }))
            .ProblemAsync(HttpStatusCode.Conflict, "inbox.not_in_triage");
    }

    [Fact]
    public async Task Convert_WithBadTypeAndNoRequester_Returns400WithBothFields()
    {
        var technician = await _desk.CreateUserAsync(UserRole.Technician);
        var id = await HoldOneAsync();

        var problem = await (await technician.Client.PostAsJsonAsync($"/api/v1/inbox/triage/{id}/convert", new { type = "Otro", requesterId = Guid.Empty }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("Type", out _) || errors.TryGetProperty("type", out _));
        Assert.True(errors.TryGetProperty("RequesterId", out _) || errors.TryGetProperty("requesterId", out _));
        Assert.Empty(_desk.Tickets.Created);
    }

    [Fact]
    public async Task Discard_KeepsTheMessageWithTheReason()
    {
        var technician = await _desk.CreateUserAsync(UserRole.Technician);
        var id = await HoldOneAsync();

        (await technician.Client.PostAsJsonAsync($"/api/v1/inbox/triage/{id}/discard", new { reason = "Consulta respondida por teléfono" })).EnsureSuccessStatusCode();

        var record = (await _desk.InboxRecordsAsync()).Single();
        Assert.Equal(InboxMessageStatus.Discarded, record.Status);
        Assert.Equal("Consulta respondida por teléfono", record.Reason);
        Assert.Equal(technician.Id, record.ResolvedBy);
        Assert.NotEmpty(record.Raw);
        await (await technician.Client.PostAsJsonAsync($"/api/v1/inbox/triage/{id}/discard", new { reason = "" })).ProblemAsync(HttpStatusCode.BadRequest);
    }

    private async Task<Guid> HoldOneAsync()
    {
        await _desk.DropAsync($"{Guid.NewGuid():N}.eml", Mail.Build("marta@iescinoc.edu.co", "Consulta de horario", "¿A qué hora abren el sábado?"));
        await _desk.IngestAsync();
        return (await _desk.InboxRecordsAsync()).Single(r => r.Status == InboxMessageStatus.Triage).Id;
    }
}
