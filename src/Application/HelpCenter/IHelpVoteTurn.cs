namespace MesaServicios.Application.HelpCenter;

/// <summary>
/// Port: the votes of one article take turns until the current transaction ends, before the vote command reads the
/// article's counters and the voter's earlier vote. Without it, on PostgreSQL two votes at the same time read the same
/// counters (one of them lost) or both insert the same voter's first vote (a unique-index failure). SQLite: nothing to
/// do, the write turn already orders all writers (ADR 0010).
/// </summary>
public interface IHelpVoteTurn
{
    Task TakeAsync(int articleId, CancellationToken cancellationToken);
}
