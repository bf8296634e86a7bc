using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.HelpCenter.Search;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.HelpCenter.SearchHelpArticles;

/// <summary>
/// Full-text search, in any case and with or without accents ("contrasena" finds "Olvidé mi contraseña"), singular or
/// plural, best first, each result with a snippet where the words it matched are marked. Published articles only,
/// unless a technician or administrator asks for drafts too.
/// </summary>
public sealed record SearchHelpArticlesQuery(string? Q, int Limit = 10, bool IncludeDrafts = false) : IQuery<IReadOnlyList<HelpSearchResult>>;

/// <summary>An article found: its summary, a relevance score and an HTML-escaped snippet with <c>&lt;mark&gt;</c> around the matching words.</summary>
public sealed record HelpSearchResult(HelpArticleSummary Article, double Score, string Snippet);

internal sealed class SearchHelpArticlesValidator : AbstractValidator<SearchHelpArticlesQuery>
{
    public SearchHelpArticlesValidator()
    {
        RuleFor(q => q.Q).Must(q => q is not null && q.Trim().Length is >= 2 and <= 200).WithMessage(_ => Messages.Get("help.query_required"));
        RuleFor(q => q.Limit).InclusiveBetween(1, 50).WithMessage(_ => Messages.Get("help.limit_invalid"));
    }
}

internal sealed class SearchHelpArticlesHandler(HelpArticleFinder finder, ICurrentUser currentUser) : IQueryHandler<SearchHelpArticlesQuery, IReadOnlyList<HelpSearchResult>>
{
    public async ValueTask<IReadOnlyList<HelpSearchResult>> Handle(SearchHelpArticlesQuery query, CancellationToken cancellationToken) =>
        await finder.FindAsync(query.Q!, !(query.IncludeDrafts && currentUser.IsAtLeast(UserRole.Technician)), query.Limit, cancellationToken);
}

/// <summary>Search shared by the search box and the suggestions: the index ranks, the articles give the snippets.</summary>
internal sealed class HelpArticleFinder(IHelpCenterDbContext db, IHelpSearchIndex index, ICurrentUser currentUser)
{
    public async Task<IReadOnlyList<HelpSearchResult>> FindAsync(string text, bool publishedOnly, int limit, CancellationToken cancellationToken)
    {
        var terms = HelpTextAnalyzer.QueryTerms(text);
        if (terms.Count == 0)
        {
            return [];
        }

        var hits = await index.SearchAsync(terms, publishedOnly, limit, cancellationToken);
        if (hits.Count == 0)
        {
            return [];
        }

        var ids = hits.Select(h => h.ArticleId).ToList();
        var articles = await db.HelpArticles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var termSet = terms.ToHashSet(StringComparer.Ordinal);
        var results = new List<HelpSearchResult>(hits.Count);
        foreach (var hit in hits)
        {
            if (!articles.TryGetValue(hit.ArticleId, out var article) || (publishedOnly && !article.IsPublished))
            {
                continue;
            }

            var english = HelpArticleViews.WantsEnglish(currentUser.Language, article);
            var body = english ? article.BodyTextEn! : article.BodyTextEs;
            results.Add(new HelpSearchResult(HelpArticleViews.Summary(article, currentUser.Language), Math.Round(hit.Score, 4), HelpTextAnalyzer.Snippet(body, termSet)));
        }

        return results;
    }
}
