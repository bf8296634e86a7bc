using System.Net;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets.Attachments;

/// <summary><c>POST /api/v1/tickets/{id}/follow-ups</c> as multipart/form-data: the files are linked to the follow-up.</summary>
public sealed class FollowUpWithAttachmentsTests : IClassFixture<AttachmentsApiFactory>
{
    private readonly AttachmentsApiFactory _factory;

    public FollowUpWithAttachmentsTests(AttachmentsApiFactory factory) => _factory = factory;

    [Fact]
    public async Task FollowUp_WithAFile_LinksItToTheFollowUp_InDetailsAndTimeline()
    {
        var requester = await _factory.CreateUserAsync();
        var id = await TicketApi.OpenIdAsync(requester);

        var response = await requester.Client.PostAsync($"/api/v1/tickets/{id}/follow-ups", TicketForms.FollowUp("Adjunto la captura del error.", false, ("error.png", TestFiles.Png)));

        var ticket = await (await response.EnsureSuccessAsync()).JsonAsync();
        var followUp = ticket.GetProperty("timeline").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "FollowUp");
        Assert.Equal("Adjunto la captura del error.", followUp.GetProperty("content").GetString());
        var attachment = Assert.Single(ticket.Attachments());
        Assert.Equal(followUp.GetProperty("id").GetGuid(), attachment.GetProperty("followUpId").GetGuid());
        Assert.Equal("error.png", Assert.Single(followUp.GetProperty("attachments").EnumerateArray()).GetProperty("fileName").GetString());
        var download = await (await requester.Client.GetAsync(attachment.GetProperty("downloadUrl").GetString())).EnsureSuccessAsync();
        Assert.Equal(TestFiles.Png, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task FollowUp_WithARefusedFile_Returns400_AndAddsNothing()
    {
        var requester = await _factory.CreateUserAsync();
        var id = await TicketApi.OpenIdAsync(requester);

        var response = await requester.Client.PostAsync($"/api/v1/tickets/{id}/follow-ups", TicketForms.FollowUp("Va el instalador.", false, ("setup.exe", TestFiles.Exe)));

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("attachments[0]", out _));
        var ticket = await TicketApi.GetAsync(requester, id);
        Assert.DoesNotContain("FollowUp", ticket.TimelineKinds());
        Assert.Empty(ticket.Attachments());
    }

    [Fact]
    public async Task FollowUp_PrivateWithAFile_ByTheDesk_IsHiddenFromTheRequester()
    {
        var requester = await _factory.CreateUserAsync();
        var tech = await _factory.CreateUserAsync(UserRole.Technician);
        var id = await TicketApi.OpenIdAsync(requester);

        var desk = await (await (await tech.Client.PostAsync($"/api/v1/tickets/{id}/follow-ups", TicketForms.FollowUp("Informe interno del proveedor.", true, ("informe.pdf", TestFiles.Pdf))))
            .EnsureSuccessAsync()).JsonAsync();

        Assert.Single(desk.Attachments());
        Assert.Empty((await TicketApi.GetAsync(requester, id)).Attachments());
    }

    [Fact]
    public async Task FollowUp_StrangerWithAFile_Returns404()
    {
        var requester = await _factory.CreateUserAsync();
        var stranger = await _factory.CreateUserAsync();
        var id = await TicketApi.OpenIdAsync(requester);

        var response = await stranger.Client.PostAsync($"/api/v1/tickets/{id}/follow-ups", TicketForms.FollowUp("Hola.", false, ("a.png", TestFiles.Png)));

        await response.ProblemAsync(HttpStatusCode.NotFound, "tickets.not_found");
    }
}
