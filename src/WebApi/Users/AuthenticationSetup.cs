using System.Security.Claims;
using Mediator;
using MesaServicios.Application.Users.Sessions;
using MesaServicios.Domain.Users;
using MesaServicios.Infrastructure.Users;
using MesaServicios.WebApi.Common;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace MesaServicios.WebApi.Users;

internal static class AuthenticationSetup
{
    /// <summary>Cookie an administrator's browser carries to open the jobs dashboard (HttpOnly, path /hangfire).</summary>
    public const string DashboardCookie = "mesa_dashboard";

    public static IServiceCollection AddMesaAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyProvider, IOptions<JwtOptions>, TimeProvider>((options, keys, jwt, clock) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Value.Issuer,
                    ValidAudience = jwt.Value.Audience,
                    IssuerSigningKey = keys.Key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    // Lifetime checked against the application's clock, so expiry is testable with a fake clock.
                    LifetimeValidator = (notBefore, expires, _, parameters) =>
                    {
                        var now = clock.GetUtcNow().UtcDateTime;
                        return (notBefore is null || notBefore.Value <= now + parameters.ClockSkew)
                            && expires is not null && expires.Value > now - parameters.ClockSkew;
                    },
                    NameClaimType = "name",
                    RoleClaimType = "role",
                };
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        if (string.IsNullOrEmpty(context.Request.Headers.Authorization)
                            && context.Request.Path.StartsWithSegments("/hangfire")
                            && context.Request.Cookies.TryGetValue(DashboardCookie, out var token))
                        {
                            context.Token = token;
                        }
                        else if (string.IsNullOrEmpty(context.Request.Headers.Authorization)
                            && context.Request.Path.StartsWithSegments(MesaServicios.Application.Common.MailLinks.PagesPrefix)
                            && context.Request.Cookies.TryGetValue(BuiltInPages.BuiltInPageEndpoints.Cookie, out var pageToken))
                        {
                            context.Token = pageToken;
                        }

                        return Task.CompletedTask;
                    },
                    OnTokenValidated = async context =>
                    {
                        // Sign-out, deactivation and a detected token reuse end a session at once, not after the token expires.
                        var principal = context.Principal!;
                        if (!Guid.TryParse(principal.FindFirstValue("sid"), out var sessionId)
                            || !Guid.TryParse(principal.FindFirstValue("sub"), out var userId)
                            || !await context.HttpContext.RequestServices.GetRequiredService<ISender>()
                                .Send(new IsSessionActiveQuery(sessionId, userId), context.HttpContext.RequestAborted))
                        {
                            context.Fail("session_ended");
                        }
                    },
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        if (context.Request.Path.StartsWithSegments("/hangfire")
                            && context.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true))
                        {
                            // Still a 401, but a browser without (or with an expired) dashboard cookie is shown the way
                            // to the dashboard's sign-in form, and taken there.
                            context.Response.StatusCode = 401;
                            context.Response.Headers.WWWAuthenticate = "Bearer";
                            context.Response.ContentType = "text/html; charset=utf-8";
                            await context.Response.WriteAsync(
                                "<!doctype html><html lang=\"es\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0; url=/dashboard/sign-in\">" +
                                "<title>Mesa de Servicios</title></head><body><p>Debes iniciar sesión como administrador: " +
                                "<a href=\"/dashboard/sign-in\">ir al inicio de sesión del panel</a>.</p></body></html>");
                            return;
                        }

                        var problem = ProblemResponses.Build(context.HttpContext, 401, "common.unauthorized");
                        context.Response.StatusCode = 401;
                        context.Response.Headers.WWWAuthenticate = "Bearer";
                        await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
                    },
                    OnForbidden = async context =>
                    {
                        var problem = ProblemResponses.Build(context.HttpContext, 403, "common.forbidden");
                        context.Response.StatusCode = 403;
                        await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
                    },
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Technician, p => p.RequireAuthenticatedUser().RequireRole(nameof(UserRole.Technician), nameof(UserRole.Administrator)))
            .AddPolicy(Policies.Administrator, p => p.RequireAuthenticatedUser().RequireRole(nameof(UserRole.Administrator)));
        return services;
    }
}
