using System.Text.Json;
using MesaServicios.Domain.Notifications;
using MesaServicios.WebApi.Tests.Notifications;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace MesaServicios.WebApi.Tests.Integration;

/// <summary>
/// Tickets → Notifications through the real host: every change is made through the ticket endpoints, and what
/// people hear of it is read from the outbox, the delivered pickup files and GET /api/v1/me/notifications.
/// </summary>
public sealed class TicketNotificationsEndToEndTests : IClassFixture<NotificationsFactory>
{
    private readonly NotificationsFactory _factory;

    public TicketNotificationsEndToEndTests(NotificationsFactory factory) => _factory = factory;

    [Fact]
    public async Task Lifecycle_ThroughTheEndpoints_TellsEachPersonWhatTheMatrixSays_OnceAndNeverTheActor()
    {
        var cast = await _factory.CastAsync();
        var id = await TicketApi.OpenIdAsync(cast.Requester, "El proyector del auditorio no enciende", observers: [cast.Observer.Email]);

        var created = await MailsAsync(id);
        var confirmation = Assert.Single(created, m => m.To == cast.Requester.Email);
        Assert.Equal("ticket.created", confirmation.Kind);
        Assert.StartsWith($"ticket-{id}@", confirmation.MessageId, StringComparison.Ordinal);
        Assert.Contains($"[Mesa #{id}]", confirmation.Subject, StringComparison.Ordinal);
        Assert.Equal(
            Sorted(cast.Requester, cast.Observer, cast.Technician, cast.OtherTechnician, cast.Admin, cast.OtherAdmin),
            Sorted(created.Where(m => m.Kind == "ticket.created").SelectMany(m => m.Addressees().Select(a => a.Address))));
        Assert.Single(created, m => m.To == cast.Observer.Email);
        Assert.DoesNotContain(created, m => m.Addressees().Any(a => a.Address == cast.InactiveTechnician.Email));
        Assert.All(created.Where(m => m != confirmation), m => Assert.Equal($"<ticket-{id}@mesa.iescinoc.edu.co>", Angle(m.InReplyTo)));
        Assert.Contains(await InAppAsync(cast.Technician), n => n.GetProperty("ticketId").GetInt32() == id && n.GetProperty("kind").GetString() == "ticket.created");

        await TicketApi.ActAsync(cast.Technician, id, "assign", new { technicianId = cast.Technician.Id });
        var assigned = await MailsAsync(id, created.Count);
        Assert.Equal([cast.Requester.Email], assigned.Select(m => m.To));
        Assert.Equal("ticket.assigned", assigned[0].Kind);

        await TicketApi.ActAsync(cast.Technician, id, "follow-ups", new { content = "Voy en camino al auditorio con un cable de repuesto.", isPrivate = false });
        var publicFollowUp = await MailsAsync(id, created.Count + 1);
        Assert.Equal(Sorted(cast.Requester, cast.Observer), Sorted(publicFollowUp.Select(m => m.To)));
        Assert.All(publicFollowUp, m => Assert.Equal("ticket.follow_up", m.Kind));

        await TicketApi.ActAsync(cast.Requester, id, "follow-ups", new { content = "Gracias, los espero en el auditorio.", isPrivate = false });
        var requesterFollowUp = await MailsAsync(id, created.Count + 3);
        Assert.Equal(Sorted(cast.Observer, cast.Technician), Sorted(requesterFollowUp.Select(m => m.To)));

        await TicketApi.ActAsync(cast.OtherTechnician, id, "follow-ups", new { content = "Nota interna: el proyector tiene la lámpara vencida.", isPrivate = true });
        var privateFollowUp = await MailsAsync(id, created.Count + 5);
        Assert.Equal([cast.Technician.Email], privateFollowUp.Select(m => m.To));
        Assert.Equal("ticket.private_follow_up", privateFollowUp[0].Kind);
        Assert.DoesNotContain(await InAppAsync(cast.Requester), n => n.GetProperty("kind").GetString() == "ticket.private_follow_up");

        await TicketApi.ActAsync(cast.Technician, id, "pending", new { reason = "Esperando la lámpara de repuesto del proveedor." });
        var pending = await MailsAsync(id, created.Count + 6);
        Assert.Equal(Sorted(cast.Requester, cast.Observer), Sorted(pending.Select(m => m.To)));

        await TicketApi.ActAsync(cast.Technician, id, "follow-ups", new { content = "Llegó la lámpara; la instalo hoy.", isPrivate = false });
        await TicketApi.ActAsync(cast.Technician, id, "solve", new { solution = "Se cambió la lámpara del proyector y se probó." });
        var solved = (await MailsAsync(id)).Where(m => m.Kind == "ticket.solved").ToList();
        Assert.Equal(Sorted(cast.Requester, cast.Observer), Sorted(solved.Select(m => m.To)));
        Assert.Contains("/api/v1/notifications/links/", solved.Single(m => m.To == cast.Requester.Email).TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/v1/notifications/links/", solved.Single(m => m.To == cast.Observer.Email).TextBody, StringComparison.Ordinal);

        var before = (await MailsAsync(id)).Count;
        await TicketApi.ActAsync(cast.Requester, id, "approve", new { comment = "Funciona perfecto." });
        var approved = await MailsAsync(id, before);
        Assert.Equal(Sorted(cast.Observer, cast.Technician), Sorted(approved.Select(m => m.To)));
        Assert.All(approved, m => Assert.Equal("ticket.approved", m.Kind));

        var report = await _factory.DeliverOutboxAsync();
        Assert.Equal(0, report.Failed);
        var delivered = await DeliveredAsync(id);
        var root = Assert.Single(delivered, m => m.MessageId == $"ticket-{id}@mesa.iescinoc.edu.co");
        Assert.Equal(cast.Requester.Email, root.To.Mailboxes.Single().Address);
        Assert.StartsWith($"[Mesa #{id}]", root.Subject, StringComparison.Ordinal);
        Assert.Equal((await MailsAsync(id)).Count, delivered.Count);
    }

    [Fact]
    public async Task Reject_ThroughTheEndpoint_TellsTheTechnician_AndNotTheRequester()
    {
        var cast = await _factory.CastAsync();
        var id = await TicketApi.OpenIdAsync(cast.Requester, "No puedo entrar al aula virtual");
        await TicketApi.ActAsync(cast.Technician, id, "assign", new { technicianId = cast.Technician.Id });
        await TicketApi.ActAsync(cast.Technician, id, "solve", new { solution = "Se restableció la contraseña del aula virtual." });
        var before = (await MailsAsync(id)).Count;

        await TicketApi.ActAsync(cast.Requester, id, "reject", new { reason = "Sigo sin poder entrar." });

        var rejected = await MailsAsync(id, before);
        var mail = Assert.Single(rejected);
        Assert.Equal(("ticket.rejected", cast.Technician.Email), (mail.Kind, mail.To));
        Assert.Contains("Sigo sin poder entrar.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(await InAppAsync(cast.Technician), n => n.GetProperty("ticketId").GetInt32() == id && n.GetProperty("kind").GetString() == "ticket.rejected");
    }

    [Fact]
    public async Task ObserverAddedLater_GetsAWelcome_RemovedObserverAndUnassign_SendNothing()
    {
        var cast = await _factory.CastAsync();
        var id = await TicketApi.OpenIdAsync(cast.Requester, "Falla el wifi de la biblioteca");
        await TicketApi.ActAsync(cast.Technician, id, "assign", new { technicianId = cast.Technician.Id });
        var before = (await MailsAsync(id)).Count;

        await TicketApi.ActAsync(cast.Requester, id, "observers", new { user = cast.Observer.Email });
        var welcome = Assert.Single(await MailsAsync(id, before));
        Assert.Equal(("ticket.observer_added", cast.Observer.Email), (welcome.Kind, welcome.To));
        Assert.Contains($"#{id} Falla el wifi de la biblioteca", welcome.TextBody, StringComparison.Ordinal);
        Assert.Contains("Desde esta mañana la impresora del bloque B muestra un error.", welcome.TextBody, StringComparison.Ordinal);

        var removed = await cast.Requester.Client.DeleteAsync($"/api/v1/tickets/{id}/observers/{cast.Observer.Id}");
        await removed.EnsureSuccessAsync();
        var unassigned = await cast.Technician.Client.PostAsync($"/api/v1/tickets/{id}/unassign", null);
        await unassigned.EnsureSuccessAsync();

        Assert.Empty(await MailsAsync(id, before + 1));
        Assert.Equal("InProgress", (await TicketApi.GetAsync(cast.Requester, id)).Status());
    }

    private Task<List<OutboxEmail>> MailsAsync(int ticketId, int skip = 0) =>
        _factory.WithDbAsync(async db => (await db.OutboxEmails.AsNoTracking().Where(m => m.TicketId == ticketId).ToListAsync())
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.To, StringComparer.Ordinal).Skip(skip).ToList());

    private async Task<List<MimeMessage>> DeliveredAsync(int ticketId)
    {
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(_factory.PickupDirectory, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            if ((message.Subject ?? string.Empty).Contains($"[Mesa #{ticketId}]", StringComparison.Ordinal))
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    private static async Task<List<JsonElement>> InAppAsync(TestUser user)
    {
        var page = await (await (await user.Client.GetAsync("/api/v1/me/notifications?pageSize=100")).EnsureSuccessAsync()).JsonAsync();
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    private static string? Angle(string? id) => id is null ? null : id.StartsWith('<') ? id : $"<{id}>";

    private static List<string> Sorted(params TestUser[] users) => Sorted(users.Select(u => u.Email));

    private static List<string> Sorted(IEnumerable<string> emails) => emails.Order(StringComparer.Ordinal).ToList();
}
