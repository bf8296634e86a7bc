using MesaServicios.Application.HelpCenter;
using MesaServicios.Infrastructure.Common.Persistence;
using MesaServicios.Infrastructure.Common.DeskMove;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.HelpCenter;

/// <summary>
/// After a desk moved to PostgreSQL: its help search table (outside the model, SQLite's FTS5 is not copied) is rebuilt
/// from the copied articles, exactly as saving each article would have written it.
/// </summary>
internal sealed class HelpSearchAfterDeskMove : IDeskMoveStep
{
    public string Name => "help search index";

    public async Task RunAsync(MesaDbContext target, CancellationToken cancellationToken)
    {
        var index = new PostgresHelpSearchIndex(target);
        var articles = await target.HelpArticles.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var article in articles)
        {
            await index.IndexAsync(HelpArticleViews.SearchDocument(article), cancellationToken);
        }
    }
}
