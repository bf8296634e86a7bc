using System.Net;
using System.Net.Http.Json;
using MesaServicios.Domain.Audit;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.WebApi.Tests.Hardening;

/// <summary>
/// Forgot-password does the same work for any address: one audit entry in one commit, plus the reset mail in that
/// same commit for an account (checked by the rows written; the timing is measured in docs/benchmarks.md).
/// </summary>
public sealed class ForgotPasswordTimingTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public ForgotPasswordTimingTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task EveryRequest_WritesOneAuditEntry_AndTheMailOfAnAccountIsInTheOutboxWhenTheAnswerComes()
    {
        var user = await _factory.CreateUserAsync();

        var known = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = user.Email });
        var unknown = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = "nadie.nunca@iescinoc.edu.co" });

        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        var entries = await _factory.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.Action == "auth.password_reset_requested").Select(e => e.Subject).ToListAsync());
        Assert.Contains(user.Email, entries);
        Assert.Contains("nadie.nunca@iescinoc.edu.co", entries);
        Assert.Single(await _factory.QueuedToAsync(user.Email, "users.password_reset"));
    }
}
