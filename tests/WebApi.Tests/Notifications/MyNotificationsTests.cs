using System.Net;
using System.Net.Http.Json;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.WebApi.Tests.Notifications;

/// <summary>In-app notifications (paged list, unread filter and count, mark read) and e-mail preferences per kind of event.</summary>
public sealed class MyNotificationsTests : IClassFixture<NotificationsFactory>
{
    private static int _nextTicket = 300;
    private readonly NotificationsFactory _factory;

    public MyNotificationsTests(NotificationsFactory factory) => _factory = factory;

    [Fact]
    public async Task Inbox_ListsNewestFirst_FiltersUnread_CountsAndMarksRead()
    {
        var cast = await _factory.CastAsync();
        var reader = await _factory.CreateUserAsync(fullName: "Lectora de Avisos");
        var tickets = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var ticketId = Interlocked.Increment(ref _nextTicket);
            tickets.Add(ticketId);
            await _factory.PublishAsync(NotificationMatrixTests.Base<TicketPendingIntegrationEvent>(cast, ticketId, cast.Technician, cast.Technician) with
            {
                RequesterId = reader.Id,
                ObserverIds = [],
                Reason = "Falta información.",
            });
        }

        var client = reader.Client;
        var page = await (await (await client.GetAsync("/api/v1/me/notifications?page=1&pageSize=2")).EnsureSuccessAsync()).JsonAsync();
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(tickets[2], items[0].GetProperty("ticketId").GetInt32());
        Assert.Equal($"Ticket #{tickets[2]} en espera: Impresora sin conexión", items[0].GetProperty("title").GetString());
        Assert.Equal($"/tickets/{tickets[2]}", items[0].GetProperty("link").GetString());
        Assert.Equal(3, await UnreadAsync(reader));

        var first = items[0].GetProperty("id").GetGuid();
        (await client.PostAsync($"/api/v1/me/notifications/{first}/read", null)).EnsureSuccessStatusCode();
        Assert.Equal(2, await UnreadAsync(reader));
        var unread = await (await client.GetAsync("/api/v1/me/notifications?unreadOnly=true")).JsonAsync();
        Assert.Equal(2, unread.GetProperty("total").GetInt32());
        Assert.DoesNotContain(unread.GetProperty("items").EnumerateArray(), n => n.GetProperty("id").GetGuid() == first);

        var someoneElse = await cast.Observer.Client.PostAsync($"/api/v1/me/notifications/{first}/read", null);
        await someoneElse.ProblemAsync(HttpStatusCode.NotFound, "notifications.not_found");

        var all = await (await (await client.PostAsync("/api/v1/me/notifications/read-all", null)).EnsureSuccessAsync()).JsonAsync();
        Assert.Equal(0, all.GetProperty("count").GetInt32());
        Assert.Equal(0, await UnreadAsync(reader));
        Assert.Equal(3, (await (await client.GetAsync("/api/v1/me/notifications")).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Inbox_RequiresSignIn()
    {
        var response = await _factory.Anonymous().GetAsync("/api/v1/me/notifications");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Preferences_TurningOffAKind_StopsItsMailButKeepsTheInAppNotification()
    {
        var cast = await _factory.CastAsync();
        var person = await _factory.CreateUserAsync(fullName: "Persona Sin Correos");
        var client = person.Client;

        var defaults = await (await (await client.GetAsync("/api/v1/me/notification-preferences")).EnsureSuccessAsync()).JsonAsync();
        var kinds = defaults.GetProperty("items").EnumerateArray().ToList();
        Assert.All(kinds, k => Assert.True(k.GetProperty("email").GetBoolean()));
        Assert.True(kinds.Single(k => k.GetProperty("kind").GetString() == "users.password_reset").GetProperty("locked").GetBoolean());
        Assert.False(kinds.Single(k => k.GetProperty("kind").GetString() == "ticket.solved").GetProperty("locked").GetBoolean());

        var updated = await (await (await client.PutAsJsonAsync("/api/v1/me/notification-preferences", new { items = new[] { new { kind = "ticket.solved", email = false } } })).EnsureSuccessAsync()).JsonAsync();
        Assert.False(updated.GetProperty("items").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "ticket.solved").GetProperty("email").GetBoolean());

        var solved = Interlocked.Increment(ref _nextTicket);
        await _factory.PublishAsync(NotificationMatrixTests.Base<TicketSolvedIntegrationEvent>(cast, solved, cast.Technician, cast.Technician) with { RequesterId = person.Id, Solution = "Listo." });
        var pending = Interlocked.Increment(ref _nextTicket);
        await _factory.PublishAsync(NotificationMatrixTests.Base<TicketPendingIntegrationEvent>(cast, pending, cast.Technician, cast.Technician) with { RequesterId = person.Id, Reason = "Esperamos." });

        Assert.Equal(0, await _factory.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.TicketId == solved && e.RecipientUserId == person.Id)));
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.TicketId == solved && n.UserId == person.Id)));
        Assert.Equal(1, await _factory.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.TicketId == solved && e.RecipientUserId == cast.Observer.Id)));
        Assert.Equal(1, await _factory.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.TicketId == pending && e.RecipientUserId == person.Id)));
    }

    [Fact]
    public async Task Preferences_SecurityMailsCannotBeTurnedOff_AndUnknownKindsAreRefused_NothingChanges()
    {
        var person = await _factory.CreateUserAsync();

        var response = await person.Client.PutAsJsonAsync("/api/v1/me/notification-preferences", new
        {
            items = new object[]
            {
                new { kind = "users.password_reset", email = false },
                new { kind = "ticket.nonsense", email = false },
                new { kind = "ticket.created", email = false },
            },
        });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        Assert.Equal("Los correos de seguridad (users.password_reset) no se pueden desactivar.", errors.GetProperty("items[0].email")[0].GetString());
        Assert.Equal("El tipo de notificación 'ticket.nonsense' no existe.", errors.GetProperty("items[1].kind")[0].GetString());
        var now = await (await person.Client.GetAsync("/api/v1/me/notification-preferences")).JsonAsync();
        Assert.All(now.GetProperty("items").EnumerateArray(), k => Assert.True(k.GetProperty("email").GetBoolean()));
    }

    private static async Task<int> UnreadAsync(TestUser user) =>
        (await (await user.Client.GetAsync("/api/v1/me/notifications/unread-count")).JsonAsync()).GetProperty("count").GetInt32();
}
