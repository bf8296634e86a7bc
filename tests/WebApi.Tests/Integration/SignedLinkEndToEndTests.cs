using System.Net;
using System.Text.RegularExpressions;
using MesaServicios.WebApi.Tests.Notifications;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace MesaServicios.WebApi.Tests.Integration;

/// <summary>
/// The approve/reject links of a real "solved" mail, taken from the delivered .eml file, acting on a real ticket
/// through the real decision sender (no recorder): the ticket closes or goes back to In progress.
/// </summary>
public sealed partial class SignedLinkEndToEndTests : IClassFixture<NotificationsFactory>
{
    private readonly NotificationsFactory _factory;

    public SignedLinkEndToEndTests(NotificationsFactory factory) => _factory = factory;

    [Fact]
    public async Task ApproveLinkFromTheMail_GetAsks_PostClosesTheTicket_SecondPostSaysItWasUsed()
    {
        var cast = await _factory.CastAsync();
        var (id, approve, reject) = await SolvedTicketLinksAsync(cast, "La impresora de rectoría no imprime");
        var browser = _factory.Anonymous();

        var page = await browser.GetAsync(approve);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"¿Apruebas la solución del ticket #{id}?", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Solved", (await TicketApi.GetAsync(cast.Requester, id)).Status());

        var done = await browser.PostAsync(approve, Form("Gracias, ya imprime."));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains($"aprobaste la solución del ticket #{id}", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var ticket = await TicketApi.GetAsync(cast.Requester, id);
        Assert.Equal("Closed", ticket.Status());
        Assert.False(ticket.GetProperty("closedAutomatically").GetBoolean());
        Assert.Equal(["ticket.approved"], await KindsSentToAsync(id, cast.Technician));

        var again = await browser.PostAsync(approve, Form(null));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("ya se usó", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var sibling = await browser.PostAsync(reject, Form("Cambié de opinión."));
        Assert.Equal(HttpStatusCode.Conflict, sibling.StatusCode);
        Assert.Equal("Closed", (await TicketApi.GetAsync(cast.Requester, id)).Status());
    }

    [Fact]
    public async Task RejectLinkFromTheMail_WithReason_ReopensTheTicket_AndTellsTheTechnician()
    {
        var cast = await _factory.CastAsync();
        var (id, _, reject) = await SolvedTicketLinksAsync(cast, "El correo no sincroniza en el celular");
        var browser = _factory.Anonymous();

        var page = await browser.GetAsync(reject);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Solved", (await TicketApi.GetAsync(cast.Requester, id)).Status());

        var done = await browser.PostAsync(reject, Form("Sigue sin sincronizar."));

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains($"rechazaste la solución del ticket #{id}", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var ticket = await TicketApi.GetAsync(cast.Requester, id);
        Assert.Equal("InProgress", ticket.Status());
        Assert.Contains("Sigue sin sincronizar.", ticket.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["ticket.rejected"], await KindsSentToAsync(id, cast.Technician));
        var again = await browser.PostAsync(reject, Form("Otra vez."));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("ya se usó", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("InProgress", (await TicketApi.GetAsync(cast.Requester, id)).Status());
    }

    /// <summary>Opens, assigns and solves a ticket through the API, delivers the outbox and reads the links of the requester's mail.</summary>
    private async Task<(int Id, string Approve, string Reject)> SolvedTicketLinksAsync(NotificationCast cast, string title)
    {
        var id = await TicketApi.OpenIdAsync(cast.Requester, title);
        await TicketApi.ActAsync(cast.Technician, id, "assign", new { technicianId = cast.Technician.Id });
        await TicketApi.ActAsync(cast.Technician, id, "solve", new { solution = "Se configuró de nuevo y se probó con el usuario." });
        await _factory.DrainOutboxAsync();

        MimeMessage? solved = null;
        foreach (var file in Directory.GetFiles(_factory.PickupDirectory, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            if ((message.Subject ?? string.Empty).Contains($"[Mesa #{id}]", StringComparison.Ordinal)
                && message.To.Mailboxes.Select(m => m.Address).SequenceEqual([cast.Requester.Email])
                && (message.TextBody ?? string.Empty).Contains("/api/v1/notifications/links/", StringComparison.Ordinal))
            {
                Assert.Null(solved);
                solved = message;
            }
        }

        Assert.NotNull(solved);
        Assert.Equal($"ticket-{id}@mesa.iescinoc.edu.co", solved.InReplyTo);
        var links = LinkPattern().Matches(solved.TextBody ?? string.Empty).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, links.Count);
        return (id, links[0], links[1]);
    }

    private Task<List<string>> KindsSentToAsync(int ticketId, TestUser user) =>
        _factory.WithDbAsync(db => db.OutboxEmails.AsNoTracking()
            .Where(m => m.TicketId == ticketId && m.To == user.Email && m.Kind != "ticket.created" && m.Kind != "ticket.assigned")
            .Select(m => m.Kind)
            .ToListAsync());

    private static FormUrlEncodedContent Form(string? text) =>
        new(text is null ? [] : [new KeyValuePair<string, string>("text", text)]);

    [GeneratedRegex(@"http://localhost(/api/v1/notifications/links/[A-Za-z0-9_\-]+)")]
    private static partial Regex LinkPattern();
}
