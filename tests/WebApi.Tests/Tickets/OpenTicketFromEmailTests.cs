using Mediator;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Domain.Common;
using MesaServicios.Domain.Tickets;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Tickets;

/// <summary>The slice <c>OpenTicketFromEmail</c> and the summary other modules read, sent as the Inbox sends them.</summary>
public sealed class OpenTicketFromEmailTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public OpenTicketFromEmailTests(MesaApiFactory factory) => _factory = factory;

    private Task<T> SendAsync<T>(IRequest<T> request) =>
        _factory.WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(request));

    private Task<T> SendAsync<T>(ICommand<T> command) =>
        _factory.WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(command));

    private Task<T> QueryAsync<T>(IQuery<T> query) =>
        _factory.WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(query));

    private static IncomingAttachment File(string name) => new(name, "application/pdf", [1, 2, 3]);

    [Fact]
    public async Task OpenFromEmail_OpensAnEmailRequest_WithTheMailSnapshot_AndReportsAFileThatIsNotWhatItClaims()
    {
        var requester = await _factory.CreateUserAsync(fullName: "Perfil Nombre", department: "Perfil Dependencia", phone: "3000000000");

        var result = await SendAsync(new OpenTicketFromEmailCommand(
            requester.Id, "Solicitud de instalación de software", "Necesito instalar el programa estadístico en la sala 4.",
            TicketType.Request, "Nombre del Correo", "Facultad de Ciencias", null, false, null, [File("cotizacion.pdf")]));

        var outcome = Assert.Single(result.Attachments);
        Assert.False(outcome.Stored);
        Assert.Equal("attachments.content_mismatch", outcome.RefusedCode);
        var ticket = await TicketApi.GetAsync(requester, result.TicketId);
        Assert.Equal("Email", ticket.GetProperty("source").GetString());
        Assert.Equal("Request", ticket.GetProperty("type").GetString());
        Assert.Equal("Medium", ticket.GetProperty("urgency").GetString());
        Assert.Equal("Nombre del Correo", ticket.GetProperty("requester").GetProperty("name").GetString());
        Assert.Equal("Facultad de Ciencias", ticket.GetProperty("requesterDepartment").GetString());
        Assert.Equal("3000000000", ticket.GetProperty("requesterPhone").GetString());

        var summary = await QueryAsync(new GetTicketSummaryQuery(result.TicketId));
        Assert.NotNull(summary);
        Assert.Equal(TicketStatus.New, summary.Status);
        Assert.Equal(3, summary.Priority);
        Assert.Null(await QueryAsync(new GetTicketSummaryQuery(999_999)));
    }

    [Fact]
    public async Task OpenFromEmail_LosesNothing_ShortSubjectAndLongBody()
    {
        var requester = await _factory.CreateUserAsync();
        var body = new string('x', 10_000) + new string('y', 15_000) + "FIN-DEL-CORREO";

        var result = await SendAsync(new OpenTicketFromEmailCommand(requester.Id, "Hola", body, TicketType.Request, null, null, null, true, null, []));

        var ticket = await TicketApi.GetAsync(requester, result.TicketId);
        Assert.Equal("Solicitud recibida por correo", ticket.GetProperty("title").GetString());
        Assert.StartsWith("Hola", ticket.GetProperty("description").GetString());
        var followUps = ticket.GetProperty("timeline").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "FollowUp")
            .Select(i => i.GetProperty("content").GetString()!).ToList();
        Assert.Equal(2, followUps.Count);
        Assert.All(followUps, f => Assert.StartsWith("Continuación del mensaje recibido por correo:", f));
        Assert.EndsWith("FIN-DEL-CORREO", followUps[^1]);
        var kept = ticket.GetProperty("description").GetString()! + string.Concat(followUps.Select(f => f["Continuación del mensaje recibido por correo:\n\n".Length..]));
        Assert.Equal("Hola\n\n" + body, kept);
    }
}
