using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MesaServicios.WebApi.Tests.Hardening;

public sealed partial class SecurityHeadersTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public SecurityHeadersTests(MesaApiFactory factory) => _factory = factory;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/api/v1/me")]
    [InlineData("/swagger/v1/swagger.json")]
    [InlineData("/no-existe")]
    public async Task EveryAnswer_CarriesNoSniffNoFramingNoReferrer_AndNoServerName(string path)
    {
        var response = await _factory.Anonymous().GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("/swagger/index.html")]
    [InlineData("/dashboard/sign-in")]
    public async Task HtmlPages_HaveAPolicyOfThisOriginOnly_AndNoInlineOrForeignScripts(string path)
    {
        var response = await _factory.Anonymous().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        // What the policy allows is what the page needs: every script is a file of this origin.
        foreach (Match script in ScriptTag().Matches(html))
        {
            var src = SrcAttribute().Match(script.Value);
            Assert.True(src.Success, $"inline script in {path}: {script.Value}");
            Assert.False(src.Groups[1].Value.Contains("//", StringComparison.Ordinal), $"foreign script in {path}: {src.Groups[1].Value}");
        }
    }

    [Fact]
    public async Task SwaggerUi_StillLoadsItsScriptsAndTheDocument()
    {
        var client = _factory.Anonymous();
        var html = await (await client.GetAsync("/swagger/index.html")).Content.ReadAsStringAsync();
        foreach (Match script in ScriptTag().Matches(html))
        {
            var src = SrcAttribute().Match(script.Value).Groups[1].Value;
            var asset = await client.GetAsync(new Uri(new Uri("http://localhost/swagger/"), src));
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/v1/swagger.json")).StatusCode);
    }

    [Fact]
    public async Task TokenAnswers_AreNeverCached()
    {
        var response = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = MesaApiFactory.AdminEmail, password = MesaApiFactory.AdminPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_OverHttps_SendsHsts()
    {
        using var production = _factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://mesa.iescinoc.edu.co") });

        var response = await client.GetAsync("/health/live");

        Assert.Contains("max-age=31536000", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdministratorReadsHangfireStats_WithoutAFailure()
    {
        var admin = await _factory.AdminAsync();

        var get = await admin.Client.GetAsync("/hangfire/stats");
        var post = await admin.Client.PostAsync("/hangfire/stats", new FormUrlEncodedContent([new("metrics[]", "enqueued:count")]));

        Assert.True((int)get.StatusCode < 500, $"GET /hangfire/stats: {(int)get.StatusCode}");
        Assert.True((int)post.StatusCode < 500, $"POST /hangfire/stats: {(int)post.StatusCode}");
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : string.Empty;

    [GeneratedRegex("<script\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("src=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex SrcAttribute();
}
