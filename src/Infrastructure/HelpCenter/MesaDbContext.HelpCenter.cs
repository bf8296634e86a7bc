using MesaServicios.Application.HelpCenter;
using MesaServicios.Domain.HelpCenter;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Common.Persistence;

public sealed partial class MesaDbContext : IHelpCenterDbContext
{
    public DbSet<HelpArticle> HelpArticles => Set<HelpArticle>();

    public DbSet<HelpArticleRevision> HelpArticleRevisions => Set<HelpArticleRevision>();

    public DbSet<HelpVote> HelpVotes => Set<HelpVote>();
}
