using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MesaServicios.WebApi.Common;

/// <summary>Limits on the sign-in endpoints (section "RateLimits"), per fixed window of one minute.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Requests to /api/v1/auth/* (and the dashboard sign-in) per client address and minute.</summary>
    public int AuthPerAddressPerMinute { get; set; } = 20;

    /// <summary>Requests naming one account (the e-mail in the body or form, normalised) per minute.</summary>
    public int AuthPerAccountPerMinute { get; set; } = 10;
}

/// <summary>
/// Throttles password guessing and mail flooding: requests to the sign-in endpoints are limited per client
/// address and per account (e-mail) → 429 problem <c>common.too_many_requests</c> with Retry-After.
/// The counters live in this process: with several nodes behind a load balancer each node counts on its own,
/// so the effective limit is the configured one times the number of nodes.
/// </summary>
internal static class RateLimiting
{
    private const string AccountItem = "mesa.rate_limit.account";

    public static IServiceCollection AddMesaRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    IsLimited(http)
                        ? Window("address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), Limits(http).AuthPerAddressPerMinute)
                        : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    IsLimited(http) && http.Items[AccountItem] is string account
                        ? Window("account:" + account, Limits(http).AuthPerAccountPerMinute)
                        : RateLimitPartition.GetNoLimiter(string.Empty)));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var problem = ProblemResponses.Build(http, 429, "common.too_many_requests");
                await http.Response.WriteAsJsonAsync(problem, (JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
            };
        });
        return services;
    }

    /// <summary>Reads the account an auth request names (before the limiter runs), then applies the limits.</summary>
    public static WebApplication UseMesaRateLimiting(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (IsLimited(http))
            {
                var account = await AuthRequestBody.ReadAsync(http);
                if (!string.IsNullOrWhiteSpace(account))
                {
                    http.Items[AccountItem] = account.Trim().ToLowerInvariant();
                }
            }

            await next(http);
        });
        app.UseRateLimiter();
        return app;
    }

    private static bool IsLimited(HttpContext http) => AuthRequestBody.Applies(http);

    private static RateLimitOptions Limits(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static RateLimitPartition<string> Window(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
