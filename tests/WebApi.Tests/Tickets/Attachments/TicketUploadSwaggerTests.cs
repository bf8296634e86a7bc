using System.Text.Json;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets.Attachments;

/// <summary>The routes that take files document both bodies: JSON as before, and the multipart form with binary files.</summary>
public sealed class TicketUploadSwaggerTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public TicketUploadSwaggerTests(MesaApiFactory factory) => _factory = factory;

    [Theory]
    [InlineData("/api/v1/tickets", "title")]
    [InlineData("/api/v1/tickets/{id}/follow-ups", "content")]
    public async Task Swagger_DocumentsJsonAndMultipartBodies_And413(string path, string field)
    {
        var json = await _factory.Anonymous().GetStringAsync("/swagger/v1/swagger.json");

        var root = JsonDocument.Parse(json).RootElement;
        var post = root.GetProperty("paths").GetProperty(path).GetProperty("post");
        var content = post.GetProperty("requestBody").GetProperty("content");
        Assert.True(content.TryGetProperty("application/json", out _), path);
        Assert.True(content.TryGetProperty("multipart/form-data", out var form), path);
        var schema = form.GetProperty("schema");
        if (schema.TryGetProperty("$ref", out var reference))
        {
            schema = root.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!["#/components/schemas/".Length..]);
        }

        var properties = schema.GetProperty("properties");
        Assert.True(properties.TryGetProperty(field, out _), path);
        Assert.Equal("binary", properties.GetProperty("attachments").GetProperty("items").GetProperty("format").GetString());
        Assert.True(post.GetProperty("responses").TryGetProperty("413", out _), path);
    }
}
