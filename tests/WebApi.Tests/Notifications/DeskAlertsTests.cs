using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using MesaServicios.Application.Notifications.Retention;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Notifications;

/// <summary>
/// A new ticket alerts the desk with one alert per language instead of one notification per desk member: each member
/// still sees it in his notifications with his own read state; requesters never see it.
/// </summary>
public sealed class DeskAlertsTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public DeskAlertsTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task NewTicket_IsOneAlertPerLanguage_EveryTechnicianSeesIt_AndReadsItForHimselfOnly()
    {
        var spanish = await _factory.CreateUserAsync(UserRole.Technician);
        var colleague = await _factory.CreateUserAsync(UserRole.Technician);
        var english = await _factory.CreateUserAsync(UserRole.Technician, language: "en");
        var requester = await _factory.CreateUserAsync();

        var ticketId = await TicketApi.OpenIdAsync(requester, "Proyector sin imagen");

        var alerts = await _factory.WithDbAsync(db => db.DeskAlerts.Where(a => a.TicketId == ticketId).Select(a => a.Language).ToListAsync());
        Assert.Equal(["en", "es"], alerts.Order(StringComparer.Ordinal));
        var rows = await _factory.WithDbAsync(db => db.Notifications.Where(n => n.TicketId == ticketId).Select(n => n.UserId).ToListAsync());
        Assert.Equal([requester.Id], rows);

        var mine = await AlertOfAsync(spanish, ticketId);
        Assert.Equal($"Nuevo ticket #{ticketId}: Proyector sin imagen", mine.GetProperty("title").GetString());
        Assert.Equal($"/tickets/{ticketId}", mine.GetProperty("link").GetString());
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("readAt").ValueKind);
        Assert.Equal($"New ticket #{ticketId}: Proyector sin imagen", (await AlertOfAsync(english, ticketId)).GetProperty("title").GetString());
        var colleagueUnread = await UnreadAsync(colleague);

        var id = mine.GetProperty("id").GetGuid();
        var before = await UnreadAsync(spanish);
        (await spanish.Client.PostAsync($"/api/v1/me/notifications/{id}/read", null)).EnsureSuccessStatusCode();
        (await spanish.Client.PostAsync($"/api/v1/me/notifications/{id}/read", null)).EnsureSuccessStatusCode();

        Assert.Equal(before - 1, await UnreadAsync(spanish));
        Assert.NotEqual(JsonValueKind.Null, (await AlertOfAsync(spanish, ticketId)).GetProperty("readAt").ValueKind);
        Assert.DoesNotContain(await ItemsAsync(spanish, unreadOnly: true), n => n.GetProperty("id").GetGuid() == id);
        Assert.Equal(colleagueUnread, await UnreadAsync(colleague));
        Assert.Equal(JsonValueKind.Null, (await AlertOfAsync(colleague, ticketId)).GetProperty("readAt").ValueKind);
        Assert.Contains(await ItemsAsync(colleague, unreadOnly: true), n => n.GetProperty("id").GetGuid() == id);

        // Another language's alert, and any alert for a requester, is someone else's notification.
        await (await english.Client.PostAsync($"/api/v1/me/notifications/{id}/read", null)).ProblemAsync(HttpStatusCode.NotFound, "notifications.not_found");
        await (await requester.Client.PostAsync($"/api/v1/me/notifications/{id}/read", null)).ProblemAsync(HttpStatusCode.NotFound, "notifications.not_found");
    }

    [Fact]
    public async Task Requester_NeverSeesDeskAlerts()
    {
        var requester = await _factory.CreateUserAsync();
        var other = await _factory.CreateUserAsync();
        await _factory.CreateUserAsync(UserRole.Technician);

        var ticketId = await TicketApi.OpenIdAsync(other, "Correo no sincroniza");
        var mine = await TicketApi.OpenIdAsync(requester, "Teclado dañado");

        var items = await ItemsAsync(requester, unreadOnly: false);
        Assert.Equal([mine], items.Select(n => n.GetProperty("ticketId").GetInt32()));
        Assert.Equal(1, await UnreadAsync(requester));
        Assert.DoesNotContain(await ItemsAsync(other, unreadOnly: false), n => n.GetProperty("ticketId").GetInt32() != ticketId);
    }

    [Fact]
    public async Task ATechnicianWhoOpensATicket_GetsHisConfirmation_NotTheDeskAlert_WhichTheOthersSee()
    {
        var author = await _factory.CreateUserAsync(UserRole.Technician);
        var other = await _factory.CreateUserAsync(UserRole.Technician);

        var ticketId = await TicketApi.OpenIdAsync(author, "Red lenta en el bloque B");

        var his = (await ItemsAsync(author, unreadOnly: false)).Where(n => n.GetProperty("ticketId").GetInt32() == ticketId).ToList();
        Assert.Equal(["ticket.created"], his.Select(n => n.GetProperty("kind").GetString()));
        Assert.False(await _factory.WithDbAsync(db => db.DeskAlerts.AnyAsync(a => a.TicketId == ticketId && a.Language == "es" && a.ExceptUserId != author.Id)));
        var alert = await AlertOfAsync(other, ticketId);
        Assert.NotEqual(his[0].GetProperty("id").GetGuid(), alert.GetProperty("id").GetGuid());
        await (await author.Client.PostAsync($"/api/v1/me/notifications/{alert.GetProperty("id").GetGuid()}/read", null))
            .ProblemAsync(HttpStatusCode.NotFound, "notifications.not_found");
    }

    [Fact]
    public async Task MarkAllRead_ReadsEveryAlertRaisedSoFar_ButNotTheNextOne()
    {
        var technician = await _factory.CreateUserAsync(UserRole.Technician);
        var requester = await _factory.CreateUserAsync();
        await TicketApi.OpenIdAsync(requester, "Monitor parpadea");
        await TicketApi.OpenIdAsync(requester, "Mouse no funciona");
        Assert.True(await UnreadAsync(technician) >= 2);

        var all = await (await (await technician.Client.PostAsync("/api/v1/me/notifications/read-all", null)).EnsureSuccessAsync()).JsonAsync();

        Assert.Equal(0, all.GetProperty("count").GetInt32());
        Assert.Equal(0, await UnreadAsync(technician));
        Assert.Empty(await ItemsAsync(technician, unreadOnly: true));
        Assert.All(await ItemsAsync(technician, unreadOnly: false), n => Assert.NotEqual(JsonValueKind.Null, n.GetProperty("readAt").ValueKind));

        var next = await TicketApi.OpenIdAsync(requester, "Parlantes sin sonido");
        Assert.Equal(1, await UnreadAsync(technician));
        Assert.Equal([next], (await ItemsAsync(technician, unreadOnly: true)).Select(n => n.GetProperty("ticketId").GetInt32()));
    }

    [Fact]
    public async Task APromotedTechnician_SeesOnlyAlertsRaisedSinceHeJoined_AndADemotedOneSeesNoneAnyMore()
    {
        var person = await _factory.CreateUserAsync(fullName: "Persona Promovida");
        var requester = await _factory.CreateUserAsync();
        var before = await TicketApi.OpenIdAsync(requester, "Antes de la promoción");

        var admin = await _factory.AdminAsync();
        (await admin.Client.PostAsJsonAsync($"/api/v1/users/{person.Id}/role", new { role = "Technician" })).EnsureSuccessStatusCode();
        var technician = await _factory.SignInAsync(person.Email, MesaApiFactory.DefaultPassword);
        var after = await TicketApi.OpenIdAsync(requester, "Después de la promoción");

        var seen = (await ItemsAsync(technician, unreadOnly: false)).Select(n => n.GetProperty("ticketId").GetInt32()).ToList();
        Assert.Contains(after, seen);
        Assert.DoesNotContain(before, seen);
        var alert = await AlertOfAsync(technician, after);

        (await admin.Client.PostAsJsonAsync($"/api/v1/users/{person.Id}/role", new { role = "Requester" })).EnsureSuccessStatusCode();
        var demoted = await _factory.SignInAsync(person.Email, MesaApiFactory.DefaultPassword);

        Assert.Empty(await ItemsAsync(demoted, unreadOnly: false));
        Assert.Equal(0, await UnreadAsync(demoted));
        await (await demoted.Client.PostAsync($"/api/v1/me/notifications/{alert.GetProperty("id").GetGuid()}/read", null))
            .ProblemAsync(HttpStatusCode.NotFound, "notifications.not_found");
    }

    [Fact]
    public async Task MarkingReadAtOnce_ManyClicksOfOnePerson_AllSucceed_AndLeaveOneMark()
    {
        var technician = await _factory.CreateUserAsync(UserRole.Technician);
        var requester = await _factory.CreateUserAsync();
        var ticketId = await TicketApi.OpenIdAsync(requester, "Clics repetidos");
        var id = (await AlertOfAsync(technician, ticketId)).GetProperty("id").GetGuid();

        var reads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => technician.Client.PostAsync($"/api/v1/me/notifications/{id}/read", null)));
        var all = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => technician.Client.PostAsync("/api/v1/me/notifications/read-all", null)));

        Assert.All(reads.Concat(all), r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));
        Assert.Equal(1, await _factory.WithDbAsync(db => db.DeskAlertReads.CountAsync(r => r.UserId == technician.Id)));
        Assert.Equal(1, await _factory.WithDbAsync(db => db.DeskAlertWatermarks.CountAsync(w => w.UserId == technician.Id)));
        Assert.Equal(0, await UnreadAsync(technician));
    }

    [Fact]
    public async Task Retention_PurgesOldDeskAlertsAndTheirReadMarks_KeepsRecentOnes()
    {
        using var factory = new MesaApiFactory();
        var technician = await factory.CreateUserAsync(UserRole.Technician);
        var requester = await factory.CreateUserAsync();
        var old = await TicketApi.OpenIdAsync(requester, "Ticket antiguo");
        var oldAlert = (await ItemsAsync(technician, unreadOnly: false)).Single(n => n.GetProperty("ticketId").GetInt32() == old);
        (await technician.Client.PostAsync($"/api/v1/me/notifications/{oldAlert.GetProperty("id").GetGuid()}/read", null)).EnsureSuccessStatusCode();

        factory.Clock.Advance(TimeSpan.FromDays(181));
        technician = await factory.SignInAsync(technician.Email, MesaApiFactory.DefaultPassword);
        var recent = await TicketApi.OpenIdAsync(await factory.SignInAsync(requester.Email, MesaApiFactory.DefaultPassword), "Ticket reciente");
        var purged = await factory.WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(new PurgeDeskAlertsCommand(500)));

        Assert.Equal(1, purged);
        Assert.Equal([recent], await factory.WithDbAsync(db => db.DeskAlerts.Select(a => a.TicketId!.Value).ToListAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.DeskAlertReads.CountAsync()));
        Assert.Equal([recent], (await ItemsAsync(technician, unreadOnly: false)).Select(n => n.GetProperty("ticketId").GetInt32()));
        Assert.Equal(0, await factory.WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(new PurgeDeskAlertsCommand(500))));
    }

    private static async Task<List<JsonElement>> ItemsAsync(TestUser user, bool unreadOnly)
    {
        var page = await (await (await user.Client.GetAsync($"/api/v1/me/notifications?pageSize=100&unreadOnly={unreadOnly.ToString().ToLowerInvariant()}")).EnsureSuccessAsync()).JsonAsync();
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(page.GetProperty("total").GetInt32(), items.Count);
        return items;
    }

    private static async Task<JsonElement> AlertOfAsync(TestUser user, int ticketId) =>
        (await ItemsAsync(user, unreadOnly: false)).Single(n => n.GetProperty("ticketId").GetInt32() == ticketId && n.GetProperty("kind").GetString() == "ticket.created");

    private static async Task<int> UnreadAsync(TestUser user) =>
        (await (await (await user.Client.GetAsync("/api/v1/me/notifications/unread-count")).EnsureSuccessAsync()).JsonAsync()).GetProperty("count").GetInt32();
}
