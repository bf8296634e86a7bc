using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Users;

public sealed class SignInTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public SignInTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task SignIn_WithRightPassword_ReturnsTokensThatOpenMe()
    {
        var user = await _factory.CreateUserAsync(UserRole.Technician, email: "Tecnico.Uno@IESCINOC.edu.co");

        var me = await (await user.Client.GetAsync("/api/v1/me")).EnsureSuccessAsync();
        var profile = await me.JsonAsync();

        Assert.Equal("tecnico.uno@iescinoc.edu.co", profile.GetProperty("email").GetString());
        Assert.Equal("Technician", profile.GetProperty("role").GetString());
    }

    [Fact]
    public async Task SignIn_WithOAuthPasswordForm_ReturnsBearerToken()
    {
        var user = await _factory.CreateUserAsync();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = user.Email,
            ["password"] = MesaApiFactory.DefaultPassword,
        });

        var body = await (await (await _factory.Anonymous().PostAsync("/api/v1/auth/token", form)).EnsureSuccessAsync()).JsonAsync();

        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.InRange(body.GetProperty("expires_in").GetInt32(), 890, 900);
        Assert.InRange(body.GetProperty("refresh_token_expires_in").GetInt32(), 14 * 86400 - 10, 14 * 86400);
    }

    [Theory]
    [InlineData(null, "Correo o contraseña incorrectos.")]
    [InlineData("en", "Wrong e-mail or password.")]
    public async Task SignIn_WithWrongPassword_Returns401InTheRequestedLanguage(string? language, string detail)
    {
        var user = await _factory.CreateUserAsync();

        var response = await _factory.Anonymous(language).PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = "no-es-la-clave" });

        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task SignIn_WithUnknownEmail_AnswersExactlyLikeAWrongPassword()
    {
        var response = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = "nadie@iescinoc.edu.co", password = "cualquier-cosa" });

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
    }

    [Fact]
    public async Task SignIn_WithEmptyFields_ReturnsEveryFieldError()
    {
        var response = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = "", password = "" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        Assert.Equal("El correo electrónico es obligatorio.", errors.GetProperty("email")[0].GetString());
        Assert.Equal("La contraseña es obligatoria.", errors.GetProperty("password")[0].GetString());
    }

    [Fact]
    public async Task Refresh_RotatesTheToken_AndReusingTheOldOneEndsTheSession()
    {
        var user = await _factory.CreateUserAsync();
        var anonymous = _factory.Anonymous();

        var first = await (await (await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken })).EnsureSuccessAsync()).JsonAsync();
        var rotated = first.GetProperty("refresh_token").GetString();
        Assert.NotEqual(user.RefreshToken, rotated);

        var reuse = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken });
        await reuse.ProblemAsync(HttpStatusCode.Unauthorized, "auth.refresh_token_reused");

        // The whole family is gone: the rotated token and the access tokens of the session stop working.
        var afterReuse = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = rotated });
        await afterReuse.ProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
        var client = _factory.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", first.GetProperty("access_token").GetString());
        await (await client.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await user.Client.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_TwoConcurrentUsesOfOneToken_OnlyOneSucceeds()
    {
        var user = await _factory.CreateUserAsync();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken })));

        Assert.Single(attempts, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(attempts.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
    }

    [Fact]
    public async Task SignOut_EndsTheSessionAtOnce()
    {
        var user = await _factory.CreateUserAsync();

        var signOut = await user.Client.PostAsync("/api/v1/auth/sign-out", null);
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);

        await (await user.Client.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized, "common.unauthorized");
        var refresh = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken });
        await refresh.ProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
    }

    [Fact]
    public async Task AccessToken_ExpiresAfter15Minutes()
    {
        var user = await _factory.CreateUserAsync();

        _factory.Clock.Advance(TimeSpan.FromMinutes(16));

        await (await user.Client.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
