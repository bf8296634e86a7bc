using MesaServicios.Application.HelpCenter;

namespace MesaServicios.Infrastructure.HelpCenter;

/// <summary>The vote command already runs in the single write turn (ADR 0010).</summary>
internal sealed class SqliteHelpVoteTurn : IHelpVoteTurn
{
    public Task TakeAsync(int articleId, CancellationToken cancellationToken) => Task.CompletedTask;
}
