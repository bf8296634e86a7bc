using System.Net;
using System.Text.RegularExpressions;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.WebApi.Tests.Notifications;

/// <summary>
/// Acceptance 2 (links): the approve/reject links of a delivered "solved" mail. GET only asks for confirmation
/// (a prefetching mail scanner changes nothing); POST hands the decision to the Tickets module once; a used,
/// expired or forged link does nothing and says why. Here the Tickets module's door is replaced by a recorder; the
/// end-to-end check (the ticket really closes or reopens) is <c>DecideSolutionFromLinkTests</c>.
/// </summary>
public sealed partial class ActionLinkTests : IClassFixture<SmtpNotificationsFactory>
{
    private static int _nextTicket = 900;
    private readonly SmtpNotificationsFactory _factory;

    public ActionLinkTests(SmtpNotificationsFactory factory) => _factory = factory;

    [Fact]
    public async Task ApproveLink_GetOnlyAsks_PostApprovesOnce_ThenBothLinksSayTheyWereUsed()
    {
        var (cast, ticketId, approve, reject) = await SolvedMailLinksAsync();
        var browser = _factory.Anonymous();

        var page = await browser.GetAsync(approve);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"¿Apruebas la solución del ticket #{ticketId}?", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(page.Headers.CacheControl?.NoStore);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Empty(Decisions(ticketId));

        var done = await browser.PostAsync(approve, Form("¡Gracias!"));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains($"aprobaste la solución del ticket #{ticketId}", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var decision = Assert.Single(Decisions(ticketId));
        Assert.Equal(("approve", cast.Requester.Id, "¡Gracias!"), (decision.Decision, decision.RequesterId, decision.Text));

        var again = await browser.PostAsync(approve, Form(null));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("ya se usó", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var sibling = await browser.PostAsync(reject, Form("Otra cosa"));
        Assert.Equal(HttpStatusCode.Conflict, sibling.StatusCode);
        Assert.Single(Decisions(ticketId));
        Assert.True(await _factory.WithDbAsync(db => db.ActionLinks.Where(l => l.TicketId == ticketId).AllAsync(l => l.UsedAt != null)));
    }

    [Fact]
    public async Task ApproveAndReject_PostedAtTheSameTime_OneDecides_TheOthersAreToldTheLinkWasUsed()
    {
        var (_, ticketId, approve, reject) = await SolvedMailLinksAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            _factory.Anonymous().PostAsync(i % 2 == 0 ? approve : reject, Form(i % 2 == 0 ? "Gracias" : "No funcionó"))));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Single(Decisions(ticketId));
    }

    [Fact]
    public async Task RejectLink_WithoutReason_DoesNothingAndAsksAgain_WithReason_Rejects()
    {
        var (cast, ticketId, _, reject) = await SolvedMailLinksAsync();
        var browser = _factory.Anonymous();

        var empty = await browser.PostAsync(reject, Form("  "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Escribe el motivo del rechazo.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Decisions(ticketId));

        var done = await browser.PostAsync(reject, Form("La impresora sigue sin imprimir."));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var decision = Assert.Single(Decisions(ticketId));
        Assert.Equal(("reject", cast.Requester.Id, "La impresora sigue sin imprimir."), (decision.Decision, decision.RequesterId, decision.Text));
    }

    [Fact]
    public async Task ExpiredLink_DoesNothing_AndSaysItExpired()
    {
        var (_, ticketId, approve, _) = await SolvedMailLinksAsync();
        _factory.Clock.Advance(TimeSpan.FromDays(15));
        var browser = _factory.Anonymous();

        var page = await browser.GetAsync(approve);
        var post = await browser.PostAsync(approve, Form(null));

        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        Assert.Contains("Este enlace venció y no hace nada.", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Decisions(ticketId));
        Assert.True(await _factory.WithDbAsync(db => db.ActionLinks.Where(l => l.TicketId == ticketId).AllAsync(l => l.UsedAt == null)));
    }

    [Fact]
    public async Task ForgedOrTamperedLink_DoesNothing_AndSaysItIsNotValid()
    {
        var (_, ticketId, approve, _) = await SolvedMailLinksAsync();
        var tampered = approve[..^3] + (approve[^3] == 'A' ? 'B' : 'A') + approve[^2..];
        var browser = _factory.Anonymous();

        var forged = await browser.PostAsync("/api/v1/notifications/links/not-a-token", Form(null));
        var changed = await browser.PostAsync(tampered, Form(null));

        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, changed.StatusCode);
        Assert.Contains("Este enlace no es válido.", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Decisions(ticketId));
    }

    [Fact]
    public async Task LinkPage_SpeaksTheRecipientsLanguage()
    {
        var cast = await _factory.CastAsync();
        var ticketId = Interlocked.Increment(ref _nextTicket);
        await _factory.PublishAsync(NotificationMatrixTests.Base<TicketSolvedIntegrationEvent>(cast, ticketId, cast.OtherTechnician, cast.OtherTechnician) with
        {
            RequesterId = cast.Observer.Id,
            ObserverIds = [],
            Solution = "Done.",
        });
        await _factory.DrainOutboxAsync();
        var mail = Assert.Single(_factory.Smtp.For(ticketId), m => m.To.Mailboxes.Single().Address == cast.Observer.Email);
        var approve = Links(mail.TextBody!)[0];

        var page = await _factory.Anonymous().GetAsync(approve);

        Assert.Contains($"Do you approve the solution of ticket #{ticketId}?", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Approve the solution: ", mail.TextBody, StringComparison.Ordinal);
    }

    private async Task<(NotificationCast Cast, int TicketId, string Approve, string Reject)> SolvedMailLinksAsync()
    {
        var cast = await _factory.CastAsync();
        var ticketId = Interlocked.Increment(ref _nextTicket);
        await _factory.PublishAsync(NotificationMatrixTests.Base<TicketSolvedIntegrationEvent>(cast, ticketId, cast.Technician, cast.Technician) with { Solution = "Se reinició el servidor de impresión." });
        await _factory.DrainOutboxAsync();
        var mail = Assert.Single(_factory.Smtp.For(ticketId), m => m.To.Mailboxes.Single().Address == cast.Requester.Email);
        Assert.Contains("Rechazar la solución", mail.HtmlBody, StringComparison.Ordinal);
        var links = Links(mail.TextBody!);
        Assert.Equal(2, links.Count);
        return (cast, ticketId, links[0], links[1]);
    }

    /// <summary>The link paths of a mail, in order (approve, then reject), relative to the test host.</summary>
    private static List<string> Links(string text) =>
        LinkPattern().Matches(text).Select(m => m.Groups[1].Value).ToList();

    private List<(string Decision, int TicketId, Guid RequesterId, string? Text)> Decisions(int ticketId) =>
        _factory.Decisions.Sent.Where(d => d.TicketId == ticketId).ToList();

    private static FormUrlEncodedContent Form(string? text) =>
        new(text is null ? [] : [new KeyValuePair<string, string>("text", text)]);

    [GeneratedRegex(@"http://localhost(/api/v1/notifications/links/[A-Za-z0-9_\-]+)")]
    private static partial Regex LinkPattern();
}
