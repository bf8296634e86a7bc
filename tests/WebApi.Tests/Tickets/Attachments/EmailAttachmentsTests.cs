using Mediator;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Domain.Tickets;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Tickets.Attachments;

/// <summary>Files that come by e-mail: acceptable ones are stored and linked, refused ones are reported and listed in the ticket.</summary>
public sealed class EmailAttachmentsTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public EmailAttachmentsTests(MesaApiFactory factory) => _factory = factory;

    private Task<EmailTicketResult> SendAsync(ICommand<EmailTicketResult> command) =>
        _factory.WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(command));

    private static List<string> FollowUpTexts(System.Text.Json.JsonElement ticket) =>
        ticket.GetProperty("timeline").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "FollowUp")
            .Select(i => i.GetProperty("content").GetString()!).ToList();

    [Fact]
    public async Task CreateFromEmail_OneGoodAndOneRefusedFile_LinksOne_AndListsTheOther()
    {
        var requester = await _factory.CreateUserAsync();

        var result = await SendAsync(new OpenTicketFromEmailCommand(
            requester.Id, "Pantalla azul en el computador de la biblioteca", "Adjunto una foto del error y el instalador que me enviaron.",
            TicketType.Incident, null, null, null, false, null,
            [new IncomingAttachment("foto.png", "image/png", TestFiles.Png), new IncomingAttachment("programa.exe", "application/octet-stream", TestFiles.Exe)]));

        Assert.Equal([("foto.png", true, (string?)null), ("programa.exe", false, "attachments.dangerous")], result.Attachments.Select(a => (a.FileName, a.Stored, a.RefusedCode)));
        var ticket = await TicketApi.GetAsync(requester, result.TicketId);
        var linked = Assert.Single(ticket.Attachments());
        Assert.Equal("foto.png", linked.GetProperty("fileName").GetString());
        var download = await (await requester.Client.GetAsync(linked.GetProperty("downloadUrl").GetString())).EnsureSuccessAsync();
        Assert.Equal(TestFiles.Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("Adjuntos no aceptados: programa.exe (programa o script no permitido)", Assert.Single(FollowUpTexts(ticket)));
    }

    [Fact]
    public async Task EmailFollowUp_OneGoodAndOneRefusedFile_LinksOneToTheReply_AndListsTheOther()
    {
        var requester = await _factory.CreateUserAsync();
        var id = await TicketApi.OpenIdAsync(requester);

        var result = await SendAsync(new AddFollowUpFromEmailCommand(id, requester.Id, "Envío el acta firmada.",
            [new IncomingAttachment("acta.pdf", "application/pdf", TestFiles.Pdf), new IncomingAttachment("planos.dwg", "application/octet-stream", TestFiles.Pdf)]));

        Assert.Equal([true, false], result.Attachments.Select(a => a.Stored));
        var ticket = await TicketApi.GetAsync(requester, id);
        var reply = ticket.GetProperty("timeline").EnumerateArray().First(i => i.GetProperty("kind").GetString() == "FollowUp");
        var linked = Assert.Single(ticket.Attachments());
        Assert.Equal(reply.GetProperty("id").GetGuid(), linked.GetProperty("followUpId").GetGuid());
        Assert.Equal(["Envío el acta firmada.", "Adjuntos no aceptados: planos.dwg (tipo no permitido)"], FollowUpTexts(ticket));
    }
}
