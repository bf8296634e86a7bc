using Mediator;
using MesaServicios.Application.Tickets.AutoClose;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Tickets;

public sealed class AutoCloseSolvedTicketsTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public AutoCloseSolvedTicketsTests(MesaApiFactory factory) => _factory = factory;

    private Task<AutoCloseReport> RunJobAsync() =>
        _factory.WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(new CloseSolvedTicketsRequest()));

    [Fact]
    public async Task SolvedForMoreThanTheDelay_ClosesAutomatically_OnceAndOnlyThose()
    {
        var requester = await _factory.CreateUserAsync();
        var technician = await _factory.CreateUserAsync(Domain.Users.UserRole.Technician);
        var old = await TicketApi.OpenIdAsync(requester, "Solucionado hace tiempo");
        var recent = await TicketApi.OpenIdAsync(requester, "Solucionado hace poco");
        var open = await TicketApi.OpenIdAsync(requester, "Todavía abierto");
        await TicketApi.ActAsync(technician, old, "assign", new { technicianId = technician.Id });
        await TicketApi.ActAsync(technician, old, "solve", new { solution = "Hecho." });
        await TicketApi.ActAsync(technician, recent, "assign", new { technicianId = technician.Id });

        _factory.Clock.Advance(TimeSpan.FromDays(3));
        technician = await _factory.SignInAsync(technician.Email, MesaApiFactory.DefaultPassword);
        await TicketApi.ActAsync(technician, recent, "solve", new { solution = "Hecho también." });
        _factory.Clock.Advance(TimeSpan.FromDays(2).Add(TimeSpan.FromMinutes(1)));

        var report = await RunJobAsync();
        var again = await RunJobAsync();

        Assert.Equal(1, report.Closed);
        Assert.Equal(0, again.Due);
        technician = await _factory.SignInAsync(technician.Email, MesaApiFactory.DefaultPassword);
        var closed = await TicketApi.GetAsync(technician, old);
        Assert.Equal("Closed", closed.Status());
        Assert.True(closed.GetProperty("closedAutomatically").GetBoolean());
        var closing = closed.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal("Closed", closing.GetProperty("kind").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, closing.GetProperty("actor").ValueKind);
        Assert.Equal("Solved", (await TicketApi.GetAsync(technician, recent)).Status());
        Assert.Equal("New", (await TicketApi.GetAsync(technician, open)).Status());
    }

    [Fact]
    public async Task ConfiguredDelay_IsHonoured()
    {
        using var factory = new MesaApiFactory().With("Tickets:AutoCloseAfterDays", "1");
        var requester = await factory.CreateUserAsync();
        var technician = await factory.CreateUserAsync(Domain.Users.UserRole.Technician);
        var id = await TicketApi.OpenIdAsync(requester);
        await TicketApi.ActAsync(technician, id, "assign", new { technicianId = technician.Id });
        await TicketApi.ActAsync(technician, id, "solve", new { solution = "Hecho." });

        factory.Clock.Advance(TimeSpan.FromDays(1).Add(TimeSpan.FromMinutes(1)));
        var report = await factory.WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(new CloseSolvedTicketsRequest()));

        Assert.Equal(1, report.Closed);
    }

    [Fact]
    public async Task TwoRunsAtOnce_CloseEachTicketOnce()
    {
        var requester = await _factory.CreateUserAsync();
        var technician = await _factory.CreateUserAsync(Domain.Users.UserRole.Technician);
        var ids = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var id = await TicketApi.OpenIdAsync(requester, $"Cierre concurrente {i}");
            await TicketApi.ActAsync(technician, id, "assign", new { technicianId = technician.Id });
            await TicketApi.ActAsync(technician, id, "solve", new { solution = "Hecho." });
            ids.Add(id);
        }

        _factory.Clock.Advance(TimeSpan.FromDays(6));
        // The Hangfire job itself (as the hourly schedule runs it) beside a second run, as on another node.
        await Task.WhenAll(
            _factory.WithScopeAsync(async sp =>
            {
                await sp.GetRequiredService<Infrastructure.Tickets.AutoCloseSolvedTicketsJob>().RunAsync(CancellationToken.None);
                return true;
            }),
            RunJobAsync());

        Assert.Equal(ids.Count, await _factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Tickets.Where(t => ids.Contains(t.Id) && t.Status == Domain.Tickets.TicketStatus.Closed && t.ClosedAutomatically))));
        var closedEvents = await _factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Tickets.Where(t => ids.Contains(t.Id)).SelectMany(t => t.History).Where(h => h.Kind == Domain.Tickets.TicketHistoryKind.Closed)));
        Assert.Equal(ids.Count, closedEvents);
    }
}
