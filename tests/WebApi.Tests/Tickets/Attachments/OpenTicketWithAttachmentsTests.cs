using System.Net;
using MesaServicios.Domain.Tickets;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.WebApi.Tests.Tickets.Attachments;

/// <summary><c>POST /api/v1/tickets</c> as multipart/form-data: the same fields plus files, checked all-or-nothing.</summary>
public sealed class OpenTicketWithAttachmentsTests : IClassFixture<AttachmentsApiFactory>
{
    private readonly AttachmentsApiFactory _factory;

    public OpenTicketWithAttachmentsTests(AttachmentsApiFactory factory) => _factory = factory;

    private Task<int> TicketCountAsync() => _factory.WithDbAsync(db => db.Set<Ticket>().CountAsync());

    [Fact]
    public async Task Open_WithTwoFiles_LinksThem_AndBothDownloadWithTheirBytesAndSafeHeaders()
    {
        var requester = await _factory.CreateUserAsync();
        var observer = await _factory.CreateUserAsync();

        var response = await requester.Client.PostAsync("/api/v1/tickets", TicketForms.Ticket(
            observers: [observer.Email],
            files: [("C:\\fotos\\Pantallazo aula 204.png", TestFiles.Png), ("acta.pdf", TestFiles.Pdf)]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = await response.JsonAsync();
        Assert.Equal("Proyector del aula 204 dañado", ticket.GetProperty("title").GetString());
        Assert.Equal(observer.Id, Assert.Single(ticket.GetProperty("observers").EnumerateArray()).GetProperty("id").GetGuid());
        var attachments = ticket.Attachments();
        Assert.Equal(2, attachments.Count);
        var expected = new[] { ("Pantallazo aula 204.png", "image/png", TestFiles.Png), ("acta.pdf", "application/pdf", TestFiles.Pdf) };
        foreach (var (name, type, bytes) in expected)
        {
            var attachment = attachments.Single(a => a.GetProperty("fileName").GetString() == name);
            Assert.Equal(type, attachment.GetProperty("contentType").GetString());
            Assert.Equal(bytes.Length, attachment.GetProperty("sizeBytes").GetInt64());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, attachment.GetProperty("followUpId").ValueKind);
            Assert.Equal(ticket.GetProperty("createdAt").GetDateTimeOffset(), attachment.GetProperty("uploadedAt").GetDateTimeOffset());
            var url = attachment.GetProperty("downloadUrl").GetString()!;
            Assert.Equal($"/api/v1/tickets/{ticket.GetProperty("id").GetInt32()}/attachments/{attachment.GetProperty("id").GetGuid()}", url);
            Assert.True(File.Exists(_factory.StoredPath(TicketForms.Sha256(bytes))));

            var download = await (await requester.Client.GetAsync(url)).EnsureSuccessAsync();

            Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal(type, download.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal(name, download.Content.Headers.ContentDisposition?.FileNameStar);
            Assert.Equal($"\"{TicketForms.Sha256(bytes)}\"", download.Headers.ETag?.ToString());
            Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        }

        var read = await TicketApi.GetAsync(observer, ticket.GetProperty("id").GetInt32());
        Assert.Equal(2, read.Attachments().Count);
    }

    [Fact]
    public async Task Open_ExecutableRenamedPdf_Returns400NamingAttachments0_AndCreatesNoTicket()
    {
        var requester = await _factory.CreateUserAsync();
        var before = await TicketCountAsync();

        var response = await requester.Client.PostAsync("/api/v1/tickets", TicketForms.Ticket(files: [("factura.pdf", TestFiles.Exe)]));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(
            "Por seguridad no se admiten programas ni scripts: «factura.pdf» fue rechazado.",
            problem.GetProperty("errors").GetProperty("attachments[0]")[0].GetString());
        Assert.Equal(before, await TicketCountAsync());
        Assert.False(File.Exists(_factory.StoredPath(TicketForms.Sha256(TestFiles.Exe))));
    }

    [Fact]
    public async Task Open_BadFieldsAndABadFile_ReportsEveryFieldInOneProblem()
    {
        var requester = await _factory.CreateUserAsync();
        var before = await TicketCountAsync();

        var response = await requester.Client.PostAsync("/api/v1/tickets", TicketForms.Ticket(title: "x", files: [("ok.png", TestFiles.Png), ("vacio.pdf", [])]));

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("attachments[1]", out _));
        Assert.False(errors.TryGetProperty("attachments[0]", out _));
        Assert.Equal(before, await TicketCountAsync());
    }

    [Fact]
    public async Task Open_ElevenFiles_Returns400NamingAttachments()
    {
        var requester = await _factory.CreateUserAsync();
        var before = await TicketCountAsync();
        var files = Enumerable.Range(0, AttachmentsApiFactory.MaxFiles + 1).Select(i => ($"f{i}.png", TestFiles.Png)).ToArray();

        var response = await requester.Client.PostAsync("/api/v1/tickets", TicketForms.Ticket(files: files));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("Se pueden adjuntar como máximo 10 archivos por solicitud.", problem.GetProperty("errors").GetProperty("attachments")[0].GetString());
        Assert.Equal(before, await TicketCountAsync());
    }

    [Fact]
    public async Task Open_FileOfMaxFileBytesPlusOne_IsAFieldError()
    {
        var requester = await _factory.CreateUserAsync();
        var before = await TicketCountAsync();

        var response = await requester.Client.PostAsync("/api/v1/tickets", TicketForms.Ticket(files:
            [("ok.pdf", TestFiles.PdfOfSize(AttachmentsApiFactory.MaxFileBytes)), ("grande.pdf", TestFiles.PdfOfSize(AttachmentsApiFactory.MaxFileBytes + 1))]));

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Assert.Equal("El archivo «grande.pdf» supera el tamaño máximo permitido de 4 KB.", errors.GetProperty("attachments[1]")[0].GetString());
        Assert.False(errors.TryGetProperty("attachments[0]", out _));
        Assert.Equal(before, await TicketCountAsync());
    }

    [Fact]
    public async Task Open_BodyOverTheRequestLimit_Returns413Problem()
    {
        var requester = await _factory.CreateUserAsync();
        var before = await TicketCountAsync();
        var form = TicketForms.Ticket(files: [("enorme.pdf", TestFiles.PdfOfSize(AttachmentsApiFactory.MaxRequestBytes + 1))]);

        var response = await requester.Client.PostAsync("/api/v1/tickets", form);

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "common.payload_too_large");
        Assert.Equal(before, await TicketCountAsync());
    }

