using System.Net;
using System.Net.Http.Json;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Users;

public sealed class LockoutTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public LockoutTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task FiveFailedSignIns_LockTheAccountFor15Minutes_With423AndRetryAfter()
    {
        var user = await _factory.CreateUserAsync();
        for (var i = 1; i <= 4; i++)
        {
            var failed = await SignIn(user.Email, "equivocada-" + i);
            await failed.ProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        }

        var fifth = await SignIn(user.Email, "equivocada-5");
        await fifth.ProblemAsync((HttpStatusCode)423, "auth.locked_out");

        var rightPassword = await SignIn(user.Email, MesaApiFactory.DefaultPassword);
        var problem = await rightPassword.ProblemAsync((HttpStatusCode)423, "auth.locked_out");
        var retryAfter = int.Parse(rightPassword.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 14 * 60, 15 * 60);
        Assert.Contains("15 minutos", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        _factory.Clock.Advance(TimeSpan.FromMinutes(14));
        await (await SignIn(user.Email, MesaApiFactory.DefaultPassword)).ProblemAsync((HttpStatusCode)423, "auth.locked_out");

        _factory.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await _factory.SignInAsync(user.Email, MesaApiFactory.DefaultPassword);
    }

    [Fact]
    public async Task ASuccessfulSignIn_ResetsTheFailureCount()
    {
        var user = await _factory.CreateUserAsync();
        for (var i = 0; i < 4; i++)
        {
            await SignIn(user.Email, "equivocada-" + i);
        }

        await _factory.SignInAsync(user.Email, MesaApiFactory.DefaultPassword);
        for (var i = 0; i < 4; i++)
        {
            await (await SignIn(user.Email, "otra-vez-" + i)).ProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        }

        await _factory.SignInAsync(user.Email, MesaApiFactory.DefaultPassword);
    }

    private Task<HttpResponseMessage> SignIn(string email, string password) =>
        _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email, password });
}
