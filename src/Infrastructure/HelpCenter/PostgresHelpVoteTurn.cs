using MesaServicios.Application.HelpCenter;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.HelpCenter;

/// <summary>
/// The article's row locked until the vote's transaction ends: the next vote waits, then reads (read committed) the
/// counters and the vote the previous one saved. <c>FOR NO KEY UPDATE</c> leaves the foreign-key checks of rows that
/// point at the article (revisions, votes) free.
/// </summary>
internal sealed class PostgresHelpVoteTurn(MesaDbContext context) : IHelpVoteTurn
{
    public async Task TakeAsync(int articleId, CancellationToken cancellationToken) =>
        await context.Database.ExecuteSqlAsync($"""SELECT 1 FROM "HelpArticles" WHERE "Id" = {articleId} FOR NO KEY UPDATE""", cancellationToken);
}
