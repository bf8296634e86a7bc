using System.Net;
using System.Net.Http.Json;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Users;

public sealed class PasswordPolicyTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public PasswordPolicyTests(MesaApiFactory factory) => _factory = factory;

    [Theory]
    [InlineData("Corta-1", "La contraseña debe tener al menos 10 caracteres.")]
    [InlineData("aaaaaaaaaaaa", "La contraseña debe tener al menos 4 caracteres distintos.")]
    [InlineData("{email}", "La contraseña no puede ser ni contener tu correo electrónico.")]
    [InlineData("{LOCAL}-ClaveLarga", "La contraseña no puede ser ni contener tu correo electrónico.")]
    [InlineData("Contraseña123", "Esa contraseña es demasiado común. Elige otra más difícil de adivinar.")]
    [InlineData("COLOMBIA2024", "Esa contraseña es demasiado común. Elige otra más difícil de adivinar.")]
    [InlineData("qwertyuiop", "Esa contraseña es demasiado común. Elige otra más difícil de adivinar.")]
    public async Task ChangePassword_ThatBreaksThePolicy_ReturnsTheFieldErrorInSpanish(string password, string message)
    {
        var user = await _factory.CreateUserAsync();
        var local = user.Email[..user.Email.IndexOf('@', StringComparison.Ordinal)];
        var candidate = password.Replace("{email}", user.Email, StringComparison.Ordinal).Replace("{LOCAL}", local.ToUpperInvariant(), StringComparison.Ordinal);

        var response = await user.Client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = MesaApiFactory.DefaultPassword, newPassword = candidate });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains(message, problem.GetProperty("errors").GetProperty("newPassword").EnumerateArray().Select(e => e.GetString()));
        await _factory.SignInAsync(user.Email, MesaApiFactory.DefaultPassword);
    }

    [Fact]
    public async Task PolicyErrors_AreInEnglish_OnRequest()
    {
        var user = await _factory.CreateUserAsync();
        user.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var response = await user.Client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = MesaApiFactory.DefaultPassword, newPassword = "colombia2024" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("That password is too common. Choose one that is harder to guess.", problem.GetProperty("errors").GetProperty("newPassword")[0].GetString());
    }

    [Fact]
    public async Task CreateUser_WithAPasswordThatBreaksThePolicy_Returns400()
    {
        var admin = await _factory.AdminAsync();

        var response = await admin.Client.PostAsJsonAsync("/api/v1/users", new
        {
            email = "clave.comun@iescinoc.edu.co",
            fullName = "Clave Común",
            role = "Requester",
            password = "contraseña123",
        });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task AGoodPassword_IsAccepted()
    {
        var user = await _factory.CreateUserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = MesaApiFactory.DefaultPassword, newPassword = "Tinto-Con-Pandebono-9" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
