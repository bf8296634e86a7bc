using System.Net.Http.Headers;
using FluentValidation;
using MesaServicios.Application.Tickets.Attachments;
using MesaServicios.WebApi.Tickets.Attachments;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Tickets.Attachments;

public sealed class MultipartUploadsTests
{
    private static readonly AttachmentOptions Limits = new() { MaxFileBytes = 4096, MaxFilesPerRequest = 3, MaxFormFieldsBytes = 8192 };

    private static async Task<HttpContext> RequestAsync(HttpContent content)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Limits));
        var context = new DefaultHttpContext { RequestServices = services.BuildServiceProvider() };
        context.Request.Method = "POST";
        context.Request.ContentType = content.Headers.ContentType?.ToString();
        var body = new MemoryStream();
        await content.CopyToAsync(body);
        body.Position = 0;
        context.Request.Body = body;
        return context;
    }

    private static MultipartFormDataContent Form(params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent("La impresora no imprime"), "title" } };
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "attachments", name);
        }

        return form;
    }

    [Fact]
    public async Task Read_FieldsAndFiles_ComeBackInOrderWithTheirNamesAndBytes()
    {
        var context = await RequestAsync(Form(("foto.png", TestFiles.Png), ("Informe técnico.pdf", TestFiles.Pdf)));

        await using var upload = await context.Request.ReadAttachmentUploadAsync();

        Assert.Equal("La impresora no imprime", upload.Field("title"));
        Assert.Equal(["foto.png", "Informe técnico.pdf"], upload.Files.Select(f => f.FileName));
        Assert.Equal([TestFiles.Png.Length, TestFiles.Pdf.Length], upload.Files.Select(f => f.Length!.Value));
        using var copy = new MemoryStream();
        await upload.Files[1].Content.CopyToAsync(copy);
        Assert.Equal(TestFiles.Pdf, copy.ToArray());
    }

    [Fact]
    public async Task Read_MoreFilesThanAllowed_StopsWithATooManyFieldError()
    {
        var context = await RequestAsync(Form(("a.png", TestFiles.Png), ("b.png", TestFiles.Png), ("c.png", TestFiles.Png), ("d.png", TestFiles.Png)));

        var error = await Assert.ThrowsAsync<ValidationException>(() => context.Request.ReadAttachmentUploadAsync());

        Assert.Equal("attachments", Assert.Single(error.Errors).PropertyName);
    }

    [Fact]
    public async Task Read_FileOverTheLimit_IsCountedButNotBufferedBeyondTheLimit_AndTheIntakeRefusesIt()
    {
        var context = await RequestAsync(Form(("foto.png", TestFiles.Png), ("grande.pdf", TestFiles.PdfOfSize(6000))));
        await using var upload = await context.Request.ReadAttachmentUploadAsync();

        Assert.Equal(6000, upload.Files[1].Length);
        Assert.Equal(Limits.MaxFileBytes + 1, upload.Files[1].Content.Length);
        var intake = new AttachmentIntake(new NoFileStore(), new AttachmentPolicy(Limits));
        var error = await Assert.ThrowsAsync<ValidationException>(() => intake.StoreAllOrThrowAsync(upload.Files));
        Assert.Equal("attachments[1]", Assert.Single(error.Errors).PropertyName);
    }

    [Fact]
    public async Task Read_BodyLargerThanTheRequestLimit_Is413()
    {
        var context = await RequestAsync(Form(("a.pdf", TestFiles.PdfOfSize(4000)), ("b.pdf", TestFiles.PdfOfSize(4000)), ("c.pdf", TestFiles.PdfOfSize(4000))));
        context.Request.Body = new MemoryStream([.. ((MemoryStream)context.Request.Body).ToArray(), .. new byte[Limits.MaxRequestBytes]]);

        var error = await Assert.ThrowsAsync<BadHttpRequestException>(() => context.Request.ReadAttachmentUploadAsync());

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, error.StatusCode);
    }

    [Fact]
    public async Task Read_DeclaredLengthOverTheLimit_Is413BeforeReading()
    {
        var context = await RequestAsync(Form(("a.png", TestFiles.Png)));
        context.Request.ContentLength = Limits.MaxRequestBytes + 1;

        var error = await Assert.ThrowsAsync<BadHttpRequestException>(() => context.Request.ReadAttachmentUploadAsync());

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, error.StatusCode);
        Assert.Equal(0, context.Request.Body.Position);
    }

    [Fact]
    public async Task Read_NotAForm_Is415()
    {
        var context = await RequestAsync(new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        var error = await Assert.ThrowsAsync<BadHttpRequestException>(() => context.Request.ReadAttachmentUploadAsync());

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, error.StatusCode);
    }

    [Fact]
    public async Task Dispose_DeletesTheBufferedFiles()
    {
        var context = await RequestAsync(Form(("foto.png", TestFiles.Png)));
        var upload = await context.Request.ReadAttachmentUploadAsync();
        var buffer = Assert.IsType<FileStream>(upload.Files[0].Content);
        var path = buffer.Name;
        Assert.True(File.Exists(path));

        await upload.DisposeAsync();

        Assert.False(File.Exists(path));
    }

    private sealed class NoFileStore : IFileStore
    {
        public Task<StoredFile> StoreAsync(Stream content, CancellationToken cancellationToken = default) => throw new InvalidOperationException("nothing may be stored");

        public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken = default) => Task.FromResult<Stream?>(null);

        public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) => Task.FromResult(false);
    }
}
