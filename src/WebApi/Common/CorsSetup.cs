namespace MesaServicios.WebApi.Common;

/// <summary>
/// Cross-origin access for the front-ends named in <c>Cors:AllowedOrigins</c> (e.g. the portal at
/// <c>https://mesa.iescinoc.edu.co</c>); none by default, so a browser page of any other origin cannot call the API.
/// Calls carry a bearer token, never cookies, so credentials are not allowed. A preflight is answered for the
/// methods and headers the API uses, and a client can read the headers it needs (ETag, Location, Retry-After).
/// </summary>
internal static class CorsSetup
{
    public const string Section = "Cors:AllowedOrigins";

    public static IServiceCollection AddMesaCors(this IServiceCollection services)
    {
        services.AddCors();
        // Read when the first request needs it, after Program has checked the origins (a bad one refuses the start).
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var origins = Origins(configuration);
            if (origins.Length == 0)
            {
                return;
            }

            options.AddDefaultPolicy(policy => policy.WithOrigins(origins)
                .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
                .WithHeaders("Authorization", "Content-Type", "Accept", "Accept-Language", "If-Match", "If-None-Match", "Idempotency-Key")
                .WithExposedHeaders("ETag", "Location", "Retry-After", "Content-Disposition")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10)));
        });
        return services;
    }

    public static WebApplication UseMesaCors(this WebApplication app)
    {
        app.UseCors();
        return app;
    }

    /// <summary>The configured origins, without a trailing slash; an entry that is not an http(s) origin refuses the start.</summary>
    public static string[] Origins(IConfiguration configuration)
    {
        var origins = configuration.GetSection(Section).Get<string[]>() ?? [];
        return origins.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o =>
        {
            var trimmed = o.Trim().TrimEnd('/');
            if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/" || trimmed != uri.GetLeftPart(UriPartial.Authority))
            {
                throw new Infrastructure.Common.StartupRefusedException($"{Section} holds \"{o}\", which is not an origin such as https://mesa.iescinoc.edu.co (scheme, host and port only).");
            }

            return trimmed;
        }).ToArray();
    }
}
