using System.Globalization;
using FluentValidation;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Reservations;
using MesaServicios.Application.Reservations.GetReservation;
using MesaServicios.Application.Tickets.GetTicket;
using MesaServicios.Application.Users.ResetPassword;
using MesaServicios.Application.Users.SignIn;
using MesaServicios.Domain.Common;
using MesaServicios.WebApi.Common;

namespace MesaServicios.WebApi.BuiltInPages;

/// <summary>
/// The small pages e-mails link to when there is no portal (<c>Portal:BaseUrl</c> empty): set a password from an
/// invitation or reset link, sign in, and see one ticket's state and timeline, and one reservation. Plain HTML forms in the reader's
/// language (Spanish unless <c>Accept-Language</c> asks for English), no script at all, the HTML security headers.
/// Signing in here puts the access token in the HttpOnly, SameSite=Strict cookie <see cref="Cookie"/>, sent only to
/// these pages; a form POST from another origin is refused.
/// </summary>
internal static class BuiltInPageEndpoints
{
    public const string Cookie = "mesa_pages";

    private const string Prefix = MailLinks.PagesPrefix;
    private const string SetPasswordPath = Prefix + "/set-password";
    private const string SignInPath = Prefix + "/sign-in";

    public static IEndpointRouteBuilder MapBuiltInPageEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).WithTags("Built-in pages").AllowAnonymous();

        group.MapGet("/set-password", (string? email, string? token, HttpResponse response) =>
            {
                Private(response);
                return string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(token)
                    ? Message(StatusCodes.Status400BadRequest, Messages.Get("pages.set_password.title"), Messages.Get("pages.set_password.link_incomplete"), null)
                    : SetPasswordForm(StatusCodes.Status200OK, email, token, null);
            })
            .WithSummary("Page (HTML) where a person chooses a password with the token of an invitation or reset e-mail (query: email, token).")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .Produces<string>(StatusCodes.Status400BadRequest, "text/html");

        group.MapPost("/set-password", SetPassword)
            .DisableAntiforgery()
            .WithSummary("Sets the password from the set-password page (form: email, token, newPassword, confirmPassword); answers a page.")
            .Accepts<SetPasswordForm>("application/x-www-form-urlencoded")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .Produces<string>(StatusCodes.Status400BadRequest, "text/html")
            .Produces<string>(StatusCodes.Status403Forbidden, "text/html");

        group.MapGet("/sign-in", (string? returnUrl, HttpResponse response) =>
            {
                Private(response);
                return SignInForm(StatusCodes.Status200OK, null, LocalReturnUrl(returnUrl), null);
            })
            .WithSummary("Sign-in page (HTML) of the built-in pages (query: returnUrl, a page under /pages).")
            .Produces<string>(StatusCodes.Status200OK, "text/html");

        group.MapPost("/sign-in", SignIn)
            .DisableAntiforgery()
            .WithSummary("Signs in from the sign-in page (form: email, password, returnUrl): the page cookie and a redirect to returnUrl, or the form again.")
            .Accepts<PageSignInForm>("application/x-www-form-urlencoded")
            .Produces(StatusCodes.Status302Found)
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .Produces<string>(StatusCodes.Status400BadRequest, "text/html")
            .Produces<string>(StatusCodes.Status401Unauthorized, "text/html")
            .Produces<string>(StatusCodes.Status403Forbidden, "text/html");

        group.MapGet("/tickets/{id:int}", ShowTicket)
            .WithSummary("A ticket's state and timeline (HTML) for its requester, observers and the desk; without a session, a redirect to the sign-in page.")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .Produces(StatusCodes.Status302Found)
            .Produces<string>(StatusCodes.Status404NotFound, "text/html");

        group.MapGet("/reservations/{id:guid}", ShowReservation)
            .WithSummary("A reservation's item, times and state (HTML) for its holder, the person who booked it and the desk; without a session, a redirect to the sign-in page.")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .Produces(StatusCodes.Status302Found)
            .Produces<string>(StatusCodes.Status404NotFound, "text/html");

        return app;
    }

    private static async Task<IResult> ShowReservation(Guid id, HttpContext http, ISender sender, CancellationToken ct)
    {
        Private(http.Response);
        var path = $"{Prefix}/reservations/{id}";
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return Results.Redirect($"{SignInPath}?returnUrl={Uri.EscapeDataString(path)}");
        }

        ReservationDetails reservation;
        try
        {
            reservation = await sender.Send(new GetReservationQuery(id), ct);
        }
        catch (DomainException refused) when (refused.Kind is DomainErrorKind.NotFound or DomainErrorKind.Forbidden)
        {
            return Message(StatusCodes.Status404NotFound, Messages.Get("pages.reservation.not_found.title"), Messages.Get("pages.reservation.not_found"), null);
        }

        var none = Messages.Get("pages.reservation.none");
        var body = HtmlTemplates.Render("BuiltInPages/Pages/Reservation.html", new Dictionary<string, string>
        {
            ["statusLabel"] = Messages.Get("pages.reservation.status"),
            ["status"] = Messages.Get($"pages.reservation_status.{reservation.Status}"),
            ["itemLabel"] = Messages.Get("pages.reservation.item"),
            ["item"] = $"{reservation.Item.Name} ({reservation.Item.Code}) · {reservation.Item.MaterialType}",
            ["holderLabel"] = Messages.Get("pages.reservation.holder"),
            ["holder"] = reservation.Holder.Name,
            ["fromLabel"] = Messages.Get("pages.reservation.from"),
            ["from"] = LocalTime(reservation.Start),
            ["toLabel"] = Messages.Get("pages.reservation.to"),
            ["to"] = LocalTime(reservation.End),
            ["checkedOutLabel"] = Messages.Get("pages.reservation.checked_out"),
            ["checkedOut"] = reservation.CheckedOutAt is { } outAt ? LocalTime(outAt) : none,
            ["returnedLabel"] = Messages.Get("pages.reservation.returned"),
            ["returned"] = reservation.ReturnedAt is { } back ? LocalTime(back) : none,
            ["purposeLabel"] = Messages.Get("pages.reservation.purpose"),
            ["purpose"] = reservation.Purpose,
            ["cancel"] = reservation.CancelReason is { Length: > 0 } reason
                ? HtmlTemplates.Render("BuiltInPages/Pages/Message.html", new Dictionary<string, string>
                {
                    ["message"] = $"{Messages.Get("pages.reservation.cancel_reason")}: {reason}",
                    ["link"] = string.Empty,
                })
                : string.Empty,
        });
        return Layout(StatusCodes.Status200OK, Messages.Get("pages.reservation.title", reservation.Item.Name), body);
    }

    private static async Task<IResult> SetPassword(HttpContext http, ISender sender, CancellationToken ct)
    {
        Private(http.Response);
        var title = Messages.Get("pages.set_password.title");
        if (!IsSameOrigin(http.Request))
        {
            return Message(StatusCodes.Status403Forbidden, title, Messages.Get("pages.bad_origin"), null);
        }

        if (!http.Request.HasFormContentType)
        {
            return Message(StatusCodes.Status400BadRequest, title, Messages.Get("pages.bad_request"), null);
        }

        var form = await http.Request.ReadFormAsync(ct);
        var email = form["email"].FirstOrDefault() ?? string.Empty;
        var token = form["token"].FirstOrDefault() ?? string.Empty;
        var password = form["newPassword"].FirstOrDefault() ?? string.Empty;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(token))
        {
            return Message(StatusCodes.Status400BadRequest, title, Messages.Get("pages.set_password.link_incomplete"), null);
        }

        if (!string.Equals(password, form["confirmPassword"].FirstOrDefault(), StringComparison.Ordinal))
        {
            return SetPasswordForm(StatusCodes.Status400BadRequest, email, token, Messages.Get("pages.set_password.mismatch"));
        }

        try
        {
            await sender.Send(new ResetPasswordCommand(email, token, password), ct);
        }
        catch (ValidationException invalid)
        {
            return SetPasswordForm(StatusCodes.Status400BadRequest, email, token, string.Join(' ', invalid.Errors.Select(e => e.ErrorMessage).Distinct()));
        }
        catch (DomainException refused)
        {
            return SetPasswordForm(StatusCodes.Status400BadRequest, email, token, Messages.Get(refused.Code, refused.Arguments.ToArray()));
        }

        return Message(
            StatusCodes.Status200OK,
            Messages.Get("pages.set_password.done.title"),
            Messages.Get("pages.set_password.done"),
            (Messages.Get("pages.sign_in.link"), SignInPath));
    }

    private static async Task<IResult> SignIn(HttpContext http, ISender sender, CancellationToken ct)
    {
        Private(http.Response);
        if (!IsSameOrigin(http.Request))
        {
            return SignInForm(StatusCodes.Status403Forbidden, null, null, Messages.Get("pages.bad_origin"));
        }

        if (!http.Request.HasFormContentType)
        {
            return SignInForm(StatusCodes.Status400BadRequest, null, null, Messages.Get("pages.bad_request"));
        }

        var form = await http.Request.ReadFormAsync(ct);
        var email = form["email"].FirstOrDefault() ?? string.Empty;
        var password = form["password"].FirstOrDefault() ?? string.Empty;
        var returnUrl = LocalReturnUrl(form["returnUrl"].FirstOrDefault());
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || email.Length > 254 || password.Length > 256)
        {
            return SignInForm(StatusCodes.Status400BadRequest, email, returnUrl, Messages.Get("auth.invalid_credentials"));
        }

        var outcome = await sender.Send(new SignInCommand(email, password, http.Connection.RemoteIpAddress?.ToString()), ct);
        if (outcome.Error is { } error)
        {
            var status = error.Kind switch
            {
                DomainErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                DomainErrorKind.Locked => StatusCodes.Status423Locked,
                _ => StatusCodes.Status401Unauthorized,
            };
            return SignInForm(status, email, returnUrl, Messages.Get(error.Code, error.Arguments.ToArray()));
        }

        var tokens = outcome.Value!;
        http.Response.Cookies.Append(Cookie, tokens.AccessToken, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = Prefix,
            // Outside Development the cookie only travels over HTTPS (behind a TLS-terminating proxy too).
            Secure = http.Request.IsHttps || !http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment(),
            // A session cookie: the token inside expires by itself and is checked on every request.
        });
        return returnUrl is null
            ? Message(StatusCodes.Status200OK, Messages.Get("pages.sign_in.title"), Messages.Get("pages.sign_in.done"), null)
            : Results.Redirect(returnUrl, permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> ShowTicket(int id, HttpContext http, ISender sender, CancellationToken ct)
    {
        Private(http.Response);
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return Results.Redirect($"{SignInPath}?returnUrl={Uri.EscapeDataString($"{Prefix}/tickets/{id.ToString(CultureInfo.InvariantCulture)}")}");
        }

        TicketDetails ticket;
        try
        {
            ticket = await sender.Send(new GetTicketQuery(id), ct);
        }
        catch (DomainException refused) when (refused.Kind is DomainErrorKind.NotFound or DomainErrorKind.Forbidden)
        {
            return Message(StatusCodes.Status404NotFound, Messages.Get("pages.ticket.not_found.title"), Messages.Get("pages.ticket.not_found"), null);
        }

        var items = ticket.Timeline.Select(item => HtmlTemplates.Render("BuiltInPages/Pages/TimelineItem.html", new Dictionary<string, string>
        {
            ["what"] = Messages.Has($"pages.timeline.{item.Kind}") ? Messages.Get($"pages.timeline.{item.Kind}") : item.Kind,
            ["who"] = item.Actor?.Name is { Length: > 0 } name ? name : Messages.Get("pages.ticket.system"),
            ["iso"] = item.At.ToString("O", CultureInfo.InvariantCulture),
            ["when"] = LocalTime(item.At),
            ["text"] = item.Content ?? (item.ToStatus is { } to ? Messages.Get($"notifications.status.{to}") : string.Empty),
        }));
        var body = HtmlTemplates.Render("BuiltInPages/Pages/Ticket.html", new Dictionary<string, string>
        {
            ["statusLabel"] = Messages.Get("pages.ticket.status"),
            ["status"] = Messages.Get($"notifications.status.{ticket.Status}"),
            ["typeLabel"] = Messages.Get("pages.ticket.type"),
            ["type"] = Messages.Get($"pages.type.{ticket.Type}"),
            ["createdLabel"] = Messages.Get("pages.ticket.created"),
            ["created"] = LocalTime(ticket.CreatedAt),
            ["technicianLabel"] = Messages.Get("pages.ticket.technician"),
            ["technician"] = ticket.AssignedTechnician?.Name ?? Messages.Get("pages.ticket.unassigned"),
            ["descriptionLabel"] = Messages.Get("pages.ticket.description"),
            ["description"] = ticket.Description,
            ["timelineLabel"] = Messages.Get("pages.ticket.timeline"),
            ["timeline"] = string.Join('\n', items),
        });
        return Layout(StatusCodes.Status200OK, Messages.Get("pages.ticket.title", ticket.Id, ticket.Title), body);
    }

    private static IResult SetPasswordForm(int status, string email, string token, string? error) =>
        Layout(status, Messages.Get("pages.set_password.title"), HtmlTemplates.Render("BuiltInPages/Pages/SetPasswordForm.html", new Dictionary<string, string>
        {
            ["intro"] = Messages.Get("pages.set_password.intro"),
            ["error"] = Alert(error),
            ["action"] = SetPasswordPath,
            ["email"] = email,
            ["token"] = token,
            ["accountLabel"] = Messages.Get("pages.set_password.account"),
            ["passwordLabel"] = Messages.Get("pages.set_password.password"),
            ["passwordHint"] = Messages.Get("pages.set_password.hint"),
            ["confirmLabel"] = Messages.Get("pages.set_password.confirm"),
            ["button"] = Messages.Get("pages.set_password.button"),
        }));

    private static IResult SignInForm(int status, string? email, string? returnUrl, string? error) =>
        Layout(status, Messages.Get("pages.sign_in.title"), HtmlTemplates.Render("BuiltInPages/Pages/SignInForm.html", new Dictionary<string, string>
        {
            ["intro"] = Messages.Get("pages.sign_in.intro"),
            ["error"] = Alert(error),
            ["action"] = SignInPath,
            ["returnUrl"] = returnUrl ?? string.Empty,
            ["emailLabel"] = Messages.Get("pages.sign_in.email"),
            ["email"] = email ?? string.Empty,
            ["passwordLabel"] = Messages.Get("pages.sign_in.password"),
            ["button"] = Messages.Get("pages.sign_in.button"),
        }));

    private static IResult Message(int status, string title, string message, (string Text, string Href)? link) =>
        Layout(status, title, HtmlTemplates.Render("BuiltInPages/Pages/Message.html", new Dictionary<string, string>
        {
            ["message"] = message,
            ["link"] = link is { } l ? HtmlTemplates.Render("BuiltInPages/Pages/Link.html", new Dictionary<string, string> { ["href"] = l.Href, ["text"] = l.Text }) : string.Empty,
        }));

    private static IResult Layout(int status, string title, string body) =>
        HtmlTemplates.Page(status, "BuiltInPages/Pages/Layout.html", new Dictionary<string, string>
        {
            ["language"] = Messages.IsEnglish(CultureInfo.CurrentUICulture) ? "en" : "es",
            ["title"] = title,
            ["site"] = Messages.Get("pages.site"),
            ["body"] = body,
        });

    private static string Alert(string? error) =>
        error is null ? string.Empty : HtmlTemplates.Render("Common/Pages/Alert.html", new Dictionary<string, string> { ["message"] = error });

    /// <summary>Only a page of this service under /pages is a place to return to (never another site).</summary>
    private static string? LocalReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 and < 200 }
        && returnUrl.StartsWith(Prefix + "/", StringComparison.Ordinal)
        && !returnUrl.Contains("//", StringComparison.Ordinal)
        && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? returnUrl
            : null;

    /// <summary>Pages with a token or a person's data are never cached nor sent on as a referrer.</summary>
    private static void Private(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Robots-Tag"] = "noindex, nofollow";
    }

    /// <summary>
    /// A POST from a page of another site is refused. Browsers say where a form came from in Sec-Fetch-Site (our
    /// pages send no referrer, so their Origin is "null"); without it, the Origin (or Referer) must be ours.
    /// </summary>
    private static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].FirstOrDefault();
        if (!string.IsNullOrEmpty(site))
        {
            return site is "same-origin" or "none";
        }

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

    private static readonly TimeZoneInfo Bogota = FindBogota();

    private static TimeZoneInfo FindBogota()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/Bogota");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("America/Bogota", TimeSpan.FromHours(-5), "Colombia", "Colombia");
        }
    }

    private static string LocalTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Bogota).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>The set-password page's form fields (documentation only).</summary>
public sealed record SetPasswordForm(string Email, string Token, string NewPassword, string ConfirmPassword);

/// <summary>The built-in sign-in page's form fields (documentation only).</summary>
public sealed record PageSignInForm(string Email, string Password, string? ReturnUrl);
