using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;

namespace MesaServicios.WebApi.Tests.Hardening;

/// <summary>Missing, unparseable and unsafe members get one 400 naming every field, on every endpoint.</summary>
public sealed class BadInputTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public BadInputTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task CreateUser_WithoutEmail_Is400NamingEmail_AndCreatesNothing()
    {
        var admin = await _factory.AdminAsync();

        var response = await Json(admin.Client, HttpMethod.Post, "/api/v1/users", """{"fullName":"Sin Correo","role":"Requester"}""");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _), problem.ToString());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"rol":"Administrator"}""")]
    [InlineData("""{"role":null}""")]
    [InlineData("""{"role":"2"}""")]
    [InlineData("""{"role":2}""")]
    public async Task ChangeRole_WithoutAUsableRole_Is400_AndTheRoleStays(string body)
    {
        var admin = await _factory.AdminAsync();
        var technician = await _factory.CreateUserAsync(UserRole.Technician);

        var response = await Json(admin.Client, HttpMethod.Post, $"/api/v1/users/{technician.Id}/role", body);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("role", out _), problem.ToString());
        var profile = await (await admin.Client.GetAsync($"/api/v1/users/{technician.Id}")).JsonAsync();
        Assert.Equal("Technician", profile.GetProperty("role").GetString());
    }

    [Fact]
    public async Task OpenTicket_WithAnUnknownUrgencyAndAnEmptyTitle_NamesBothFields()
    {
        var requester = await _factory.CreateUserAsync();

        var response = await Json(requester.Client, HttpMethod.Post, "/api/v1/tickets", """{"title":"","description":"Algo pasa.","type":"Incident","urgency":"Urgentisima"}""");

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("urgency", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("title", out _), errors.ToString());
    }

    [Theory]
    [InlineData("urgency", "\"1\"")]
    [InlineData("urgency", "3")]
    [InlineData("type", "\"0\"")]
    public async Task OpenTicket_WithAnEnumAsANumber_IsRefused(string field, string value)
    {
        var requester = await _factory.CreateUserAsync();

        var body = $$"""{"title":"Impresora","description":"No imprime.","type":"Incident","{{field}}":{{value}}}""";
        body = body.Replace("\"type\":\"Incident\",\"type\"", "\"type\"", StringComparison.Ordinal);
        var response = await Json(requester.Client, HttpMethod.Post, "/api/v1/tickets", body);

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Theory]
    [InlineData("\u202Egpj.exe")]
    [InlineData("Hola\u0000mundo")]
    [InlineData("Texto \u2066aislado\u2069")]
    [InlineData("Campana\u0007")]
    public async Task ControlAndDirectionCharacters_AreRefusedInEveryTextField(string text)
    {
        var requester = await _factory.CreateUserAsync();
        var ticketId = await TicketApi.OpenIdAsync(requester);
        var encoded = JsonSerializer.Serialize(text);

        var title = await Json(requester.Client, HttpMethod.Post, "/api/v1/tickets", $$"""{"title":{{encoded}},"description":"Todo bien por aqui, gracias.","type":"Incident"}""");
        var followUp = await Json(requester.Client, HttpMethod.Post, $"/api/v1/tickets/{ticketId}/follow-ups", $$"""{"content":{{encoded}}}""");
        var name = await Json(requester.Client, HttpMethod.Put, "/api/v1/me", $$"""{"fullName":{{encoded}}}""");
        var observers = await Json(requester.Client, HttpMethod.Post, "/api/v1/tickets", $$"""{"title":"Todo bien aqui","description":"Todo bien por aqui, gracias.","type":"Incident","observers":[{{encoded}}]}""");

        Assert.Equal("title", await ErrorField(title));
        Assert.Equal("content", await ErrorField(followUp));
        Assert.Equal("fullName", await ErrorField(name));
        Assert.Equal("observers[0]", await ErrorField(observers));
        var me = await (await requester.Client.GetAsync("/api/v1/me")).JsonAsync();
        Assert.DoesNotContain(text, me.GetProperty("fullName").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrdinaryTextWithAccentsTabsAndLineBreaks_IsAccepted()
    {
        var requester = await _factory.CreateUserAsync();

        var response = await Json(requester.Client, HttpMethod.Post, "/api/v1/tickets", """{"title":"Año nuevo, señal débil","description":"Línea 1\r\n\tLínea 2 — ¿por qué? ✓","type":"Incident"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<string> ErrorField(HttpResponseMessage response)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var error = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Contains("caracteres", error.Value[0].GetString(), StringComparison.Ordinal);
        return error.Name;
    }

    private static Task<HttpResponseMessage> Json(HttpClient client, HttpMethod method, string path, string body) =>
        client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
}
