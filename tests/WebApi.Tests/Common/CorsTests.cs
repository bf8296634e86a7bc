using System.Net;
using MesaServicios.Infrastructure.Common;
using MesaServicios.WebApi.Common;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace MesaServicios.WebApi.Tests.Common;

/// <summary>A front-end on a configured origin may call the API from a browser; any other origin may not.</summary>
public sealed class CorsTests : IClassFixture<CorsTests.PortalOriginFactory>
{
    public const string Portal = "https://mesa.iescinoc.edu.co";

    private readonly PortalOriginFactory _factory;

    public CorsTests(PortalOriginFactory factory) => _factory = factory;

    [Fact]
    public async Task Preflight_FromTheConfiguredOrigin_AllowsTheMethodAndTheHeadersTheApiUses()
    {
        using var preflight = Preflight("/api/v1/tickets", Portal, "POST", "authorization,content-type,idempotency-key");

        using var response = await _factory.Anonymous().SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Portal, Single(response, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Single(response, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        var headers = Single(response, "Access-Control-Allow-Headers").ToLowerInvariant();
        Assert.Contains("authorization", headers, StringComparison.Ordinal);
        Assert.Contains("idempotency-key", headers, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"), "bearer tokens, never cookies");
    }

    [Fact]
    public async Task Preflight_FromAnotherOrigin_GetsNoPermission()
    {
        using var preflight = Preflight("/api/v1/tickets", "https://otro-sitio.example", "POST", "authorization");

        using var response = await _factory.Anonymous().SendAsync(preflight);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Call_FromTheConfiguredOrigin_CanReadTheAnswerAndItsETag()
    {
        var requester = await _factory.CreateUserAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add("Origin", Portal);

        using var response = await requester.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Portal, Single(response, "Access-Control-Allow-Origin"));
        Assert.Contains("ETag", Single(response, "Access-Control-Expose-Headers"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ByDefault_NoOriginIsAllowed()
    {
        using var factory = new MesaApiFactory();
        using var preflight = Preflight("/api/v1/me", Portal, "GET", "authorization");

        using var response = await factory.Anonymous().SendAsync(preflight);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("mesa.iescinoc.edu.co")]
    [InlineData("https://mesa.iescinoc.edu.co/portal")]
    [InlineData("ftp://mesa.iescinoc.edu.co")]
    public void Origins_ThatAreNotOrigins_RefuseTheStart(string origin)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = origin }).Build();

        var refused = Assert.Throws<StartupRefusedException>(() => CorsSetup.Origins(configuration));
        Assert.Contains("Cors:AllowedOrigins", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Origins_TrailingSlashIsIgnored()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = Portal + "/", ["Cors:AllowedOrigins:1"] = "http://localhost:5173" }).Build();

        Assert.Equal([Portal, "http://localhost:5173"], CorsSetup.Origins(configuration));
    }

    private static HttpRequestMessage Preflight(string path, string origin, string method, string headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return request;
    }

    private static string Single(HttpResponseMessage response, string header) =>
        string.Join(",", response.Headers.TryGetValues(header, out var values) ? values : []);

    public sealed class PortalOriginFactory : MesaApiFactory
    {
        public PortalOriginFactory() => With("Cors:AllowedOrigins:0", Portal);
    }
}
