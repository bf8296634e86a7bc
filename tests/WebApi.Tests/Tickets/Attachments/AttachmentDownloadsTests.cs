using MesaServicios.Application.Tickets.Attachments;
using MesaServicios.WebApi.Tickets.Attachments;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Tickets.Attachments;

public sealed class AttachmentDownloadsTests
{
    private const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static DefaultHttpContext Context()
    {
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "GET";
        context.Response.Body = new MemoryStream();
        return context;
    }

    [Fact]
    public async Task Download_WritesTheBytesWithSafeHeaders()
    {
        var context = Context();
        var attachment = new AttachmentContent("Informe técnico \"final\".pdf", "application/pdf", TestFiles.Pdf.Length, Sha, new MemoryStream(TestFiles.Pdf));

        await AttachmentDownloads.Download(attachment).ExecuteAsync(context);

        var headers = context.Response.Headers;
        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("application/pdf", context.Response.ContentType);
        Assert.Equal("attachment; filename=\"Informe tecnico _final_.pdf\"; filename*=UTF-8''Informe%20t%C3%A9cnico%20_final_.pdf", headers.ContentDisposition.ToString());
        Assert.Equal($"\"{Sha}\"", headers.ETag.ToString());
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
        Assert.Contains("sandbox", headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal(TestFiles.Pdf, ((MemoryStream)context.Response.Body).ToArray());
    }

    [Fact]
    public async Task Download_WhenTheClientHasTheSameVersion_Answers304WithoutBody()
    {
        var context = Context();
        context.Request.Headers.IfNoneMatch = $"\"{Sha}\"";

        await AttachmentDownloads.Download(new AttachmentContent("a.pdf", "application/pdf", TestFiles.Pdf.Length, Sha, new MemoryStream(TestFiles.Pdf))).ExecuteAsync(context);

        Assert.Equal(304, context.Response.StatusCode);
        Assert.Equal(0, context.Response.Body.Length);
    }

    [Theory]
    [InlineData("acta.pdf", "attachment; filename=\"acta.pdf\"; filename*=UTF-8''acta.pdf")]
    [InlineData("año 2026;x.pdf", "attachment; filename=\"ano 2026_x.pdf\"; filename*=UTF-8''a%C3%B1o%202026_x.pdf")]
    [InlineData("a\r\nSet-Cookie: x=1.txt", "attachment; filename=\"a Set-Cookie_ x=1.txt\"; filename*=UTF-8''a%20Set-Cookie_%20x%3D1.txt")]
    [InlineData("../../secreto.txt", "attachment; filename=\"secreto.txt\"; filename*=UTF-8''secreto.txt")]
    [InlineData("报告.pdf", "attachment; filename=\"__.pdf\"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf")]
    public void ContentDisposition_IsSafeAndKeepsTheRealNameInFilenameStar(string name, string expected) =>
        Assert.Equal(expected, AttachmentDownloads.ContentDisposition(name));
}
