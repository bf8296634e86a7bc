using System.Net;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets.Attachments;

/// <summary><c>GET /api/v1/tickets/{id}/attachments/{attachmentId}</c>: the same authorisation as reading the ticket.</summary>
public sealed class TicketAttachmentDownloadTests : IClassFixture<AttachmentsApiFactory>
{
    private readonly AttachmentsApiFactory _factory;

    public TicketAttachmentDownloadTests(AttachmentsApiFactory factory) => _factory = factory;

    [Fact]
    public async Task Download_ByAnotherRequester_Returns404()
    {
        var requesterA = await _factory.CreateUserAsync();
        var requesterB = await _factory.CreateUserAsync();
        var ticket = await TicketForms.OpenAsync(requesterA, ("acta.pdf", TestFiles.Pdf));
        var url = ticket.Attachments()[0].GetProperty("downloadUrl").GetString();

        var response = await requesterB.Client.GetAsync(url);

        await response.ProblemAsync(HttpStatusCode.NotFound, "tickets.not_found");
        await (await requesterA.Client.GetAsync(url)).EnsureSuccessAsync();
    }

    [Fact]
    public async Task Download_PrivateFollowUpFile_IsNotFoundForObserverAndRequester_ButServedToTheDesk()
    {
        var requester = await _factory.CreateUserAsync();
        var observer = await _factory.CreateUserAsync();
        var tech = await _factory.CreateUserAsync(UserRole.Technician);
        var id = await TicketApi.OpenIdAsync(requester, observers: [observer.Email]);
        var desk = await (await (await tech.Client.PostAsync($"/api/v1/tickets/{id}/follow-ups", TicketForms.FollowUp("Nota interna.", true, ("interno.pdf", TestFiles.Pdf))))
            .EnsureSuccessAsync()).JsonAsync();
        var url = Assert.Single(desk.Attachments()).GetProperty("downloadUrl").GetString();

        await (await observer.Client.GetAsync(url)).ProblemAsync(HttpStatusCode.NotFound, "attachments.not_found");
        await (await requester.Client.GetAsync(url)).ProblemAsync(HttpStatusCode.NotFound, "attachments.not_found");
        var served = await (await tech.Client.GetAsync(url)).EnsureSuccessAsync();
        Assert.Equal(TestFiles.Pdf, await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Download_PublicFollowUpFile_IsServedToTheObserver()
    {
        var requester = await _factory.CreateUserAsync();
        var observer = await _factory.CreateUserAsync();
        var id = await TicketApi.OpenIdAsync(requester, observers: [observer.Email]);
        var ticket = await (await (await requester.Client.PostAsync($"/api/v1/tickets/{id}/follow-ups", TicketForms.FollowUp("Otra foto.", false, ("foto.png", TestFiles.Png))))
            .EnsureSuccessAsync()).JsonAsync();

        var response = await (await observer.Client.GetAsync(Assert.Single(ticket.Attachments()).GetProperty("downloadUrl").GetString())).EnsureSuccessAsync();

        Assert.Equal(TestFiles.Png, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Download_UnknownAttachmentOfAVisibleTicket_Returns404()
    {
        var requester = await _factory.CreateUserAsync();
        var id = await TicketApi.OpenIdAsync(requester);

        var response = await requester.Client.GetAsync($"/api/v1/tickets/{id}/attachments/{Guid.NewGuid()}");

        await response.ProblemAsync(HttpStatusCode.NotFound, "attachments.not_found");
    }

    [Fact]
    public async Task Download_WithTheSameETag_Answers304()
    {
        var requester = await _factory.CreateUserAsync();
        var ticket = await TicketForms.OpenAsync(requester, ("foto.png", TestFiles.Png));
        using var request = new HttpRequestMessage(HttpMethod.Get, ticket.Attachments()[0].GetProperty("downloadUrl").GetString());
        request.Headers.TryAddWithoutValidation("If-None-Match", $"\"{TicketForms.Sha256(TestFiles.Png)}\"");

        var response = await requester.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }
}
