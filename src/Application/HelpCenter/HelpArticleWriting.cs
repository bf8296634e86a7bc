using MesaServicios.Application.Common;
using MesaServicios.Domain.HelpCenter;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.HelpCenter;

/// <summary>Turns an author's input into the domain's draft (rendering the Markdown), and keeps the search index in step.</summary>
internal sealed class HelpArticleWriting(IHelpCenterDbContext db, IMarkdownRenderer renderer, IHelpSearchIndex index)
{
    public HelpArticleDraft Draft(IHelpArticleInput input, string slug)
    {
        var kind = Enum.Parse<HelpArticleKind>(input.Kind!, ignoreCase: true);
        var spanish = Text(input.TitleEs!, input.BodyEs!);
        var english = string.IsNullOrWhiteSpace(input.TitleEn) ? null : Text(input.TitleEn, input.BodyEn!);
        var video = kind == HelpArticleKind.VideoTutorial
            ? new HelpVideo(input.VideoUrl!.Trim(), input.VideoDurationSeconds ?? 0, string.IsNullOrWhiteSpace(input.Transcript) ? null : input.Transcript.Trim())
            : null;
        return new HelpArticleDraft(
            slug,
            kind,
            Enum.Parse<HelpCategory>(input.Category!, ignoreCase: true),
            input.Tags ?? [],
            input.Order,
            spanish,
            english,
            video);
    }

    public HelpText Text(string title, string markdown)
    {
        var rendered = renderer.Render(markdown);
        return new HelpText(title.Trim(), markdown, rendered.Html, rendered.PlainText);
    }

    /// <summary>The slug asked for (409 if another article has it), or one made from the title, numbered if taken.</summary>
    public async Task<string> SlugAsync(string? requested, string title, int? articleId, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(requested))
        {
            if (await db.HelpArticles.AnyAsync(a => a.Slug == requested && a.Id != articleId, cancellationToken))
            {
                throw Errors.Conflict("help.slug_taken");
            }

            return requested;
        }

        var baseSlug = HelpSlugs.From(title);
        var slug = baseSlug;
        for (var n = 2; await db.HelpArticles.AnyAsync(a => a.Slug == slug && a.Id != articleId, cancellationToken); n++)
        {
            slug = $"{baseSlug}-{n}";
        }

        return slug;
    }

    /// <summary>Saves the article (to know its id) and writes its search entry in the same transaction.</summary>
    public async Task SaveAndIndexAsync(HelpArticle article, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await index.IndexAsync(HelpArticleViews.SearchDocument(article), cancellationToken);
    }

    public async Task<HelpArticle> LoadAsync(int id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var article = await db.HelpArticles.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw Errors.NotFound("help.not_found", id);
        if (expectedVersion is { } expected && expected != article.Version)
        {
            throw new ConcurrencyConflictException(preconditionFailed: true);
        }

        return article;
    }
}
