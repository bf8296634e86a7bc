using MesaServicios.Domain.HelpCenter;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.HelpCenter;

/// <summary>The help centre's tables. Only HelpCenter handlers see them.</summary>
public interface IHelpCenterDbContext
{
    DbSet<HelpArticle> HelpArticles { get; }

    DbSet<HelpArticleRevision> HelpArticleRevisions { get; }

    DbSet<HelpVote> HelpVotes { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
