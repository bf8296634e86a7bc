using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;
using MesaServicios.WebApi.Tests.Users;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace MesaServicios.WebApi.Tests.BuiltInPages;

/// <summary>
/// A desk on its defaults (no portal): every link of a delivered e-mail, followed in a real headless Chromium, leads
/// to a page of this service that works — set the password of a new account, sign in with it, see the ticket, approve
/// its solution. The host listens on a real loopback port (Kestrel); the mails are those the SMTP capture received.
/// </summary>
public sealed class EmailLinksInBrowserTests : IDisposable
{
    private readonly SmtpMailFactory _desk;
    private readonly string _address;

    public EmailLinksInBrowserTests()
    {
        _desk = new SmtpMailFactory();
        _desk.With("Portal:BaseUrl", string.Empty);
        _desk.UseKestrel(0);
        _desk.StartServer();
        _address = _desk.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        _desk.ClientOptions.BaseAddress = new Uri(_address + "/");
    }

    public void Dispose() => _desk.Dispose();

    [ChromiumFact]
    public async Task InvitationLink_SetsThePassword_ThenTheTicketLinkSignsInAndShowsTheTicket_AndTheApproveLinkCloseIt()
    {
        const string email = "lucia.nueva@iescinoc.edu.co";
        const string password = "Clave-Desde-El-Navegador-26";
        var admin = await _desk.AdminAsync();
        await (await admin.Client.PostAsJsonAsync("/api/v1/users", new { email, fullName = "Lucía Nueva", role = "Requester" })).EnsureSuccessAsync();
        var invitation = await DeliveredAsync(email, "users.invitation");
        var setPassword = Link(invitation, "/pages/set-password?");
        Assert.StartsWith(_address + "/pages/set-password?email=", setPassword, StringComparison.Ordinal);

        await using var browser = await HeadlessChromium.StartAsync();
        await browser.GoToAsync(setPassword);
        Assert.Equal("es", await browser.EvaluateAsync<string>("document.documentElement.lang"));
        Assert.Equal("Nueva contraseña", await browser.EvaluateAsync<string>("document.querySelector('label[for=newPassword]').innerText"));
        Assert.Equal(0, await browser.EvaluateAsync<int>("document.scripts.length"));
        await browser.SubmitAsync(new Dictionary<string, string> { ["#newPassword"] = password, ["#confirmPassword"] = password });
        var saved = await browser.TextAsync();
        Assert.True(saved.Contains("Tu contraseña quedó guardada", StringComparison.Ordinal), saved);

        // The new password works on the API too, and the requester opens a ticket: its confirmation carries "Ver el ticket".
        var lucia = await _desk.SignInAsync(email, password);
        var id = await TicketApi.OpenIdAsync(lucia, "El proyector del aula 12 no enciende");
        var confirmation = await DeliveredAsync(email, "ticket.created");
        var ticketLink = Link(confirmation, "/pages/tickets/");
        Assert.Equal($"{_address}/pages/tickets/{id}", ticketLink);

        await browser.GoToAsync(ticketLink);
        Assert.Contains("/pages/sign-in?returnUrl=", await browser.UrlAsync(), StringComparison.Ordinal);
        await browser.SubmitAsync(new Dictionary<string, string> { ["#email"] = email, ["#password"] = password });
        Assert.Equal(ticketLink, await browser.UrlAsync());
        var page = await browser.TextAsync();
        Assert.Contains($"Ticket #{id}: El proyector del aula 12 no enciende", page, StringComparison.Ordinal);
        Assert.Equal("Nuevo", await browser.EvaluateAsync<string>("document.getElementById('status').innerText"));
        Assert.Contains("Ticket creado", page, StringComparison.Ordinal);

        // The desk solves it: the "solved" mail's approve link is this service's own address, and works.
        var technician = await _desk.CreateUserAsync(UserRole.Technician);
        await TicketApi.ActAsync(technician, id, "assign", new { technicianId = technician.Id });
        await TicketApi.ActAsync(technician, id, "solve", new { solution = "Se cambió la lámpara del proyector." });
        var solved = await DeliveredAsync(email, "ticket.solved");
        var approve = Link(solved, "/api/v1/notifications/links/");
        Assert.StartsWith(_address + "/api/v1/notifications/links/", approve, StringComparison.Ordinal);
        await browser.GoToAsync(approve);
        await browser.SubmitAsync(new Dictionary<string, string>());
        Assert.Equal("Closed", (await TicketApi.GetAsync(lucia, id)).Status());
    }

