using System.Net;
using System.Net.Http.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Users;

public sealed class ForgotPasswordTests : IClassFixture<MesaApiFactory>
{
    private const string NewPassword = "Nueva-Clave-Fuerte-77";

    private readonly MesaApiFactory _factory;

    public ForgotPasswordTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task ForgotPassword_AnswersTheSame_ForKnownAndUnknownAddresses_AndMailsOnlyTheAccount()
    {
        var user = await _factory.CreateUserAsync();

        var known = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = user.Email.ToUpperInvariant() });
        var unknown = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = "nadie.aqui@iescinoc.edu.co" });

        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        await _factory.IssuePasswordResetsAsync();
        var mail = Assert.Single(await _factory.QueuedToAsync(user.Email, "users.password_reset"));
        Assert.Equal("Restablece tu contraseña de la Mesa de Servicios", mail.Subject);
        Assert.Contains("60 minutos", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://portal.test/restablecer-contrasena?email=", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Empty(await _factory.QueuedToAsync("nadie.aqui@iescinoc.edu.co"));
    }

    [Fact]
    public async Task ForgotPassword_ForADeactivatedAccount_QueuesNothing()
    {
        var admin = await _factory.AdminAsync();
        var user = await _factory.CreateUserAsync();
        await (await admin.Client.PostAsync($"/api/v1/users/{user.Id}/deactivate", null)).EnsureSuccessAsync();

        var response = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = user.Email });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await _factory.IssuePasswordResetsAsync();
        Assert.Empty(await _factory.QueuedToAsync(user.Email, "users.password_reset"));
    }

    [Fact]
    public async Task ResetPassword_WithTheMailedToken_SetsThePassword_EndsSessions_AndWorksOnce()
    {
        var user = await _factory.CreateUserAsync();
        var token = await RequestTokenAsync(user.Email);

        var reset = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/reset-password", new { email = user.Email, token, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        await (await user.Client.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);
        var old = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = MesaApiFactory.DefaultPassword });
        await old.ProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        await _factory.SignInAsync(user.Email, NewPassword);

        var again = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/reset-password", new { email = user.Email, token, newPassword = "Otra-Clave-Distinta-88" });
        await again.ProblemAsync(HttpStatusCode.BadRequest, "auth.invalid_reset_token");
        await _factory.SignInAsync(user.Email, NewPassword);
    }

    [Fact]
    public async Task ResetPassword_AfterTheTokenLifetime_Returns400_AndChangesNothing()
    {
        var user = await _factory.CreateUserAsync();
        var token = await RequestTokenAsync(user.Email);

        _factory.Clock.Advance(TimeSpan.FromMinutes(61));
        var response = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/reset-password", new { email = user.Email, token, newPassword = NewPassword });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "auth.invalid_reset_token");
        Assert.Contains("expiró", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await _factory.SignInAsync(user.Email, MesaApiFactory.DefaultPassword);
    }

    [Fact]
    public async Task ResetPassword_JustBeforeTheTokenLifetime_Works()
    {
        var user = await _factory.CreateUserAsync();
        var token = await RequestTokenAsync(user.Email);

        _factory.Clock.Advance(TimeSpan.FromMinutes(59));
        var response = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/reset-password", new { email = user.Email, token, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task ResetPassword_TokenDies_WhenThePasswordChangesAnotherWay()
    {
        var user = await _factory.CreateUserAsync();
        var token = await RequestTokenAsync(user.Email);
        await (await user.Client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = MesaApiFactory.DefaultPassword, newPassword = "Cambiada-Por-Mi-2026" })).EnsureSuccessAsync();

        var response = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/reset-password", new { email = user.Email, token, newPassword = NewPassword });

        await response.ProblemAsync(HttpStatusCode.BadRequest, "auth.invalid_reset_token");
        await _factory.SignInAsync(user.Email, "Cambiada-Por-Mi-2026");
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task ResetPassword_WithAWrongToken_Returns400(string token)
    {
        var user = await _factory.CreateUserAsync();

        var response = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/reset-password", new { email = user.Email, token, newPassword = NewPassword });

        await response.ProblemAsync(HttpStatusCode.BadRequest, "auth.invalid_reset_token");
        await _factory.SignInAsync(user.Email, MesaApiFactory.DefaultPassword);
    }

    [Fact]
    public async Task ResetPassword_WithAnotherUsersToken_Returns400()
    {
        var victim = await _factory.CreateUserAsync();
        var attacker = await _factory.CreateUserAsync();
        var attackersToken = await RequestTokenAsync(attacker.Email);

        var response = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/reset-password", new { email = victim.Email, token = attackersToken, newPassword = NewPassword });

        await response.ProblemAsync(HttpStatusCode.BadRequest, "auth.invalid_reset_token");
    }

    [Fact]
    public async Task ResetPassword_WithAWeakPassword_ReturnsFieldErrors_AndKeepsTheToken()
    {
        var user = await _factory.CreateUserAsync();
        var token = await RequestTokenAsync(user.Email);

        var weak = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/reset-password", new { email = user.Email, token, newPassword = "corta" });

        var problem = await weak.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("La contraseña debe tener al menos 10 caracteres.", problem.GetProperty("errors").GetProperty("newPassword")[0].GetString());
        var good = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/reset-password", new { email = user.Email, token, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, good.StatusCode);
    }

    [Fact]
    public async Task ResetPassword_ClearsTheLockout()
    {
        var user = await _factory.CreateUserAsync();
        for (var i = 0; i < 5; i++)
        {
            await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = "equivocada-" + i });
        }

        var locked = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = MesaApiFactory.DefaultPassword });
        await locked.ProblemAsync((HttpStatusCode)423, "auth.locked_out");

        var token = await RequestTokenAsync(user.Email);
        await (await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/reset-password", new { email = user.Email, token, newPassword = NewPassword })).EnsureSuccessAsync();

        await _factory.SignInAsync(user.Email, NewPassword);
    }

    [Fact]
    public async Task ResetPassword_WithEmptyFields_ReturnsEveryFieldError()
    {
        var response = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/reset-password", new { email = "", token = "", newPassword = "" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("token", out _));
        Assert.True(errors.TryGetProperty("newPassword", out _));
    }

    private async Task<string> RequestTokenAsync(string email)
    {
        var response = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await _factory.IssuePasswordResetsAsync();
        return await _factory.LastTokenToAsync(email);
    }
}
