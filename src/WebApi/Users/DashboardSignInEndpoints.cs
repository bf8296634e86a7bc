using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Users.SignIn;
using MesaServicios.Domain.Common;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Common;

namespace MesaServicios.WebApi.Users;

/// <summary>
/// Lets an administrator open the jobs dashboard (/hangfire) from a browser: a small sign-in form that puts an
/// access token in the HttpOnly cookie <see cref="AuthenticationSetup.DashboardCookie"/>, sent only to /hangfire.
/// Cross-site requests are refused: the cookie is SameSite=Strict and the form's POST must come from this origin.
/// </summary>
internal static class DashboardSignInEndpoints
{
    private const string Path = "/dashboard/sign-in";

    public static IEndpointRouteBuilder MapDashboardSignInEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Dashboard").AllowAnonymous();

        group.MapGet("/", () => Form(StatusCodes.Status200OK, null, null))
            .WithSummary("The sign-in form of the jobs dashboard (HTML, Spanish).")
            .Produces(StatusCodes.Status200OK, contentType: "text/html");

        group.MapPost("/", SignIn)
            .DisableAntiforgery()
            .WithSummary("Sign in to the jobs dashboard (form: email, password). Administrators get the dashboard cookie and a redirect to /hangfire; others get the form again.")
            .Accepts<DashboardSignInForm>("application/x-www-form-urlencoded")
            .Produces(StatusCodes.Status302Found)
            .Produces(StatusCodes.Status401Unauthorized, contentType: "text/html")
            .Produces(StatusCodes.Status403Forbidden, contentType: "text/html")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        return app;
    }

    private static async Task<IResult> SignIn(HttpContext http, ISender sender, CancellationToken ct)
    {
        if (!IsSameOrigin(http.Request))
        {
            return Form(StatusCodes.Status403Forbidden, null, Messages.Get("auth.dashboard_bad_origin"));
        }

        if (!http.Request.HasFormContentType)
        {
            return Form(StatusCodes.Status400BadRequest, null, Messages.Get("common.bad_request"));
        }

        var form = await http.Request.ReadFormAsync(ct);
        var email = form["email"].FirstOrDefault() ?? string.Empty;
        var password = form["password"].FirstOrDefault() ?? string.Empty;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || email.Length > 254 || password.Length > 256)
        {
            return Form(StatusCodes.Status400BadRequest, email, Messages.Get("auth.invalid_credentials"));
        }

        var outcome = await sender.Send(
            new SignInCommand(email, password, http.Connection.RemoteIpAddress?.ToString(), UserRole.Administrator), ct);
        if (outcome.Error is { } error)
        {
            var status = error.Kind switch
            {
                DomainErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                DomainErrorKind.Locked => StatusCodes.Status423Locked,
                _ => StatusCodes.Status401Unauthorized,
            };
            return Form(status, email, Messages.Get(error.Code, error.Arguments.ToArray()));
        }

        var tokens = outcome.Value!;
        http.Response.Cookies.Append(AuthenticationSetup.DashboardCookie, tokens.AccessToken, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/hangfire",
            // Outside Development the cookie only travels over HTTPS (behind a TLS-terminating proxy too).
            Secure = http.Request.IsHttps || !http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment(),
            Expires = tokens.AccessTokenExpiresAt,
        });
        return Results.Redirect("/hangfire", permanent: false, preserveMethod: false);
    }

    /// <summary>A POST from a page of another site carries its own Origin (or Referer): refuse it.</summary>
    private static bool IsSameOrigin(HttpRequest request)
    {
        var expected = $"{request.Scheme}://{request.Host}";
        var origin = request.Headers.Origin.FirstOrDefault();
        if (!string.IsNullOrEmpty(origin))
        {
            return string.Equals(origin, expected, StringComparison.OrdinalIgnoreCase);
        }

        var referer = request.Headers.Referer.FirstOrDefault();
        return string.IsNullOrEmpty(referer)
            || (Uri.TryCreate(referer, UriKind.Absolute, out var uri)
                && string.Equals(uri.GetLeftPart(UriPartial.Authority), expected, StringComparison.OrdinalIgnoreCase));
    }

    private static IResult Form(int status, string? email, string? error) =>
        HtmlTemplates.Page(status, "Users/Pages/DashboardSignIn.html", new Dictionary<string, string>
        {
            ["error"] = error is null ? string.Empty : HtmlTemplates.Render("Common/Pages/Alert.html", new Dictionary<string, string> { ["message"] = error }),
            ["action"] = Path,
            ["email"] = email ?? string.Empty,
        });
}

/// <summary>The dashboard sign-in form's fields (documentation only).</summary>
public sealed record DashboardSignInForm(string Email, string Password);