    [Fact]
    public async Task Open_MultipartWithTheSameIdempotencyKey_ReturnsTheFirstAnswerAndCreatesOneTicket()
    {
        var requester = await _factory.CreateUserAsync();
        var before = await TicketCountAsync();

        async Task<HttpResponseMessage> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets") { Content = TicketForms.Ticket(files: [("acta.pdf", TestFiles.Pdf)]) };
            request.Headers.Add("Idempotency-Key", "form-7f3a");
            return await requester.Client.SendAsync(request);
        }

        var first = await (await SendAsync()).EnsureSuccessAsync();
        var second = await (await SendAsync()).EnsureSuccessAsync();

        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("true", second.Headers.GetValues("Idempotency-Replayed").Single());
        Assert.Equal(before + 1, await TicketCountAsync());
        Assert.Single((await first.JsonAsync()).Attachments());
    }

    [Fact]
    public async Task Open_SameIdempotencyKeyWithAnotherFile_IsRefused_AndCreatesNothing()
    {
        var requester = await _factory.CreateUserAsync();

        async Task<HttpResponseMessage> SendAsync(byte[] file)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets") { Content = TicketForms.Ticket(files: [("acta.pdf", file)]) };
            request.Headers.Add("Idempotency-Key", "form-other-file");
            return await requester.Client.SendAsync(request);
        }

        await (await SendAsync(TestFiles.Pdf)).EnsureSuccessAsync();
        var before = await TicketCountAsync();

        var response = await SendAsync(TestFiles.PdfOfSize(900));

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "tickets.idempotency_key_reused");
        Assert.Equal(before, await TicketCountAsync());
    }

    [Fact]
    public async Task Open_SameContentOnTwoTickets_KeepsOneFileAndTwoLinks()
    {
        var requester = await _factory.CreateUserAsync();
        var content = TestFiles.PdfOfSize(3000);

        var first = await TicketForms.OpenAsync(requester, ("uno.pdf", content));
        var second = await TicketForms.OpenAsync(requester, ("dos.pdf", content));

        Assert.Equal("uno.pdf", Assert.Single(first.Attachments()).GetProperty("fileName").GetString());
        Assert.Equal("dos.pdf", Assert.Single(second.Attachments()).GetProperty("fileName").GetString());
        Assert.Single(Directory.GetFiles(Path.Combine(_factory.DataDirectory, "attachments"), TicketForms.Sha256(content), SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Open_WithJson_StillWorks_AndHasNoAttachments()
    {
        var requester = await _factory.CreateUserAsync();

        var ticket = await TicketApi.OpenAsync(requester);

        Assert.Empty(ticket.Attachments());
    }

    [Fact]
    public async Task Download_WhenTheFileIsGoneFromTheStore_Returns404Problem()
    {
        var requester = await _factory.CreateUserAsync();
        var content = TestFiles.PdfOfSize(777);
        var ticket = await TicketForms.OpenAsync(requester, ("perdido.pdf", content));
        File.Delete(_factory.StoredPath(TicketForms.Sha256(content)));

        var response = await requester.Client.GetAsync(ticket.Attachments()[0].GetProperty("downloadUrl").GetString());

        await response.ProblemAsync(HttpStatusCode.NotFound, "attachments.not_found");
    }
}
