using System.Text.Json;
using Mediator;
using MesaServicios.Application.Users.Contracts;
using MesaServicios.Domain.Inbox;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Inbox.Support;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Integration;

/// <summary>
/// Inbox → Tickets through the real Tickets module (<c>ITicketsModule</c>) and the drop-folder source: mails
/// become real tickets and follow-ups that people see through the tickets API.
/// </summary>
public sealed class InboxToTicketsEndToEndTests : IDisposable
{
    private const string Domain = "mesa.iescinoc.edu.co";
    private readonly InboxApiFactory _desk = new(realTickets: true);
    private int _files;

    public void Dispose() => _desk.Dispose();

    [Fact]
    public async Task Request_FromKnownUser_BecomesARealRequestTicket_WithTheSnapshotOfTheMail()
    {
        var ana = await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co", department: "Rectoría", phone: "6011111111");
        const string body = "Nombre: Ana María Gómez\nDependencia: Biblioteca\nTeléfono: 3109876543\nDetalle: Necesito instalar AutoCAD en la sala 204.";

        var id = await IngestOneTicketAsync(Mail.Build("Ana Gómez <ana.gomez@iescinoc.edu.co>", "Solicitud de software", body));

        var ticket = await TicketApi.GetAsync(ana, id);
        Assert.Equal("Request", ticket.GetProperty("type").GetString());
        Assert.Equal("Email", ticket.GetProperty("source").GetString());
        Assert.Equal("Solicitud de software", ticket.GetProperty("title").GetString());
        Assert.Equal("Ana María Gómez", ticket.GetProperty("requester").GetProperty("name").GetString());
        Assert.Equal("Biblioteca", ticket.GetProperty("requesterDepartment").GetString());
        Assert.Equal("3109876543", ticket.GetProperty("requesterPhone").GetString());
        Assert.False(ticket.GetProperty("isIncomplete").GetBoolean());
        Assert.Contains("AutoCAD", ticket.GetProperty("description").GetString(), StringComparison.Ordinal);
        var mails = await _desk.OutboxAsync();
        var confirmation = Assert.Single(mails, m => m.To == ana.Email);
        Assert.Equal(("ticket.created", $"ticket-{id}@{Domain}"), (confirmation.Kind, confirmation.MessageId));
    }

