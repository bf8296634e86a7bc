using System.Net;
using System.Text.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Common;

public sealed class HostTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public HostTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task Health_LiveAndReady_Answer200_WithDatabaseAndJobStorage()
    {
        var client = _factory.Anonymous();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.True(File.Exists(Path.Combine(_factory.DataDirectory, "mesa.db")));
        Assert.True(File.Exists(Path.Combine(_factory.DataDirectory, "hangfire.db")));
    }

    [Fact]
    public async Task Swagger_DocumentsEveryOperation_WithSummaryAndThePasswordFlow()
    {
        var json = await (await _factory.Anonymous().GetAsync("/swagger/v1/swagger.json")).EnsureSuccessAsync();
        var document = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;

        var flow = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2").GetProperty("flows").GetProperty("password");
        Assert.Equal("/api/v1/auth/token", flow.GetProperty("tokenUrl").GetString());
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Route: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();
        Assert.NotEmpty(operations);
        Assert.All(operations, op => Assert.False(
            string.IsNullOrWhiteSpace(op.Operation.TryGetProperty("summary", out var s) ? s.GetString() : null),
            $"{op.Route} has no summary"));
        var roleSchema = document.GetProperty("components").GetProperty("schemas").EnumerateObject()
            .First(s => s.Name.EndsWith("UserRole", StringComparison.Ordinal)).Value;
        Assert.Equal("string", roleSchema.GetProperty("type").GetString());
    }

    [Fact]
    public async Task SwaggerUi_IsServed()
    {
        var page = await _factory.Anonymous().GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task HangfireDashboard_Anonymous401_Requester403_Technician403_Administrator200()
    {
        var requester = await _factory.CreateUserAsync(UserRole.Requester);
        var technician = await _factory.CreateUserAsync(UserRole.Technician);
        var admin = await _factory.AdminAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.Anonymous().GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await requester.Client.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await technician.Client.GetAsync("/hangfire")).StatusCode);
        var ok = await admin.Client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("Hangfire", await ok.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnknownRoute_IsAProblemResponse()
    {
        var response = await _factory.Anonymous().GetAsync("/api/v1/no-existe");

        await response.ProblemAsync(HttpStatusCode.NotFound, "common.not_found");
    }

    [Fact]
    public async Task MalformedJson_NamesTheField_AndChangesNothing()
    {
        var admin = await _factory.AdminAsync();
        var before = await _factory.WithDbAsync(db => Task.FromResult(((MesaServicios.Application.Users.IUsersDbContext)db).Users.Count()));

        var response = await admin.Client.PostAsync("/api/v1/users", new StringContent(
            """{"email":"nuevo@iescinoc.edu.co","fullName":"Nuevo","role":"Jefe"}""", System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("role", out _));
        var after = await _factory.WithDbAsync(db => Task.FromResult(((MesaServicios.Application.Users.IUsersDbContext)db).Users.Count()));
        Assert.Equal(before, after);
    }
}
