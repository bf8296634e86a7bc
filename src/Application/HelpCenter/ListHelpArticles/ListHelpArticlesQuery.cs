using Mediator;
using MesaServicios.Application.Common.Security;
using MesaServicios.Domain.HelpCenter;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.HelpCenter.ListHelpArticles;

/// <summary>
/// The help centre's articles by category and order, optionally of one kind, category or tag. Drafts are listed only
/// for technicians and administrators who ask for them.
/// </summary>
public sealed record ListHelpArticlesQuery(string? Kind, string? Category, string? Tag, bool IncludeDrafts) : IQuery<IReadOnlyList<HelpArticleSummary>>;

internal sealed class ListHelpArticlesHandler(IHelpCenterDbContext db, ICurrentUser currentUser) : IQueryHandler<ListHelpArticlesQuery, IReadOnlyList<HelpArticleSummary>>
{
    public async ValueTask<IReadOnlyList<HelpArticleSummary>> Handle(ListHelpArticlesQuery query, CancellationToken cancellationToken)
    {
        var articles = db.HelpArticles.AsNoTracking();
        if (!(query.IncludeDrafts && currentUser.IsAtLeast(UserRole.Technician)))
        {
            articles = articles.Where(a => a.IsPublished);
        }

        if (Enum.TryParse<HelpArticleKind>(query.Kind, true, out var kind))
        {
            articles = articles.Where(a => a.Kind == kind);
        }

        if (Enum.TryParse<HelpCategory>(query.Category, true, out var category))
        {
            articles = articles.Where(a => a.Category == category);
        }

        var list = await articles.OrderBy(a => a.Category).ThenBy(a => a.Order).ThenBy(a => a.TitleEs).ToListAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            list = list.Where(a => a.Tags.Contains(query.Tag.Trim(), StringComparer.OrdinalIgnoreCase)).ToList();
        }

        return list.Select(a => HelpArticleViews.Summary(a, currentUser.Language)).ToList();
    }
}
