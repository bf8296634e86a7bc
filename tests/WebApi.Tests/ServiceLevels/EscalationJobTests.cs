using Mediator;
using MesaServicios.Application.Tickets.Escalation;
using MesaServicios.Domain.Tickets;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using MesaServicios.WebApi.Tests.Notifications;

namespace MesaServicios.WebApi.Tests.ServiceLevels;

/// <summary>
/// The escalation job's command against the real host (fake clock from Monday 2 March 2026, 08:00 in Bogota;
/// Medium: 600 business minutes to own, 3,000 to resolve; warnings at 75 %).
/// </summary>
public sealed class EscalationJobTests
{
    private static readonly TimeSpan Bogota = TimeSpan.FromHours(-5);

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Bogota);

    private static Task<EscalationReport> RunAsync(MesaApiFactory factory, EscalateTicketsRequest? request = null) =>
        factory.WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(request ?? new EscalateTicketsRequest()));

    private static Task<List<(int TicketId, string Text)>> EscalationsAsync(MesaApiFactory factory) =>
        factory.WithDbAsync(async db => (await db.Tickets.SelectMany(t => t.History).Where(h => h.Kind == TicketHistoryKind.Escalated)
            .Select(h => new { h.TicketId, h.Text }).ToListAsync()).Select(h => (h.TicketId, h.Text!)).ToList());

    private static Task<List<(int? TicketId, string Kind, Guid UserId)>> NotificationsAsync(MesaApiFactory factory) =>
        factory.WithDbAsync(async db => (await InAppAudience.SeenAsync(db))
            .Where(n => n.Kind.StartsWith("ticket.sla", StringComparison.Ordinal) || n.Kind == "ticket.escalated" || n.Kind == "ticket.auto_close_warning").ToList());

    [Fact]
    public async Task TwoRunsAtOnce_RaiseEachLevelOnce_AndNotifyEachPersonOnce()
    {
        using var factory = new MesaApiFactory();
        var cast = await TicketCast.For(factory);
        var second = await factory.CreateUserAsync(UserRole.Technician);
        var ids = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await TicketApi.OpenIdAsync(cast.RequesterA, $"Equipo sin red {i}"));
        }

        // Tuesday 09:00: the time to own (Monday 08:00 + 600 business minutes = Tuesday 08:00) has passed.
        factory.Clock.SetUtcNow(Local(3, 3, 9, 0));
        var reports = await Task.WhenAll(RunAsync(factory), RunAsync(factory));
        var third = await RunAsync(factory);

        Assert.Equal(12, reports.Sum(r => r.Raised));
        Assert.Equal(0, third.Due);
        var escalations = await EscalationsAsync(factory);
        Assert.Equal(12, escalations.Count);
        Assert.All(ids, id => Assert.Equal(["OwnNearing", "OwnMissed"], escalations.Where(e => e.TicketId == id).Select(e => e.Text).Order(StringComparer.Ordinal).Reverse()));

        var notifications = await NotificationsAsync(factory);
        Assert.Equal(notifications.Count, notifications.Distinct().Count());
        var desk = new[] { cast.Technician.Id, second.Id, cast.Administrator.Id };
        Assert.All(ids, id =>
        {
            Assert.Equal(desk.Order(), notifications.Where(n => n.TicketId == id && n.Kind == "ticket.sla_warning").Select(n => n.UserId).Order());
            Assert.Equal([cast.Administrator.Id], notifications.Where(n => n.TicketId == id && n.Kind == "ticket.escalated").Select(n => n.UserId));
        });
        var requester = await factory.SignInAsync(cast.RequesterA.Email, MesaApiFactory.DefaultPassword);
        var ticket = await TicketApi.GetAsync(requester, ids[0]);
        Assert.Equal("High", ticket.GetProperty("priority").GetString());
        Assert.Equal("Breached", ticket.GetProperty("serviceLevel").GetProperty("state").GetString());
        Assert.Contains("Escalated", ticket.TimelineKinds());
    }

    [Fact]
    public async Task TwoRunsAtOnce_InSmallGroups_RaiseEveryDueTicketOnce_AcrossGroups()
    {
        using var factory = new MesaApiFactory();
        var cast = await TicketCast.For(factory);
        var ids = new List<int>();
        for (var i = 0; i < 9; i++)
        {
            ids.Add(await TicketApi.OpenIdAsync(cast.RequesterA, $"Impresora sin tóner {i}"));
        }

        // Groups of 4 (4 + 4 + 1): the two runs race on the same groups; a group that lost the race is undone whole
        // and its tickets are taken one by one, so every level is still raised exactly once.
        factory.Clock.SetUtcNow(Local(3, 3, 9, 0));
        var grouped = new EscalateTicketsRequest(TicketsPerTransaction: 4);
        var reports = await Task.WhenAll(RunAsync(factory, grouped), RunAsync(factory, grouped));
        var again = await RunAsync(factory, grouped);

        Assert.Equal(18, reports.Sum(r => r.Raised));
        Assert.Equal(0, again.Due);
        var escalations = await EscalationsAsync(factory);
        Assert.Equal(18, escalations.Count);
        Assert.All(ids, id => Assert.Equal(["OwnMissed", "OwnNearing"], escalations.Where(e => e.TicketId == id).Select(e => e.Text).Order(StringComparer.Ordinal)));
        var notifications = await NotificationsAsync(factory);
        Assert.Equal(notifications.Count, notifications.Distinct().Count());
        Assert.All(ids, id =>
        {
            Assert.Equal(new[] { cast.Technician.Id, cast.Administrator.Id }.Order(), notifications.Where(n => n.TicketId == id && n.Kind == "ticket.sla_warning").Select(n => n.UserId).Order());
            Assert.Equal([cast.Administrator.Id], notifications.Where(n => n.TicketId == id && n.Kind == "ticket.escalated").Select(n => n.UserId));
        });
        var mails = await factory.WithDbAsync(db => db.OutboxEmails.Where(m => m.Kind == "ticket.sla_warning" || m.Kind == "ticket.escalated").ToListAsync());
        Assert.Equal(9 * 3, mails.Sum(m => m.Addressees().Count));
    }

    [Fact]
    public async Task AfterDowntime_EachMissedLevelIsRaisedOnce()
    {
        using var factory = new MesaApiFactory();
        var cast = await TicketCast.For(factory);
        var id = await TicketApi.OpenIdAsync(cast.RequesterA);

        factory.Clock.SetUtcNow(Local(3, 20, 9, 0));
        var report = await RunAsync(factory);
        var again = await RunAsync(factory);

        Assert.Equal(4, report.Raised);
        Assert.Equal(0, again.Due);
        Assert.Equal(["OwnMissed", "OwnNearing", "ResolveMissed", "ResolveNearing"], (await EscalationsAsync(factory)).Where(e => e.TicketId == id).Select(e => e.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AssignedTicket_WarnsOnlyItsTechnician_ThenTheAdministrators()
    {
        using var factory = new MesaApiFactory();
        var cast = await TicketCast.For(factory);
        var id = await TicketApi.OpenIdAsync(cast.RequesterA);
        await TicketApi.ActAsync(cast.Technician, id, "assign", new { technicianId = cast.Technician.Id });

        // 75 % of 3,000 business minutes: Thursday 5 March 15:30 (Monday 08:00 + 2,250).
        factory.Clock.SetUtcNow(Local(3, 5, 15, 31));
        var nearing = await RunAsync(factory);
        factory.Clock.SetUtcNow(Local(3, 9, 8, 1));
        var missed = await RunAsync(factory);

        Assert.Equal(1, nearing.Raised);
        Assert.Equal(1, missed.Raised);
        var notifications = (await NotificationsAsync(factory)).Where(n => n.TicketId == id).ToList();
        Assert.Equal([("ticket.sla_warning", cast.Technician.Id)], notifications.Where(n => n.Kind == "ticket.sla_warning").Select(n => (n.Kind, n.UserId)));
        Assert.Equal([cast.Administrator.Id], notifications.Where(n => n.Kind == "ticket.escalated").Select(n => n.UserId));
        Assert.Equal(["ResolveMissed", "ResolveNearing"], (await EscalationsAsync(factory)).Select(e => e.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SolvedTicket_TheRequesterIsWarnedOnce_OneBusinessDayBeforeItClosesItself()
    {
        using var factory = new MesaApiFactory();
        var cast = await TicketCast.For(factory);
        var id = await TicketApi.OpenIdAsync(cast.RequesterA);
        await TicketApi.ActAsync(cast.Technician, id, "assign", new { technicianId = cast.Technician.Id });
        await TicketApi.ActAsync(cast.Technician, id, "solve", new { solution = "Se cambió el cable de red." });

        // Solved Monday 08:00 → closes Saturday 7 March 08:00; one business day earlier: Thursday 5 March 17:00.
        factory.Clock.SetUtcNow(Local(3, 5, 16, 59));
        var early = await RunAsync(factory);
        factory.Clock.SetUtcNow(Local(3, 6, 7, 1));
        var due = await RunAsync(factory);
        var again = await RunAsync(factory);

        Assert.Equal(0, early.Raised);
        Assert.Equal(1, due.Raised);
        Assert.Equal(0, again.Due);
        Assert.Equal([("ticket.auto_close_warning", cast.RequesterA.Id)], (await NotificationsAsync(factory)).Where(n => n.TicketId == id).Select(n => (n.Kind, n.UserId)));
        var mails = Directory.Exists(factory.PickupDirectory) ? Directory.GetFiles(factory.PickupDirectory) : [];
        await factory.DeliverOutboxAsync();
        var delivered = Directory.GetFiles(factory.PickupDirectory).Except(mails).Select(File.ReadAllText).ToList();
        Assert.Contains(delivered, m => m.Contains("se cerrar", StringComparison.Ordinal) || m.Contains("se cerrará", StringComparison.Ordinal) || m.Contains("=C3=A1", StringComparison.Ordinal));
    }
}
