using System.Net;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Users;

public sealed class DashboardSignInTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public DashboardSignInTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task SignInForm_IsASpanishHtmlPage()
    {
        var response = await _factory.Anonymous().GetAsync("/dashboard/sign-in");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"es\">", html, StringComparison.Ordinal);
        Assert.Contains("name=\"email\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"password\"", html, StringComparison.Ordinal);
        Assert.Contains("Contraseña", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hangfire_Anonymous401_Requester403_Technician403_AdminBearer200()
    {
        var requester = await _factory.CreateUserAsync(UserRole.Requester);
        var technician = await _factory.CreateUserAsync(UserRole.Technician);
        var admin = await _factory.AdminAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.Anonymous().GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await requester.Client.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await technician.Client.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task AdministratorSignIn_SetsAStrictHttpOnlyCookie_ThatOpensTheDashboard()
    {
        var response = await PostForm(MesaApiFactory.AdminEmail, MesaApiFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/hangfire", response.Headers.Location?.OriginalString);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("mesa_dashboard=", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/hangfire", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", setCookie, StringComparison.OrdinalIgnoreCase); // outside Development, even over plain HTTP (TLS ends at a proxy)

        var cookie = setCookie.Split(';')[0];
        var browser = _factory.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Add("Cookie", cookie);
        var dashboard = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Mesa de Servicios", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCookie_IsMarkedSecure_OverHttps()
    {
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
        });

        var response = await client.PostAsync("/dashboard/sign-in", Form(MesaApiFactory.AdminEmail, MesaApiFactory.AdminPassword));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("secure", Assert.Single(response.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(UserRole.Requester)]
    [InlineData(UserRole.Technician)]
    public async Task NonAdministrators_GetTheFormAgain_With403_AndNoCookie(UserRole role)
    {
        var user = await _factory.CreateUserAsync(role);

        var response = await PostForm(user.Email, MesaApiFactory.DefaultPassword);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("Solo los administradores", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPassword_GetsTheFormAgain_With401()
    {
        var response = await PostForm(MesaApiFactory.AdminEmail, "no-es-la-clave");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("Correo o contraseña incorrectos.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostFromAnotherSite_IsRefused()
    {
        var client = _factory.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dashboard/sign-in") { Content = Form(MesaApiFactory.AdminEmail, MesaApiFactory.AdminPassword) };
        request.Headers.Add("Origin", "https://sitio-malicioso.example");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task ABrowserWithoutTheCookie_Gets401_WithThePageThatLeadsToTheSignInForm()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Add("Accept", "text/html,application/xhtml+xml");

        var response = await _factory.Anonymous().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("url=/dashboard/sign-in", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/dashboard/sign-in\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCookie_IsNotABearerForTheApi()
    {
        var signIn = await PostForm(MesaApiFactory.AdminEmail, MesaApiFactory.AdminPassword);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users");
        request.Headers.Add("Cookie", cookie);

        var response = await _factory.Anonymous().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostForm(string email, string password)
    {
        var client = _factory.Anonymous();
        client.DefaultRequestHeaders.Add("Origin", "http://localhost");
        return client.PostAsync("/dashboard/sign-in", Form(email, password));
    }

    private static FormUrlEncodedContent Form(string email, string password) =>
        new(new Dictionary<string, string> { ["email"] = email, ["password"] = password });
}
