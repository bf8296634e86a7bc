using System.Net;
using System.Net.Http.Json;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Users;

/// <summary>A desk whose sign-in endpoints allow 5 requests a minute per client address.</summary>
public sealed class LowAddressLimitFactory : MesaApiFactory
{
    public LowAddressLimitFactory() => With("RateLimits:AuthPerAddressPerMinute", "5");
}

/// <summary>A desk whose sign-in endpoints allow 3 requests a minute per account.</summary>
public sealed class LowAccountLimitFactory : MesaApiFactory
{
    public LowAccountLimitFactory() => With("RateLimits:AuthPerAccountPerMinute", "3");
}

public sealed class RateLimitPerAddressTests : IClassFixture<LowAddressLimitFactory>
{
    private readonly LowAddressLimitFactory _factory;

    public RateLimitPerAddressTests(LowAddressLimitFactory factory) => _factory = factory;

    [Fact]
    public async Task AuthEndpoints_BeyondTheLimitPerAddress_Return429WithRetryAfter()
    {
        var client = _factory.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            var accepted = await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = $"persona{i}@iescinoc.edu.co" });
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        var throttled = await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = "otra.mas@iescinoc.edu.co" });

        var problem = await throttled.ProblemAsync(HttpStatusCode.TooManyRequests, "common.too_many_requests");
        Assert.Equal("Demasiadas solicitudes. Espera un momento e inténtalo de nuevo.", problem.GetProperty("detail").GetString());
        var retryAfter = int.Parse(throttled.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        var signIn = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "alguien@iescinoc.edu.co", password = "una-clave-cualquiera" });
        await signIn.ProblemAsync(HttpStatusCode.TooManyRequests, "common.too_many_requests");

        // Other endpoints are not throttled.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}

public sealed class RateLimitPerAccountTests : IClassFixture<LowAccountLimitFactory>
{
    private readonly LowAccountLimitFactory _factory;

    public RateLimitPerAccountTests(LowAccountLimitFactory factory) => _factory = factory;

    [Fact]
    public async Task SignIn_BeyondTheLimitPerAccount_Returns429_WhatEverTheCaseOrForm_WhileOtherAccountsGoOn()
    {
        var client = _factory.Anonymous();
        await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "objetivo@iescinoc.edu.co", password = "intento-uno-x" })).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = " OBJETIVO@IESCINOC.edu.co", password = "intento-dos-x" })).ProblemAsync(HttpStatusCode.Unauthorized);
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = "Objetivo@iescinoc.edu.co", ["password"] = "intento-tres" });
        await (await client.PostAsync("/api/v1/auth/token", form)).ProblemAsync(HttpStatusCode.Unauthorized);

        var throttled = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "objetivo@iescinoc.edu.co", password = "intento-cuatro" });
        await throttled.ProblemAsync(HttpStatusCode.TooManyRequests, "common.too_many_requests");
        Assert.True(throttled.Headers.Contains("Retry-After"));
        var forgot = await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = "objetivo@iescinoc.edu.co" });
        await forgot.ProblemAsync(HttpStatusCode.TooManyRequests, "common.too_many_requests");

        var other = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "otra.cuenta@iescinoc.edu.co", password = "intento-uno-x" });
        await other.ProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
    }
}
