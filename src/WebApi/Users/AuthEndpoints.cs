using System.Text.Json.Serialization;
using Mediator;
using MesaServicios.Application.Users.ForgotPassword;
using MesaServicios.Application.Users.RefreshSession;
using MesaServicios.Application.Users.ResetPassword;
using MesaServicios.Application.Users.Sessions;
using MesaServicios.Application.Users.SignIn;
using MesaServicios.Application.Users.SignOut;
using MesaServicios.WebApi.Common;
using Microsoft.AspNetCore.Mvc;

namespace MesaServicios.WebApi.Users;

/// <summary>Sign-in body. <c>grantType</c> is "password" (default) or "refresh_token".</summary>
public sealed record TokenRequest(string? GrantType, string? Email, string? Password, string? RefreshToken);

/// <summary>Forgot-password body.</summary>
public sealed record ForgotPasswordRequest(string? Email);

/// <summary>The answer to a forgot-password request, the same whether the account exists or not.</summary>
public sealed record ForgotPasswordResponse(string Message);

/// <summary>Refresh body.</summary>
public sealed record RefreshRequest(string? RefreshToken);

/// <summary>Tokens, named as OAuth 2.0 (RFC 6749 §5.1) so Swagger UI and OAuth clients read them as they are.</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("refresh_token")] string RefreshToken,
    [property: JsonPropertyName("refresh_token_expires_in")] int RefreshTokenExpiresIn,
    [property: JsonPropertyName("session_id")] Guid SessionId)
{
    public static TokenResponse From(TokenResult result, DateTimeOffset now) => new(
        result.AccessToken,
        "Bearer",
        (int)(result.AccessTokenExpiresAt - now).TotalSeconds,
        result.RefreshToken,
        (int)(result.RefreshTokenExpiresAt - now).TotalSeconds,
        result.SessionId);
}

internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");

        group.MapPost("/token", Token)
            .AllowAnonymous()
            .Accepts<TokenRequest>("application/json", "application/x-www-form-urlencoded")
            .WithSummary("Sign in (password) or refresh (refresh_token): returns an access token (15 min) and a rotating refresh token (14 days).")
            .WithDescription("JSON `{\"email\",\"password\"}` or the OAuth2 form (`grant_type=password&username=&password=`, " +
                "`grant_type=refresh_token&refresh_token=`) that Swagger UI's Authorize dialog sends. " +
                "Five wrong passwords lock the account for 15 minutes (423 with Retry-After). " +
                "Example body: `{ \"email\": \"admin@iescinoc.edu.co\", \"password\": \"Clave-Segura-2026\" }`")
            .Produces<TokenResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status423Locked)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapPost("/refresh", async (HttpContext http, ISender sender, TimeProvider clock, CancellationToken ct) =>
                Results.Ok(TokenResponse.From((await sender.Send(new RefreshSessionCommand(AuthRequestBody.Bind<RefreshRequest>(http).RefreshToken ?? string.Empty), ct)).GetValueOrThrow(), clock.GetUtcNow())))
            .AllowAnonymous()
            .Accepts<RefreshRequest>("application/json")
            .WithSummary("Exchange a refresh token for a new pair. Reusing an already exchanged token ends the whole session.")
            .WithDescription("Example body: `{ \"refreshToken\": \"q8Zb3xN0…\" }` (the `refresh_token` of the sign-in answer).")
            .Produces<TokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/forgot-password", async (ForgotPasswordRequest request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new ForgotPasswordCommand(request.Email ?? string.Empty), ct);
                return Results.Accepted(value: new ForgotPasswordResponse(Application.Common.Localization.Messages.Get("auth.forgot_password_accepted")));
            })
            .AllowAnonymous()
            .WithSummary("Ask for a password reset e-mail. The answer is the same whether the address has an account or not.")
            .WithDescription("Example body: `{ \"email\": \"docente@iescinoc.edu.co\" }`")
            .Produces<ForgotPasswordResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapPost("/reset-password", async (HttpContext http, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(AuthRequestBody.Bind<ResetPasswordCommand>(http), ct);
                return Results.NoContent();
            })
            .AllowAnonymous()
            .Accepts<ResetPasswordCommand>("application/json")
            .WithSummary("Set a new password with the token of a reset or invitation e-mail. Ends every session of the account and clears its lockout.")
            .WithDescription("A wrong, expired or already used token gives 400 with code `auth.invalid_reset_token`; a weak password gives field errors. " +
                "Example body: `{ \"email\": \"docente@iescinoc.edu.co\", \"token\": \"CfDJ8…\", \"newPassword\": \"Otra-Clave-Segura-2026\" }`")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapPost("/sign-out", async (ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new SignOutCommand(), ct);
                return Results.NoContent();
            })
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("End the current session: its access and refresh tokens stop working at once.")
            .Produces(StatusCodes.Status204NoContent);

        return app;
    }

    private static async Task<IResult> Token(HttpContext http, ISender sender, TimeProvider clock, CancellationToken ct)
    {
        TokenRequest request;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(ct);
            request = new TokenRequest(form["grant_type"], form["username"].FirstOrDefault() ?? form["email"], form["password"], form["refresh_token"]);
        }
        else
        {
            request = AuthRequestBody.Bind<TokenRequest>(http);
        }

        var grant = string.IsNullOrWhiteSpace(request.GrantType) ? "password" : request.GrantType;
        var outcome = grant switch
        {
            "password" => await sender.Send(new SignInCommand(request.Email ?? string.Empty, request.Password ?? string.Empty, http.Connection.RemoteIpAddress?.ToString()), ct),
            "refresh_token" => await sender.Send(new RefreshSessionCommand(request.RefreshToken ?? string.Empty), ct),
            _ => throw new FluentValidation.ValidationException(
            [
                new FluentValidation.Results.ValidationFailure("grantType", Application.Common.Localization.Messages.Get("auth.unsupported_grant_type")),
            ]),
        };
        return Results.Ok(TokenResponse.From(outcome.GetValueOrThrow(), clock.GetUtcNow()));
    }
}