    [Fact]
    public async Task Request_FromUnknownInstitutionalSender_CreatesTheAccountAndTheTicket()
    {
        var admin = await _desk.AdminAsync();

        var id = await IngestOneTicketAsync(Mail.Build("Nuevo Docente <nuevo.docente@iescinoc.edu.co>", "Solicitud de cuenta", Mail.CompleteBody));

        var account = Assert.Single(await _desk.WithScopeAsync(sp => sp.GetRequiredService<ISender>().Send(new FindUsersByEmailQuery(["nuevo.docente@iescinoc.edu.co"])).AsTask()));
        Assert.Equal(UserRole.Requester, account.Role);
        var ticket = await TicketApi.GetAsync(admin, id);
        Assert.Equal(account.Id, Guid.Parse(ticket.GetProperty("requester").GetProperty("id").GetString()!));
        Assert.Equal("Email", ticket.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Request_WithMissingFields_IsMarkedIncomplete_AndTheConfirmationListsWhatIsMissing()
    {
        var ana = await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co", department: null, phone: null);

        var id = await IngestOneTicketAsync(Mail.Build("ana.gomez@iescinoc.edu.co", "Solicitud de préstamo de video beam", "Nombre: Ana Gómez\nDetalle: Necesito un video beam para el jueves en el aula 12."));

        var ticket = await TicketApi.GetAsync(ana, id);
        Assert.True(ticket.GetProperty("isIncomplete").GetBoolean());
        var asking = Assert.Single(await _desk.OutboxAsync(), m => m.To == ana.Email);
        Assert.Equal("ticket.created", asking.Kind);
        Assert.Contains($"#{id}", asking.Subject, StringComparison.Ordinal);
        Assert.Contains("- Dependencia", asking.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Número de contacto", asking.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("- Nombre del funcionario", asking.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_ToTheConfirmation_FromTheRequester_IsAFollowUpOnThatTicket()
    {
        var ana = await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co");
        var id = await TicketApi.OpenIdAsync(ana, "El computador de la sala 3 no enciende");

        var record = await IngestOneAsync(Mail.Build("ana.gomez@iescinoc.edu.co", $"Re: [Mesa #{id}] Recibimos tu ticket", "Olvidé decir que es el equipo número 7.", inReplyTo: $"ticket-{id}@{Domain}"));

        Assert.Equal((InboxMessageStatus.FollowUpAdded, (int?)id), (record.Status, record.TicketId));
        var ticket = await TicketApi.GetAsync(ana, id);
        Assert.Contains(FollowUps(ticket), f => f == "Olvidé decir que es el equipo número 7.");
    }

    [Fact]
    public async Task Reply_ToASolvedTicket_IsOnlyAFollowUp_TheStatusStaysSolved()
    {
        var (ana, technician) = await PeopleAsync();
        var id = await TicketApi.OpenIdAsync(ana, "No funciona la impresora del bloque C");
        await TicketApi.ActAsync(technician, id, "assign", new { technicianId = technician.Id });
        await TicketApi.ActAsync(technician, id, "solve", new { solution = "Se cambió el tóner." });

        var record = await IngestOneAsync(Mail.Build("ana.gomez@iescinoc.edu.co", $"Re: [Mesa #{id}] Solución", "Gracias, mañana la pruebo.", inReplyTo: $"ticket-{id}@{Domain}"));

        Assert.Equal(InboxMessageStatus.FollowUpAdded, record.Status);
        var ticket = await TicketApi.GetAsync(ana, id);
        Assert.Equal("Solved", ticket.Status());
        Assert.Contains(FollowUps(ticket), f => f == "Gracias, mañana la pruebo.");
    }

    [Fact]
    public async Task Reply_ToAClosedTicket_OpensANewTicketThatReferencesTheOldOne()
    {
        var (ana, technician) = await PeopleAsync();
        var id = await TicketApi.OpenIdAsync(ana, "Sin internet en la oficina 201");
        await TicketApi.ActAsync(technician, id, "assign", new { technicianId = technician.Id });
        await TicketApi.ActAsync(technician, id, "solve", new { solution = "Se cambió el cable de red." });
        await TicketApi.ActAsync(ana, id, "approve", new { });

        var record = await IngestOneAsync(Mail.Build("ana.gomez@iescinoc.edu.co", $"Re: [Mesa #{id}] Sin internet en la oficina 201", "Volvió a fallar el internet desde esta mañana.", inReplyTo: $"ticket-{id}@{Domain}"));

        Assert.Equal(InboxMessageStatus.TicketCreated, record.Status);
        Assert.NotEqual(id, record.TicketId);
        var created = await TicketApi.GetAsync(ana, record.TicketId!.Value);
        Assert.Equal(id, created.GetProperty("referencesTicketId").GetInt32());
        Assert.Equal("Email", created.GetProperty("source").GetString());
        Assert.Equal("Closed", (await TicketApi.GetAsync(ana, id)).Status());
    }

    [Fact]
    public async Task Reply_FromAStranger_GoesToTriage_AndTouchesNoTicket()
    {
        var (ana, _) = await PeopleAsync();
        await _desk.CreateUserAsync(UserRole.Requester, email: "otro.docente@iescinoc.edu.co");
        var id = await TicketApi.OpenIdAsync(ana, "Cambio de contraseña del correo");
        var before = (await TicketApi.GetAsync(ana, id)).GetProperty("version").GetInt32();

        var outsider = await IngestOneAsync(Mail.Build("alguien@gmail.com", $"Re: [Mesa #{id}] Recibimos tu ticket", "Yo también tengo ese problema.", inReplyTo: $"ticket-{id}@{Domain}"));
        var colleague = await IngestOneAsync(Mail.Build("otro.docente@iescinoc.edu.co", $"Re: [Mesa #{id}] Recibimos tu ticket", "Yo también tengo ese problema.", inReplyTo: $"ticket-{id}@{Domain}"));

        Assert.Equal((InboxMessageStatus.Triage, "inbox.reason.reply_unknown_sender"), (outsider.Status, outsider.Reason));
        Assert.Equal((InboxMessageStatus.Triage, "inbox.reason.reply_not_participant"), (colleague.Status, colleague.Reason));
        var ticket = await TicketApi.GetAsync(ana, id);
        Assert.Equal(before, ticket.GetProperty("version").GetInt32());
        Assert.Empty(FollowUps(ticket));
    }

    private async Task<(TestUser Requester, TestUser Technician)> PeopleAsync() =>
        (await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co"), await _desk.CreateUserAsync(UserRole.Technician));

    private async Task<int> IngestOneTicketAsync(string raw)
    {
        var record = await IngestOneAsync(raw);
        Assert.Equal(InboxMessageStatus.TicketCreated, record.Status);
        return Assert.NotNull(record.TicketId);
    }

    /// <summary>Drops one mail, runs the ingestion and returns the record of that mail.</summary>
    private async Task<InboxMessage> IngestOneAsync(string raw)
    {
        var known = (await _desk.InboxRecordsAsync()).Select(r => r.Id).ToHashSet();
        var name = $"{Interlocked.Increment(ref _files):D3}.eml";
        await _desk.DropAsync(name, raw);

        var report = await _desk.IngestAsync();

        Assert.Equal(1, report.Applied);
        Assert.True(File.Exists(Path.Combine(_desk.DropFolder, "processed", name)));
        return Assert.Single(await _desk.InboxRecordsAsync(), r => !known.Contains(r.Id));
    }

    private static List<string> FollowUps(JsonElement ticket) =>
        ticket.GetProperty("timeline").EnumerateArray()
            .Where(t => t.GetProperty("kind").GetString() == "FollowUp")
            .Select(t => t.GetProperty("content").GetString()!)
            .ToList();
}
