using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;

namespace MesaServicios.WebApi.Tests.ServiceLevels;

/// <summary>
/// Due dates through the real host, with the fake clock (start: Monday 2 March 2026, 08:00 in Bogota). Default
/// targets: Medium 600 business minutes to own and 3,000 to resolve; VeryHigh 60 and 600.
/// </summary>
public sealed class TicketDueDatesTests
{
    private static readonly TimeSpan Bogota = TimeSpan.FromHours(-5);

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Bogota);

    private static DateTimeOffset At(JsonElement element, string name) => element.GetProperty(name).GetDateTimeOffset();

    /// <summary>The fake clock moves a millisecond on every read: instants are compared to the second.</summary>
    private static void AssertNear(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.True((actual - expected).Duration() < TimeSpan.FromSeconds(1), $"Expected {expected:O}, got {actual:O}.");

    private static async Task<JsonElement> SlaAsync(TestUser user, int id) =>
        await (await (await user.Client.GetAsync($"/api/v1/tickets/{id}/sla")).EnsureSuccessAsync()).JsonAsync();

    [Fact]
    public async Task TicketOpenedFriday1650_IsDueMonday1650_AndOnBehalfTicketsGetTheirUrgencysTargets()
    {
        using var factory = new MesaApiFactory();
        var requester = await factory.CreateUserAsync();
        var technician = await factory.CreateUserAsync(UserRole.Technician);
        factory.Clock.SetUtcNow(Local(3, 6, 16, 50));
        requester = await factory.SignInAsync(requester.Email, MesaApiFactory.DefaultPassword);
        technician = await factory.SignInAsync(technician.Email, MesaApiFactory.DefaultPassword);

        var portal = await TicketApi.OpenAsync(requester, urgency: "Medium");
        var response = await technician.Client.PostAsJsonAsync("/api/v1/tickets/on-behalf", new
        {
            requesterId = requester.Id, title = "Sin acceso al correo", description = "Llamó a la mesa: no puede iniciar sesión.", type = "Request", urgency = "VeryHigh",
        });
        var phone = await (await response.EnsureSuccessAsync()).JsonAsync();

        var sla = portal.GetProperty("serviceLevel");
        AssertNear(Local(3, 9, 16, 50), At(sla, "ownDueAt"));
        AssertNear(Local(3, 13, 16, 50), At(sla, "resolveDueAt"));
        Assert.Equal("OnTrack", sla.GetProperty("state").GetString());
        AssertNear(Local(3, 9, 7, 50), At(phone.GetProperty("serviceLevel"), "ownDueAt"));
        var read = await TicketApi.GetAsync(requester, portal.GetProperty("id").GetInt32());
        AssertNear(Local(3, 9, 16, 50), At(read.GetProperty("serviceLevel"), "ownDueAt"));
    }

    [Fact]
    public async Task ChangingTheUrgency_RecomputesTheDueDates_IsRecorded_AndIsForTheDeskOnly()
    {
        using var factory = new MesaApiFactory();
        var cast = await TicketCast.For(factory);
        var ticket = await TicketApi.OpenAsync(cast.RequesterA, urgency: "Low");
        var id = ticket.GetProperty("id").GetInt32();
        var version = ticket.GetProperty("version").GetInt32();

        var byRequester = await TicketApi.PostAsync(cast.RequesterA, id, "urgency", new { urgency = "VeryHigh" });
        await byRequester.ProblemAsync(HttpStatusCode.Forbidden);
        var stale = await TicketApi.PostAsync(cast.Technician, id, "urgency", new { urgency = "VeryHigh" }, ifMatch: version + 5);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var bad = await TicketApi.PostAsync(cast.Technician, id, "urgency", new { });
        var problem = await bad.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("urgency", out _));

        var changed = await TicketApi.ActAsync(cast.Technician, id, "urgency", new { urgency = "VeryHigh" }, ifMatch: version);

        Assert.Equal("VeryHigh", changed.GetProperty("urgency").GetString());
        AssertNear(Local(3, 2, 9, 0), At(changed.GetProperty("serviceLevel"), "ownDueAt"));
        AssertNear(Local(3, 3, 8, 0), At(changed.GetProperty("serviceLevel"), "resolveDueAt"));
        Assert.Equal("UrgencyChanged", changed.TicketTimelineLast());
        Assert.Contains("SetUrgency", changed.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Pending_PausesTheResolveClock_TheExplanationShowsIt_AndTheDueDateMoves()
    {
        using var factory = new MesaApiFactory();
        var cast = await TicketCast.For(factory);
        var id = await TicketApi.OpenIdAsync(cast.RequesterA);
        await TicketApi.ActAsync(cast.Technician, id, "assign", new { technicianId = cast.Technician.Id });
        factory.Clock.SetUtcNow(Local(3, 2, 10, 0));
        var technician = await factory.SignInAsync(cast.Technician.Email, MesaApiFactory.DefaultPassword);
        await TicketApi.ActAsync(technician, id, "pending", new { reason = "Esperando el repuesto." });

        factory.Clock.SetUtcNow(Local(3, 3, 10, 0));
        var requester = await factory.SignInAsync(cast.RequesterA.Email, MesaApiFactory.DefaultPassword);
        var whilePaused = await SlaAsync(requester, id);
        Assert.True(whilePaused.GetProperty("paused").GetBoolean());
        await TicketApi.ActAsync(requester, id, "follow-ups", new { content = "Ya llegó el repuesto." });
        factory.Clock.SetUtcNow(Local(3, 3, 11, 0));
        requester = await factory.SignInAsync(cast.RequesterA.Email, MesaApiFactory.DefaultPassword);

        var sla = await SlaAsync(requester, id);

        Assert.False(sla.GetProperty("paused").GetBoolean());
        Assert.Equal(600, sla.GetProperty("pausedBusinessMinutes").GetInt32());
        AssertNear(Local(3, 10, 8, 0), At(sla.GetProperty("timeToResolve"), "dueAt"));
        var segments = sla.GetProperty("segments").EnumerateArray().Select(s => (Kind: s.GetProperty("kind").GetString(), Minutes: s.GetProperty("businessMinutes").GetInt32(), Note: s.GetProperty("note").GetString())).ToList();
        Assert.Equal(
            [("Running", 120, null), ("Paused", 420, "Pending"), ("OutsideHours", 0, null), ("Paused", 180, "Pending"), ("Running", 60, null)],
            segments);
        Assert.Equal(180, sla.GetProperty("timeToResolve").GetProperty("businessMinutesUsed").GetInt32());
        AssertNear(Local(3, 2, 8, 0), At(sla.GetProperty("timeToOwn"), "stoppedAt"));
        Assert.Equal("OnTrack", sla.GetProperty("state").GetString());
        var ticket = await TicketApi.GetAsync(requester, id);
        AssertNear(Local(3, 10, 8, 0), At(ticket.GetProperty("serviceLevel"), "resolveDueAt"));
    }

    [Fact]
    public async Task Explanation_NamesTheHolidayAndTheHoursOutside_AndSaysWhatHappensNext()
    {
        using var factory = new MesaApiFactory();
        var cast = await TicketCast.For(factory);
        factory.Clock.SetUtcNow(Local(3, 20, 16, 50));
        var requester = await factory.SignInAsync(cast.RequesterA.Email, MesaApiFactory.DefaultPassword);
        var id = await TicketApi.OpenIdAsync(requester);
        factory.Clock.SetUtcNow(Local(3, 24, 8, 0));
        requester = await factory.SignInAsync(cast.RequesterA.Email, MesaApiFactory.DefaultPassword);

        var sla = await SlaAsync(requester, id);

        var segments = sla.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(["Running", "OutsideHours", "Holiday", "OutsideHours", "Running"], segments.Select(s => s.GetProperty("kind").GetString()));
        Assert.Equal("Día de San José", segments[2].GetProperty("note").GetString());
        Assert.Equal([10, 0, 0, 0, 60], segments.Select(s => s.GetProperty("businessMinutes").GetInt32()));
        Assert.Equal(70, sla.GetProperty("timeToOwn").GetProperty("businessMinutesUsed").GetInt32());
        AssertNear(Local(3, 24, 16, 50), At(sla.GetProperty("timeToOwn"), "dueAt"));
        Assert.Equal(600, sla.GetProperty("timeToOwn").GetProperty("targetMinutes").GetInt32());
        Assert.Contains("2026-03-24 14:20 -05:00", sla.GetProperty("next").GetString());
        Assert.Equal(["OwnNearing", "OwnMissed", "ResolveNearing", "ResolveMissed", "AutoCloseWarning"],
            sla.GetProperty("escalations").EnumerateArray().Select(e => e.GetProperty("level").GetString()));
        Assert.Equal("AllTechnicians", sla.GetProperty("escalations")[0].GetProperty("notifies").GetString());
    }

    [Fact]
    public async Task Explanation_FollowsTheTicketsAuthorisation()
    {
        using var factory = new MesaApiFactory();
        var cast = await TicketCast.For(factory);
        var id = await TicketApi.OpenIdAsync(cast.RequesterA, observers: [cast.Observer.Email]);

        var stranger = await cast.RequesterB.Client.GetAsync($"/api/v1/tickets/{id}/sla");
        var missing = await cast.Technician.Client.GetAsync("/api/v1/tickets/987654/sla");

        await stranger.ProblemAsync(HttpStatusCode.NotFound, "tickets.not_found");
        await missing.ProblemAsync(HttpStatusCode.NotFound, "tickets.not_found");
        await SlaAsync(cast.Observer, id);
        await SlaAsync(cast.Technician, id);
    }

    [Fact]
    public async Task NewTargets_ApplyToNewTickets_AndToOpenOnesOnlyOnRecompute()
    {
        using var factory = new MesaApiFactory();
        var cast = await TicketCast.For(factory);
        var before = await TicketApi.OpenIdAsync(cast.RequesterA, "Antes del cambio");

        await (await cast.Administrator.Client.PutAsJsonAsync("/api/v1/service-levels/targets", new
        {
            targets = new[] { new { urgency = "Medium", ownMinutes = 120, resolveMinutes = 1_200 } },
        })).EnsureSuccessAsync();
        var after = await TicketApi.OpenAsync(cast.RequesterA, "Después del cambio");

        AssertNear(Local(3, 2, 10, 0), At(after.GetProperty("serviceLevel"), "ownDueAt"));
        AssertNear(Local(3, 3, 8, 0), At((await TicketApi.GetAsync(cast.RequesterA, before)).GetProperty("serviceLevel"), "ownDueAt"));

        var report = await (await (await cast.Administrator.Client.PostAsync("/api/v1/service-levels/recompute", null)).EnsureSuccessAsync()).JsonAsync();
        var again = await (await (await cast.Administrator.Client.PostAsync("/api/v1/service-levels/recompute", null)).EnsureSuccessAsync()).JsonAsync();

        Assert.Equal(1, report.GetProperty("changed").GetInt32());
        Assert.Equal(0, again.GetProperty("changed").GetInt32());
        var recomputed = await TicketApi.GetAsync(cast.RequesterA, before);
        AssertNear(Local(3, 2, 10, 0), At(recomputed.GetProperty("serviceLevel"), "ownDueAt"));
        Assert.Equal("ServiceLevelRecomputed", recomputed.TicketTimelineLast());
    }

    [Fact]
    public async Task DeskSearch_FiltersOverdueAndDueSoon_SortsByDueDate_AndShowsTheState()
    {
        using var factory = new MesaApiFactory();
        var cast = await TicketCast.For(factory);
        var low = (await TicketApi.OpenAsync(cast.RequesterA, "Solicitud de software", urgency: "Low")).GetProperty("id").GetInt32();
        var high = (await TicketApi.OpenAsync(cast.RequesterA, "Proyector del aula 3", urgency: "High")).GetProperty("id").GetInt32();
        var veryHigh = (await TicketApi.OpenAsync(cast.RequesterA, "Servidor caído", urgency: "VeryHigh")).GetProperty("id").GetInt32();

        // Monday 10:00: VeryHigh had to be owned by 09:00; High by 12:00; Low by Wednesday.
        factory.Clock.SetUtcNow(Local(3, 2, 10, 0));
        var technician = await factory.SignInAsync(cast.Technician.Email, MesaApiFactory.DefaultPassword);
        async Task<List<JsonElement>> SearchAsync(string query) =>
            (await (await (await technician.Client.GetAsync($"/api/v1/tickets?{query}")).EnsureSuccessAsync()).JsonAsync()).GetProperty("items").EnumerateArray().ToList();

        var overdue = await SearchAsync("overdue=true");
        var dueSoon = await SearchAsync("dueWithinHours=3");
        var byDueDate = await SearchAsync("sort=dueAt");
        var bad = await technician.Client.GetAsync("/api/v1/tickets?overdue=quizas");

        Assert.Equal([veryHigh], overdue.Select(t => t.GetProperty("id").GetInt32()));
        Assert.Equal("Breached", overdue[0].GetProperty("slaState").GetString());
        Assert.Equal([high], dueSoon.Select(t => t.GetProperty("id").GetInt32()));
        Assert.Equal("OnTrack", dueSoon[0].GetProperty("slaState").GetString());
        AssertNear(Local(3, 2, 12, 0), At(dueSoon[0], "ownDueAt"));
        Assert.Equal([veryHigh, high, low], byDueDate.Select(t => t.GetProperty("id").GetInt32()));
        var problem = await bad.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("overdue", out _));
        var queue = (await (await (await technician.Client.GetAsync("/api/v1/tickets/queue")).EnsureSuccessAsync()).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([low, high, veryHigh], queue.Select(t => t.GetProperty("id").GetInt32()));
        Assert.Equal("Breached", queue[2].GetProperty("slaState").GetString());
    }
}

internal static class TicketTimelineExtensions
{
    public static string? TicketTimelineLast(this JsonElement ticket) =>
        ticket.GetProperty("timeline").EnumerateArray().Last().GetProperty("kind").GetString();
}
