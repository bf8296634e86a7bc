using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Security;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.HelpCenter.GetHelpArticle;

/// <summary>
/// One article by its slug or id. Published articles for everyone, signed in or not; drafts only for technicians
/// and administrators (anyone else gets 404, as if it did not exist).
/// </summary>
public sealed record GetHelpArticleQuery(string SlugOrId) : IQuery<HelpArticleDetails>;

/// <summary>Counts one reading of a published article.</summary>
public sealed record RecordHelpArticleViewCommand(int Id) : ICommand;

internal sealed class GetHelpArticleHandler(IHelpCenterDbContext db, ICurrentUser currentUser) :
    IQueryHandler<GetHelpArticleQuery, HelpArticleDetails>,
    ICommandHandler<RecordHelpArticleViewCommand>
{
    public async ValueTask<HelpArticleDetails> Handle(GetHelpArticleQuery query, CancellationToken cancellationToken)
    {
        var desk = currentUser.IsAtLeast(UserRole.Technician);
        var key = query.SlugOrId.Trim().ToLowerInvariant();
        var articles = db.HelpArticles.AsNoTracking();
        var article = int.TryParse(key, out var id)
            ? await articles.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            : await articles.FirstOrDefaultAsync(a => a.Slug == key, cancellationToken);
        if (article is null || (!article.IsPublished && !desk))
        {
            throw Errors.NotFound("help.not_found", query.SlugOrId);
        }

        return HelpArticleViews.Details(article, currentUser.Language, desk);
    }

    public async ValueTask<Unit> Handle(RecordHelpArticleViewCommand command, CancellationToken cancellationToken)
    {
        await db.HelpArticles.Where(a => a.Id == command.Id && a.IsPublished)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ViewCount, a => a.ViewCount + 1), cancellationToken);
        return Unit.Value;
    }
}
