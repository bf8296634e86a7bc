using System.Globalization;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.HelpCenter;
using MesaServicios.Application.HelpCenter.CreateHelpArticle;
using MesaServicios.Application.HelpCenter.DraftArticleFromTicket;
using MesaServicios.Application.HelpCenter.GetHelpArticle;
using MesaServicios.Application.HelpCenter.ListHelpArticleRevisions;
using MesaServicios.Application.HelpCenter.ListHelpArticles;
using MesaServicios.Application.HelpCenter.PublishHelpArticle;
using MesaServicios.Application.HelpCenter.SearchHelpArticles;
using MesaServicios.Application.HelpCenter.SuggestHelpArticles;
using MesaServicios.Application.HelpCenter.UpdateHelpArticle;
using MesaServicios.Application.HelpCenter.VoteHelpArticle;
using MesaServicios.WebApi.Common;

namespace MesaServicios.WebApi.HelpCenter;

/// <summary>Body of article creation and edit. <c>kind</c>: Faq or VideoTutorial; <c>category</c>: see <c>GET /api/v1/reference</c> (helpCategories); <c>order</c> defaults to 0.</summary>
public sealed record HelpArticleBody(
    string? Slug,
    string? Kind,
    string? Category,
    IReadOnlyList<string>? Tags,
    int? Order,
    string? TitleEs,
    string? BodyEs,
    string? TitleEn,
    string? BodyEn,
    string? VideoUrl,
    int? VideoDurationSeconds,
    string? Transcript);

/// <summary>Body of a vote: was the article helpful?</summary>
public sealed record HelpVoteBody(bool Helpful);

/// <summary>Body of "draft an article from a ticket's solution".</summary>
public sealed record DraftFromTicketBody(int TicketId);

internal static class HelpEndpoints
{
    private const string ArticleExample = """
        Example body: `{ "kind": "Faq", "category": "Account", "tags": ["contraseña"], "order": 5, "titleEs": "¿Cómo cambio mi contraseña?",
        "bodyEs": "Entra a **Mi perfil** y elige *Cambiar contraseña*.", "titleEn": "How do I change my password?",
        "bodyEn": "Open **My profile** and choose *Change password*." }` — a video tutorial adds
        `"kind": "VideoTutorial", "videoUrl": "https://www.youtube.com/watch?v=XXXXXXXXXXX", "videoDurationSeconds": 95, "transcript": "…"`.
        """;

    public static IEndpointRouteBuilder MapHelpEndpoints(this IEndpointRouteBuilder app)
    {
        var help = app.MapGroup("/api/v1/help").WithTags("Help centre");

        help.MapGet("/articles", async (string? kind, string? category, string? tag, bool? includeDrafts, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ListHelpArticlesQuery(kind, category, tag, includeDrafts ?? false), ct)))
            .AllowAnonymous()
            .WithSummary("Published articles (FAQ and video tutorials) by category and order; no sign-in needed. The desk may include drafts.")
            .Produces<IReadOnlyList<HelpArticleSummary>>();

