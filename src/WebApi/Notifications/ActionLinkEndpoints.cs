using System.Globalization;
using System.Text;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Notifications.Contracts;
using MesaServicios.Application.Notifications.Links;
using MesaServicios.Domain.Common;
using MesaServicios.Domain.Notifications;
using MesaServicios.WebApi.Common;

namespace MesaServicios.WebApi.Notifications;

/// <summary>
/// The signed links of e-mails (approve / reject a solution) that act without signing in. GET only shows a
/// confirmation page — mail scanners that prefetch links change nothing — and POST performs the action once.
/// </summary>
internal static class ActionLinkEndpoints
{
    private const string Route = "/api/v1/notifications/links/{token}";

    public static IEndpointRouteBuilder MapActionLinkEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).WithTags("Notification links").AllowAnonymous();

        group.MapGet(Route, async (string token, HttpResponse response, ISender sender, CancellationToken ct) =>
            {
                Private(response);
                return Page(token, await sender.Send(new DescribeActionLinkQuery(token), ct));
            })
            .WithSummary("Confirmation page (HTML, in the recipient's language) of a signed e-mail link; does nothing by itself.")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .Produces<string>(StatusCodes.Status404NotFound, "text/html")
            .Produces<string>(StatusCodes.Status409Conflict, "text/html")
            .Produces<string>(StatusCodes.Status410Gone, "text/html");

        group.MapPost(Route, async (string token, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                Private(request.HttpContext.Response);
                var text = request.HasFormContentType ? (await request.ReadFormAsync(ct))["text"].ToString() : null;
                try
                {
                    return Page(token, await sender.Send(new UseActionLinkCommand(token, text), ct));
                }
                catch (DomainException refused)
                {
                    var view = await sender.Send(new DescribeActionLinkQuery(token), ct);
                    var culture = EmailLayout.Culture(view.Language);
                    var status = refused.Kind switch
                    {
                        DomainErrorKind.NotFound => StatusCodes.Status404NotFound,
                        DomainErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                        DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
                        _ => StatusCodes.Status422UnprocessableEntity,
                    };
                    return Html(status, culture, Messages.Get("notifications.link.refused", culture, Messages.Get(refused.Code, culture, refused.Arguments.ToArray())));
                }
                catch (ConcurrencyConflictException)
                {
                    return Page(token, await sender.Send(new DescribeActionLinkQuery(token), ct));
                }
            })
            .WithSummary("Perform the action of a signed e-mail link (single use; form field \"text\": optional comment, or the required reason of a rejection).")
            .Accepts<IFormCollection>("application/x-www-form-urlencoded")
            .DisableAntiforgery()
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .Produces<string>(StatusCodes.Status400BadRequest, "text/html")
            .Produces<string>(StatusCodes.Status404NotFound, "text/html")
            .Produces<string>(StatusCodes.Status409Conflict, "text/html")
            .Produces<string>(StatusCodes.Status410Gone, "text/html");

        return app;
    }

    /// <summary>The token in the address is a credential: never cached, never sent on as a referrer, never indexed.</summary>
    private static void Private(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["X-Robots-Tag"] = "noindex, nofollow";
    }

    private static IResult Page(string token, ActionLinkView view)
    {
        var culture = EmailLayout.Culture(view.Language);
        var ticket = view.TicketId ?? 0;
        return view.State switch
        {
            ActionLinkState.Invalid => Html(StatusCodes.Status404NotFound, culture, Messages.Get("notifications.link.invalid", culture)),
            ActionLinkState.Used => Html(StatusCodes.Status409Conflict, culture, Messages.Get("notifications.link.used", culture)),
            ActionLinkState.Expired => Html(StatusCodes.Status410Gone, culture, Messages.Get("notifications.link.expired", culture)),
            ActionLinkState.Done => Html(StatusCodes.Status200OK, culture, Messages.Get(
                view.Kind == ActionLinkKind.ApproveSolution ? "notifications.link.approved" : "notifications.link.rejected", culture, ticket)),
            ActionLinkState.ReasonRequired => Form(StatusCodes.Status400BadRequest, token, view, culture, Messages.Get("notifications.reason_required", culture)),
            _ => Form(StatusCodes.Status200OK, token, view, culture, null),
        };
    }

    private static IResult Form(int status, string token, ActionLinkView view, CultureInfo culture, string? error)
    {
        var approve = view.Kind == ActionLinkKind.ApproveSolution;
        var body = HtmlTemplates.Render("Notifications/Pages/ActionLinkForm.html", new Dictionary<string, string>
        {
            ["question"] = Messages.Get(approve ? "notifications.link.approve.question" : "notifications.link.reject.question", culture, view.TicketId ?? 0),
            ["error"] = error is null ? string.Empty : HtmlTemplates.Render("Common/Pages/Alert.html", new Dictionary<string, string> { ["message"] = error }),
            ["action"] = "/api/v1/notifications/links/" + Uri.EscapeDataString(token),
            ["placeholder"] = Messages.Get(approve ? "notifications.link.comment_placeholder" : "notifications.link.reason_placeholder", culture),
            ["required"] = approve ? string.Empty : " required",
            ["button"] = Messages.Get(approve ? "notifications.link.confirm_approve" : "notifications.link.confirm_reject", culture),
        });
        return Document(status, culture, body);
    }

    private static IResult Html(int status, CultureInfo culture, string message) =>
        Document(status, culture, HtmlTemplates.Render("Notifications/Pages/ActionLinkMessage.html", new Dictionary<string, string> { ["message"] = message }));

    private static IResult Document(int status, CultureInfo culture, string body) =>
        HtmlTemplates.Page(status, "Notifications/Pages/ActionLinkPage.html", new Dictionary<string, string>
        {
            ["language"] = culture.TwoLetterISOLanguageName,
            ["title"] = Messages.Get("notifications.link.page_title", culture),
            ["body"] = body,
        });
}
