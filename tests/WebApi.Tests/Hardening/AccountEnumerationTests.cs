using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MesaServicios.Infrastructure.Users;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Hardening;

/// <summary>Sign-in answers the same way, with the same work, whether the account exists or not.</summary>
public sealed class AccountEnumerationTests : IDisposable
{
    private readonly CountingHasher _hasher = new();
    private readonly MesaApiFactory _factory;

    public AccountEnumerationTests()
    {
        _factory = new MesaApiFactory().WithServices(services =>
            services.AddScoped<IPasswordHasher<AccountCredential>>(_ => _hasher));
    }

    [Fact]
    public async Task WrongPassword_UnknownAndExistingAccount_SameStatusAndBody()
    {
        var user = await _factory.CreateUserAsync();

        var existing = await SignIn(user.Email, "equivocada-1");
        var unknown = await SignIn("nadie.existe@iescinoc.edu.co", "equivocada-1");

        Assert.Equal(HttpStatusCode.Unauthorized, existing.StatusCode);
        Assert.Equal(existing.StatusCode, unknown.StatusCode);
        Assert.Equal(await Comparable(existing), await Comparable(unknown));
    }

    [Fact]
    public async Task FiveFailures_LockUnknownAddressesAsExistingAccounts_SameStatusBodyAndRetryAfter()
    {
        var user = await _factory.CreateUserAsync();
        const string unknownEmail = "fantasma@iescinoc.edu.co";
        HttpResponseMessage existing = null!, unknown = null!;
        for (var i = 1; i <= 6; i++)
        {
            existing = await SignIn(user.Email, "equivocada-" + i);
            unknown = await SignIn(unknownEmail, "equivocada-" + i);
            Assert.Equal(existing.StatusCode, unknown.StatusCode);
            Assert.Equal(await Comparable(existing), await Comparable(unknown));
        }

        Assert.Equal((HttpStatusCode)423, existing.StatusCode);
        Assert.Equal(existing.Headers.RetryAfter?.ToString(), unknown.Headers.RetryAfter?.ToString());
    }

    [Fact]
    public async Task DeactivatedAccount_AnswersAsAnUnknownOne()
    {
        var admin = await _factory.AdminAsync();
        var user = await _factory.CreateUserAsync();
        (await admin.Client.PostAsync($"/api/v1/users/{user.Id}/deactivate", null)).EnsureSuccessStatusCode();

        var deactivated = await SignIn(user.Email, MesaApiFactory.DefaultPassword);
        var unknown = await SignIn("otro.fantasma@iescinoc.edu.co", MesaApiFactory.DefaultPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, deactivated.StatusCode);
        Assert.Equal(await Comparable(deactivated), await Comparable(unknown));
    }

    [Fact]
    public async Task EverySignIn_HashesThePasswordOnce_WhetherTheAccountExistsOrNot()
    {
        var user = await _factory.CreateUserAsync();
        var invited = await InviteWithoutPasswordAsync();

        foreach (var email in new[] { user.Email, "desconocida@iescinoc.edu.co", invited })
        {
            var before = _hasher.Verifications;
            var response = await SignIn(email, "equivocada-x");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(1, _hasher.Verifications - before);
        }
    }

    private async Task<string> InviteWithoutPasswordAsync()
    {
        var admin = await _factory.AdminAsync();
        const string email = "invitada.sin.clave@iescinoc.edu.co";
        var created = await admin.Client.PostAsJsonAsync("/api/v1/users", new { email, fullName = "Invitada Sin Clave", role = "Requester" });
        await created.EnsureSuccessAsync();
        return email;
    }

    private Task<HttpResponseMessage> SignIn(string email, string password) =>
        _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email, password });

    /// <summary>The body without its per-request trace id.</summary>
    private static async Task<string> Comparable(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return body.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>Identity's hasher, counting its verifications (the expensive part of a sign-in).</summary>
    private sealed class CountingHasher : IPasswordHasher<AccountCredential>
    {
        private readonly PasswordHasher<AccountCredential> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AccountCredential user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AccountCredential user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
