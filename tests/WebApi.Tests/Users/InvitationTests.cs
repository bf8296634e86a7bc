using System.Net;
using System.Net.Http.Json;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Users;

public sealed class InvitationTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public InvitationTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task CreateUser_WithoutPassword_QueuesASpanishSetYourPasswordMail_WithTextAndHtml()
    {
        var admin = await _factory.AdminAsync();

        await (await admin.Client.PostAsJsonAsync("/api/v1/users", new { email = "nueva.persona@iescinoc.edu.co", fullName = "Nueva Persona", role = "Requester" })).EnsureSuccessAsync();

        var mail = Assert.Single(await _factory.QueuedToAsync("nueva.persona@iescinoc.edu.co"));
        Assert.Equal("users.invitation", mail.Kind);
        Assert.Equal("Tu cuenta en la Mesa de Servicios TIC", mail.Subject);
        Assert.Contains("Hola, Nueva Persona", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("7 días", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://portal.test/restablecer-contrasena?email=nueva.persona%40iescinoc.edu.co&amp;token=", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"es\"", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_WithoutPassword_InEnglish_QueuesAnEnglishMail()
    {
        var admin = await _factory.AdminAsync();

        await (await admin.Client.PostAsJsonAsync("/api/v1/users", new { email = "new.person@iescinoc.edu.co", fullName = "New Person", role = "Technician", language = "en" })).EnsureSuccessAsync();

        var mail = Assert.Single(await _factory.QueuedToAsync("new.person@iescinoc.edu.co"));
        Assert.Equal("Your ICT Service Desk account", mail.Subject);
        Assert.Contains("7 days", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_WithAPassword_QueuesNoMail()
    {
        var user = await _factory.CreateUserAsync();

        Assert.Empty(await _factory.QueuedToAsync(user.Email));
    }

    [Fact]
    public async Task TheInvitationLink_WorksForSevenDays_ThenExpires()
    {
        var admin = await _factory.AdminAsync();
        await (await admin.Client.PostAsJsonAsync("/api/v1/users", new { email = "invitada.uno@iescinoc.edu.co", fullName = "Invitada Uno", role = "Requester" })).EnsureSuccessAsync();
        await (await admin.Client.PostAsJsonAsync("/api/v1/users", new { email = "invitada.dos@iescinoc.edu.co", fullName = "Invitada Dos", role = "Requester" })).EnsureSuccessAsync();
        var first = await _factory.LastTokenToAsync("invitada.uno@iescinoc.edu.co");
        var second = await _factory.LastTokenToAsync("invitada.dos@iescinoc.edu.co");

        _factory.Clock.Advance(TimeSpan.FromDays(6));
        var inTime = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/reset-password", new { email = "invitada.uno@iescinoc.edu.co", token = first, newPassword = "Mi-Primera-Clave-2026" });
        Assert.Equal(HttpStatusCode.NoContent, inTime.StatusCode);
        await _factory.SignInAsync("invitada.uno@iescinoc.edu.co", "Mi-Primera-Clave-2026");

        _factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var late = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/reset-password", new { email = "invitada.dos@iescinoc.edu.co", token = second, newPassword = "Mi-Primera-Clave-2026" });
        await late.ProblemAsync(HttpStatusCode.BadRequest, "auth.invalid_reset_token");
    }

    [Fact]
    public async Task AnAccountWithoutPassword_CannotSignIn()
    {
        var admin = await _factory.AdminAsync();
        await (await admin.Client.PostAsJsonAsync("/api/v1/users", new { email = "sin.clave@iescinoc.edu.co", fullName = "Sin Clave", role = "Requester" })).EnsureSuccessAsync();

        var response = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = "sin.clave@iescinoc.edu.co", password = "cualquier-cosa-larga" });

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
    }
}
