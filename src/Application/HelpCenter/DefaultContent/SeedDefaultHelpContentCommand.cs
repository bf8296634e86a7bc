using Mediator;
using Microsoft.EntityFrameworkCore;
using MesaServicios.Domain.HelpCenter;

namespace MesaServicios.Application.HelpCenter.DefaultContent;

/// <summary>
/// Creates the default articles that do not exist yet (by their key), published. Idempotent: a restart creates
/// nothing, and an article the desk edited, moved or withdrew is never touched again.
/// </summary>
public sealed record SeedDefaultHelpContentCommand : ICommand<int>;

internal sealed class SeedDefaultHelpContentHandler(IHelpCenterDbContext db, HelpArticleWriting writing, TimeProvider clock) : ICommandHandler<SeedDefaultHelpContentCommand, int>
{
    public async ValueTask<int> Handle(SeedDefaultHelpContentCommand command, CancellationToken cancellationToken)
    {
        var existing = await db.HelpArticles.Where(a => a.SeedKey != null).Select(a => a.SeedKey!).ToListAsync(cancellationToken);
        var created = 0;
        foreach (var item in DefaultHelpArticles.All.Where(d => !existing.Contains(d.Key)))
        {
            var now = clock.GetUtcNow();
            var slug = await writing.SlugAsync(null, item.Key, null, cancellationToken);
            var draft = new HelpArticleDraft(slug, HelpArticleKind.Faq, item.Category, item.Tags, item.Order, writing.Text(item.Title, item.Body), null, null);
            var article = HelpArticle.Create(draft, null, now, seedKey: item.Key);
            article.Publish(null, now);
            db.HelpArticles.Add(article);
            await writing.SaveAndIndexAsync(article, cancellationToken);
            created++;
        }

        return created;
    }
}
