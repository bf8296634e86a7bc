using Mediator;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Domain.Common;
using MesaServicios.Domain.Tickets;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Tickets;

/// <summary>The slice <c>AddFollowUpFromEmail</c>, sent as the Inbox sends it.</summary>
public sealed class AddFollowUpFromEmailTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public AddFollowUpFromEmailTests(MesaApiFactory factory) => _factory = factory;

    private Task<T> SendAsync<T>(IRequest<T> request) =>
        _factory.WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(request));

    private Task<T> SendAsync<T>(ICommand<T> command) =>
        _factory.WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(command));

    private Task<T> QueryAsync<T>(IQuery<T> query) =>
        _factory.WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(query));

    private static IncomingAttachment File(string name) => new(name, "application/pdf", [1, 2, 3]);

    [Fact]
    public async Task EmailFollowUp_ByAParticipant_OnSolved_IsAFollowUpNotARejection()
    {
        var requester = await _factory.CreateUserAsync();
        var tech = await _factory.CreateUserAsync(UserRole.Technician);
        var id = await TicketApi.OpenIdAsync(requester);
        await TicketApi.ActAsync(tech, id, "assign", new { technicianId = tech.Id });
        await TicketApi.ActAsync(tech, id, "solve", new { solution = "Listo." });

        var result = await SendAsync(new AddFollowUpFromEmailCommand(id, requester.Id, "Gracias", [File("foto.pdf")]));

        Assert.Equal("attachments.content_mismatch", Assert.Single(result.Attachments).RefusedCode);
        var ticket = await TicketApi.GetAsync(requester, id);
        Assert.Equal("Solved", ticket.Status());
        Assert.Contains("FollowUp", ticket.TimelineKinds());
    }

    [Fact]
    public async Task EmailFollowUp_ByAStranger_IsForbidden_AndOnClosed_IsTicketsClosed()
    {
        var requester = await _factory.CreateUserAsync();
        var stranger = await _factory.CreateUserAsync();
        var tech = await _factory.CreateUserAsync(UserRole.Technician);
        var id = await TicketApi.OpenIdAsync(requester);

        var forbidden = await Assert.ThrowsAsync<DomainException>(() => SendAsync(new AddFollowUpFromEmailCommand(id, stranger.Id, "Hola", [])));
        Assert.Equal(DomainErrorKind.Forbidden, forbidden.Kind);

        await TicketApi.ActAsync(tech, id, "assign", new { technicianId = tech.Id });
        await TicketApi.ActAsync(tech, id, "solve", new { solution = "Listo." });
        await TicketApi.ActAsync(requester, id, "approve");
        var closed = await Assert.ThrowsAsync<DomainException>(() => SendAsync(new AddFollowUpFromEmailCommand(id, requester.Id, "Otra cosa", [])));
        Assert.Equal("tickets.closed", closed.Code);
        Assert.Equal(DomainErrorKind.Conflict, closed.Kind);
    }
}
