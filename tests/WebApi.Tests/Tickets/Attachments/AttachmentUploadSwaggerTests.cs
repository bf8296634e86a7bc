using System.Text.Json;
using MesaServicios.WebApi.Common;
using MesaServicios.WebApi.Tickets.Attachments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace MesaServicios.WebApi.Tests.Tickets.Attachments;

public sealed class AttachmentUploadSwaggerTests
{
    private sealed class TicketForm
    {
        public string? Title { get; init; }

        public IFormFileCollection? Attachments { get; init; }
    }

    [Fact]
    public async Task AcceptsAttachmentUpload_DocumentsAMultipartFormWithBinaryFilesAnd413()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddMesaSwagger();
        await using var app = builder.Build();
        app.UseSwagger();
        app.MapPost("/api/v1/files", (HttpRequest request) => Results.NoContent()).AcceptsAttachmentUpload();
        app.MapPost("/api/v1/tickets", (HttpRequest request) => Results.NoContent()).AcceptsAttachmentUpload<TicketForm>();
        await app.StartAsync();

        var json = await app.GetTestClient().GetStringAsync("/swagger/v1/swagger.json");

        var paths = JsonDocument.Parse(json).RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/files", "/api/v1/tickets" })
        {
            var post = paths.GetProperty(path).GetProperty("post");
            Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _), path);
            Assert.True(post.GetProperty("responses").TryGetProperty("413", out _), path);
        }

        Assert.Contains("\"binary\"", json, StringComparison.Ordinal);
        Assert.Contains("\"title\"", json, StringComparison.Ordinal);
    }
}
