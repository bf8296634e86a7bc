using System.Net;
using System.Net.Http.Json;
using MesaServicios.Domain.Audit;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.WebApi.Tests.Hardening;

/// <summary>
/// Forgot-password does the same work for any address before it answers: one request row (the normalised address)
/// and one audit entry, in one commit, and nothing that only an account causes (no token, no mail yet). The reset mail
/// is made after the answer, for accounts only, once (the timing is measured in docs/benchmarks.md).
/// </summary>
public sealed class ForgotPasswordTimingTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public ForgotPasswordTimingTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task TheAnswer_WritesTheSameRowsForAnyAddress_AndTheMailOfAnAccountComesAfterIt()
    {
        var user = await _factory.CreateUserAsync();
        const string nobody = "nadie.nunca@iescinoc.edu.co";

        var known = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = " " + user.Email.ToUpperInvariant() });
        var unknown = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = nobody });

        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        var requests = await _factory.WithDbAsync(db => db.Set<PasswordResetRequest>().Select(r => r.Email).ToListAsync());
        Assert.Equal([nobody, user.Email], requests.Order(StringComparer.Ordinal));
        var entries = await _factory.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.Action == "auth.password_reset_requested").Select(e => e.Subject).ToListAsync());
        Assert.Contains(user.Email, entries);
        Assert.Contains(nobody, entries);
        Assert.Empty(await _factory.QueuedToAsync(user.Email, "users.password_reset"));

        Assert.Equal(2, await _factory.IssuePasswordResetsAsync());

        Assert.Single(await _factory.QueuedToAsync(user.Email, "users.password_reset"));
        Assert.Empty(await _factory.QueuedToAsync(nobody));
        Assert.Empty(await _factory.WithDbAsync(db => db.Set<PasswordResetRequest>().ToListAsync()));
    }

    [Fact]
    public async Task TwoRunsAtOnce_MailEachRequestOnce()
    {
        var users = new List<TestUser>();
        for (var i = 0; i < 3; i++)
        {
            users.Add(await _factory.CreateUserAsync());
        }

        foreach (var user in users)
        {
            await (await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = user.Email })).EnsureSuccessAsync();
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => _factory.IssuePasswordResetsAsync())));

        foreach (var user in users)
        {
            Assert.Single(await _factory.QueuedToAsync(user.Email, "users.password_reset"));
        }

        Assert.Empty(await _factory.WithDbAsync(db => db.Set<PasswordResetRequest>().ToListAsync()));
    }
}