    [Fact]
    public async Task Pages_AreSpanishFirst_EnglishOnRequest_WithTheHtmlSecurityHeaders_AndNoScript()
    {
        var spanish = await _desk.Anonymous().GetAsync("/pages/set-password?email=a%40iescinoc.edu.co&token=abc");
        var english = await _desk.Anonymous("en").GetAsync("/pages/sign-in");

        Assert.Equal(HttpStatusCode.OK, spanish.StatusCode);
        var html = await spanish.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"es\">", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"newPassword\">Nueva contraseña</label>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("script-src 'self'", spanish.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-store", spanish.Headers.CacheControl!.ToString());
        var englishHtml = await english.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", englishHtml, StringComparison.Ordinal);
        Assert.Contains(">Sign in</button>", englishHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TicketPage_OfSomeoneElsesTicket_IsNotFound_AndAPostFromAnotherSiteIsRefused()
    {
        var owner = await _desk.CreateUserAsync();
        var id = await TicketApi.OpenIdAsync(owner);
        var other = await _desk.CreateUserAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(_address + "/") };
        var signIn = await client.PostAsync("/pages/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = other.Email, ["password"] = MesaApiFactory.DefaultPassword, ["returnUrl"] = $"/pages/tickets/{id}",
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mesa_pages=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/pages", cookie, StringComparison.OrdinalIgnoreCase);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/pages/tickets/{id}");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var page = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("La impresora no imprime", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/pages/set-password")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = other.Email, ["token"] = "x", ["newPassword"] = "a", ["confirmPassword"] = "a" }),
        };
        foreign.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(foreign)).StatusCode);
    }

    [Fact]
    public async Task ReservationLink_LeadsToTheBuiltInPage_ThatShowsTheBookingToItsHolder_AndNotToAnotherPerson()
    {
        var admin = await _desk.AdminAsync();
        var holder = await _desk.CreateUserAsync(fullName: "Ana Docente");
        var other = await _desk.CreateUserAsync();
        var item = await Reservations.ReservationApi.CreateItemAsync(admin, Reservations.ReservationApi.Projector, name: "Videobeam Epson");
        var start = _desk.Clock.GetUtcNow().AddDays(1);
        var booked = Reservations.ReservationApi.Id(await Reservations.ReservationApi.BookOkAsync(holder, item, start, start.AddHours(2)));

        var mail = await DeliveredAsync(holder.Email, "reservation.confirmed");
        var link = Link(mail, "/pages/reservations/");
        Assert.Equal($"{_address}/pages/reservations/{booked}", link);

        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        var anonymous = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal($"/pages/sign-in?returnUrl={Uri.EscapeDataString($"/pages/reservations/{booked}")}", anonymous.Headers.Location!.OriginalString);

        var page = await PageAsAsync(client, holder, link, HttpStatusCode.OK);
        Assert.Contains("<dd id=\"status\">Reservada</dd>", page, StringComparison.Ordinal);
        Assert.Contains("Videobeam Epson", page, StringComparison.Ordinal);
        Assert.Contains("Ana Docente", page, StringComparison.Ordinal);
        Assert.Contains("Clase de física", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Videobeam Epson", await PageAsAsync(client, other, link, HttpStatusCode.NotFound), StringComparison.Ordinal);
    }

    /// <summary>Signs in on the built-in sign-in page as <paramref name="person"/>, then opens <paramref name="link"/> with the page cookie.</summary>
    private async Task<string> PageAsAsync(HttpClient client, TestUser person, string link, HttpStatusCode expected)
    {
        var signIn = await client.PostAsync($"{_address}/pages/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = person.Email, ["password"] = MesaApiFactory.DefaultPassword, ["returnUrl"] = new Uri(link).AbsolutePath,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mesa_pages=", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Get, link);
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var page = await client.SendAsync(request);
        Assert.Equal(expected, page.StatusCode);
        return await page.Content.ReadAsStringAsync();
    }

    /// <summary>Delivers the outbox over SMTP and returns the last captured mail of <paramref name="kind"/> to <paramref name="email"/>.</summary>
    private async Task<MimeMessage> DeliveredAsync(string email, string kind)
    {
        await _desk.DeliverOutboxAsync();
        var kinds = await _desk.WithDbAsync(db => Task.FromResult(db.OutboxEmails.Where(m => m.To == email && m.Kind == kind).Select(m => m.Subject).ToList()));
        var subject = Assert.Single(kinds.Distinct());
        return _desk.Store.Received.Last(r => r.Recipients.Contains(email) && r.Message.Subject == subject).Message;
    }

    private static string Link(MimeMessage message, string contains)
    {
        var links = Regex.Matches(message.TextBody ?? string.Empty, @"https?://[^\s<>""]+").Select(m => m.Value).Where(l => l.Contains(contains, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(links);
        return links[0];
    }
}
