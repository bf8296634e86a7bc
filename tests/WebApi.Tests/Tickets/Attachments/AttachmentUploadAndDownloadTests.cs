using System.Net;
using System.Net.Http.Headers;
using MesaServicios.Application.Tickets.Attachments;
using MesaServicios.Infrastructure.Common.Persistence;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Tickets.Attachments;

/// <summary>The helpers on the real host: limits from configuration, problem responses, disk store under the data directory, metadata table.</summary>
public sealed class AttachmentUploadAndDownloadTests : IClassFixture<AttachmentsApiFactory>
{
    private readonly AttachmentsApiFactory _factory;

    public AttachmentUploadAndDownloadTests(AttachmentsApiFactory factory) => _factory = factory;

    private static MultipartFormDataContent Form(params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent("Proyector dañado"), "title" } };
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "attachments", name);
        }

        return form;
    }

    [Fact]
    public async Task Upload_ThenDownload_GivesBackTheSameBytesWithSafeHeaders()
    {
        var client = _factory.Anonymous();

        var response = await (await client.PostAsync("/test/attachments", Form(("C:\\fotos\\Pantallazo aula 204.png", TestFiles.Png), ("acta.pdf", TestFiles.Pdf)))).EnsureSuccessAsync();
        var rows = (await response.JsonAsync()).EnumerateArray().ToArray();

        Assert.Equal("Pantallazo aula 204.png", rows[0].GetProperty("fileName").GetString());
        Assert.Equal("image/png", rows[0].GetProperty("contentType").GetString());
        var sha = rows[0].GetProperty("sha256").GetString()!;
        Assert.True(File.Exists(Path.Combine(_factory.DataDirectory, "attachments", sha[..2], sha[2..4], sha)));
        var download = await (await client.GetAsync($"/test/attachments/{rows[0].GetProperty("id").GetGuid()}")).EnsureSuccessAsync();
        Assert.Equal(TestFiles.Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Pantallazo aula 204.png", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal($"\"{sha}\"", download.Headers.ETag?.ToString());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Upload_SameContentTwice_StoresOneFileAndTwoRows()
    {
        var client = _factory.Anonymous();
        var content = TestFiles.PdfOfSize(3000);

        await (await client.PostAsync("/test/attachments", Form(("uno.pdf", content)))).EnsureSuccessAsync();
        await (await client.PostAsync("/test/attachments", Form(("dos.pdf", content)))).EnsureSuccessAsync();

        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        Assert.Equal(2, await _factory.WithDbAsync(db => db.Set<Domain.Tickets.Attachments.AttachmentMetadata>().CountAsync(a => a.Sha256 == sha)));
        Assert.Single(Directory.GetFiles(Path.Combine(_factory.DataDirectory, "attachments"), sha, SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Upload_MoreFilesThanAllowed_Returns400NamingAttachments()
    {
        var files = Enumerable.Range(0, AttachmentsApiFactory.MaxFiles + 1).Select(i => ($"f{i}.png", TestFiles.Png)).ToArray();

        var response = await _factory.Anonymous().PostAsync("/test/attachments", Form(files));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("Se pueden adjuntar como máximo 3 archivos por solicitud.", problem.GetProperty("errors").GetProperty("attachments")[0].GetString());
    }

    [Fact]
    public async Task Upload_OversizedAndRenamedFiles_Returns400WithEveryFieldAndStoresNothing()
    {
        var before = await _factory.WithDbAsync(db => db.Set<Domain.Tickets.Attachments.AttachmentMetadata>().CountAsync());

        var response = await _factory.Anonymous("en").PostAsync("/test/attachments", Form(("ok.png", TestFiles.Png), ("big.pdf", TestFiles.PdfOfSize(AttachmentsApiFactory.MaxFileBytes + 1)), ("invoice.pdf", TestFiles.Exe)));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        Assert.Equal("The file “big.pdf” is larger than the allowed maximum of 4 KB.", errors.GetProperty("attachments[1]")[0].GetString());
        Assert.Equal("Programs and scripts are not accepted for security reasons: “invoice.pdf” was refused.", errors.GetProperty("attachments[2]")[0].GetString());
        Assert.False(errors.TryGetProperty("attachments[0]", out _));
        Assert.Equal(before, await _factory.WithDbAsync(db => db.Set<Domain.Tickets.Attachments.AttachmentMetadata>().CountAsync()));
    }

    [Fact]
    public async Task Upload_BodyOverTheRequestLimit_Returns413Problem()
    {
        var limit = (AttachmentsApiFactory.MaxFileBytes * AttachmentsApiFactory.MaxFiles) + AttachmentsApiFactory.MaxFormFieldsBytes;
        var form = Form(("a.pdf", TestFiles.PdfOfSize(AttachmentsApiFactory.MaxFileBytes)));
        form.Add(new StringContent(new string('x', limit)), "description");

        var response = await _factory.Anonymous().PostAsync("/test/attachments", form);

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "common.payload_too_large");
    }

    [Fact]
    public async Task Download_WhenTheFileIsGoneFromTheStore_Returns404Problem()
    {
        var id = await _factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MesaDbContext>();
            var row = new StoredAttachment("perdido.pdf", "application/pdf", 10, new string('a', 64)).ToMetadata(null, _factory.Clock.GetUtcNow());
            db.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });

        var response = await _factory.Anonymous().GetAsync($"/test/attachments/{id}");

        await response.ProblemAsync(HttpStatusCode.NotFound, "attachments.not_found");
    }
}