        help.MapGet("/articles/{slugOrId}", async (string slugOrId, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var article = await sender.Send(new GetHelpArticleQuery(slugOrId), ct);
                if (article.IsPublished)
                {
                    await sender.Send(new RecordHelpArticleViewCommand(article.Id), ct);
                }

                http.Response.Headers.ETag = ETag(article.Version);
                return Results.Ok(article);
            })
            .AllowAnonymous()
            .WithSummary("One article by slug or id, its body as sanitised HTML and plain text, in the caller's language (Accept-Language: en) when written. Counts a view. Drafts: desk only (404 for anyone else).")
            .Produces<HelpArticleDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        help.MapGet("/search", async (string? q, int? limit, bool? includeDrafts, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new SearchHelpArticlesQuery(q, limit ?? 10, includeDrafts ?? false), ct)))
            .AllowAnonymous()
            .WithSummary("Full-text search in any case, with or without accents, singular or plural; best first, with a snippet whose matching words are in <mark>.")
            .Produces<IReadOnlyList<HelpSearchResult>>()
            .ProducesValidationProblem();

        help.MapGet("/suggestions", async (string? text, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new SuggestHelpArticlesQuery(text), ct)))
            .AllowAnonymous()
            .WithSummary("While a requester writes a ticket: the published articles that best match its title and description so far.")
            .Produces<IReadOnlyList<HelpSearchResult>>()
            .ProducesValidationProblem();

        help.MapPost("/articles/{id:int}/votes", async (int id, HelpVoteBody body, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new VoteHelpArticleCommand(id, body.Helpful), ct)))
            .AllowAnonymous()
            .WithSummary("\"Was this helpful?\" One vote per signed-in person, or per anonymous client address, and article: voting again changes the vote.")
            .WithDescription("""Example body: `{ "helpful": true }`""")
            .Produces<HelpVoteResult>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var desk = help.MapGroup(string.Empty).RequireAuthorization(Policies.Technician);

        desk.MapPost("/articles", async (HelpArticleBody body, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var article = await sender.Send(new CreateHelpArticleCommand(
                    body.Slug, body.Kind, body.Category, body.Tags, body.Order ?? 0, body.TitleEs, body.BodyEs, body.TitleEn, body.BodyEn,
                    body.VideoUrl, body.VideoDurationSeconds, body.Transcript), ct);
                http.Response.Headers.ETag = ETag(article.Version);
                return Results.Created($"/api/v1/help/articles/{article.Id}", article);
            })
            .WithSummary("Write a new article, as a draft (technicians and administrators). The slug is made from the title when not given.")
            .WithDescription(ArticleExample)
            .Produces<HelpArticleDetails>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        desk.MapPut("/articles/{id:int}", async (int id, HelpArticleBody body, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var article = await sender.Send(new UpdateHelpArticleCommand(
                    id, ExpectedVersion(http.Request), body.Slug, body.Kind, body.Category, body.Tags, body.Order ?? 0, body.TitleEs, body.BodyEs,
                    body.TitleEn, body.BodyEn, body.VideoUrl, body.VideoDurationSeconds, body.Transcript), ct);
                http.Response.Headers.ETag = ETag(article.Version);
                return Results.Ok(article);
            })
            .WithSummary("Edit an article (all its content; kept as a revision). Send If-Match with its ETag to be sure nobody changed it meanwhile (412).")
            .WithDescription(ArticleExample)
            .Produces<HelpArticleDetails>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        desk.MapPost("/articles/{id:int}/publish", async (int id, HttpContext http, ISender sender, CancellationToken ct) =>
                Respond(http, await sender.Send(new PublishHelpArticleCommand(id, ExpectedVersion(http.Request)), ct)))
            .WithSummary("Publish a draft: readable by everyone, without signing in.")
            .WithDescription("No body.")
            .Produces<HelpArticleDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        desk.MapPost("/articles/{id:int}/unpublish", async (int id, HttpContext http, ISender sender, CancellationToken ct) =>
                Respond(http, await sender.Send(new UnpublishHelpArticleCommand(id, ExpectedVersion(http.Request)), ct)))
            .WithSummary("Withdraw a published article: it becomes a draft again.")
            .WithDescription("No body.")
            .Produces<HelpArticleDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        desk.MapGet("/articles/{id:int}/revisions", async (int id, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ListHelpArticleRevisionsQuery(id), ct)))
            .WithSummary("Every change of an article, newest first: who, when, which fields, and the content after it.")
            .Produces<IReadOnlyList<HelpArticleRevisionDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        desk.MapPost("/articles/from-ticket", async (DraftFromTicketBody body, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var article = await sender.Send(new DraftHelpArticleFromTicketCommand(body.TicketId), ct);
                http.Response.Headers.ETag = ETag(article.Version);
                return Results.Created($"/api/v1/help/articles/{article.Id}", article);
            })
            .WithSummary("Draft a FAQ from a solved or closed ticket's problem and solution, with names, e-mail addresses and phone numbers left out.")
            .WithDescription("""Example body: `{ "ticketId": 42 }`""")
            .Produces<HelpArticleDetails>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }

    private static IResult Respond(HttpContext http, HelpArticleDetails article)
    {
        http.Response.Headers.ETag = ETag(article.Version);
        return Results.Ok(article);
    }

    private static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version in If-Match (null without it or with <c>*</c>); an unreadable value never matches (412).</summary>
    private static int? ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return null;
        }

        var value = (header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header).Trim().Trim('"');
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? version
            : throw new ConcurrencyConflictException(preconditionFailed: true);
    }
}
