using Mediator;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Domain.Common;
using MesaServicios.Domain.Tickets;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Tickets;

/// <summary>The slice <c>DecideSolutionFromLink</c> (approve or reject from the e-mail link), sent as Notifications sends it.</summary>
public sealed class DecideSolutionFromLinkTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public DecideSolutionFromLinkTests(MesaApiFactory factory) => _factory = factory;

    private Task<T> SendAsync<T>(IRequest<T> request) =>
        _factory.WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(request));

    private Task<T> SendAsync<T>(ICommand<T> command) =>
        _factory.WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(command));

    private Task<T> QueryAsync<T>(IQuery<T> query) =>
        _factory.WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(query));

    private static IncomingAttachment File(string name) => new(name, "application/pdf", [1, 2, 3]);

    [Fact]
    public async Task ApproveAndRejectFromLink_FollowTheSameRules()
    {
        var requester = await _factory.CreateUserAsync();
        var observer = await _factory.CreateUserAsync();
        var tech = await _factory.CreateUserAsync(UserRole.Technician);
        var id = await TicketApi.OpenIdAsync(requester, observers: [observer.Email]);
        await TicketApi.ActAsync(tech, id, "assign", new { technicianId = tech.Id });
        await TicketApi.ActAsync(tech, id, "solve", new { solution = "Listo." });

        var byObserver = await Assert.ThrowsAsync<DomainException>(() => SendAsync(new DecideSolutionFromLinkCommand(id, observer.Id, SolutionDecision.Reject, "No")));
        Assert.Equal("tickets.only_requester_decides", byObserver.Code);
        await SendAsync(new DecideSolutionFromLinkCommand(id, requester.Id, SolutionDecision.Reject, "Sigue igual"));
        Assert.Equal("InProgress", (await TicketApi.GetAsync(requester, id)).Status());

        await TicketApi.ActAsync(tech, id, "solve", new { solution = "Ahora sí." });
        await SendAsync(new DecideSolutionFromLinkCommand(id, requester.Id, SolutionDecision.Approve, null));
        Assert.Equal("Closed", (await TicketApi.GetAsync(requester, id)).Status());
    }
}
