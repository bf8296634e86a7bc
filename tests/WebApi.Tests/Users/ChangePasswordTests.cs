using System.Net;
using System.Net.Http.Json;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Users;

public sealed class ChangePasswordTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public ChangePasswordTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task ChangePassword_EndsTheOtherSessions_AndKeepsThisOne()
    {
        var user = await _factory.CreateUserAsync();
        var otherDevice = await _factory.SignInAsync(user.Email, MesaApiFactory.DefaultPassword);

        var response = await user.Client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = MesaApiFactory.DefaultPassword, newPassword = "Mi-Nueva-Clave-2026" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/v1/me")).StatusCode);
        await (await otherDevice.Client.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);
        var refresh = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = otherDevice.RefreshToken });
        await refresh.ProblemAsync(HttpStatusCode.Unauthorized);
        await _factory.SignInAsync(user.Email, "Mi-Nueva-Clave-2026");
    }

    [Theory]
    [InlineData(null, "La contraseña actual no es correcta.")]
    [InlineData("en", "The current password is not correct.")]
    public async Task ChangePassword_WithAWrongCurrentPassword_Returns400OnThatField(string? language, string message)
    {
        var user = await _factory.CreateUserAsync();
        if (language is not null)
        {
            user.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        var response = await user.Client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "no-es-esta-clave", newPassword = "Mi-Nueva-Clave-2026" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(message, problem.GetProperty("errors").GetProperty("currentPassword")[0].GetString());
        await _factory.SignInAsync(user.Email, MesaApiFactory.DefaultPassword);
    }

    [Fact]
    public async Task ChangePassword_Anonymous_Returns401()
    {
        var response = await _factory.Anonymous().PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "x", newPassword = "y" });

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
