using MesaServicios.Infrastructure.Common.Persistence;

namespace MesaServicios.Infrastructure.Common.DeskMove;

/// <summary>
/// Something a module rebuilds on the PostgreSQL desk after <see cref="DeskMover"/> copied the tables of the model: data
/// outside the model derived from it (a search index). Found by <see cref="DeskMover"/> in this assembly (a class with a
/// parameterless constructor), so a module adds one without touching the mover. Must be safe to run again.
/// </summary>
public interface IDeskMoveStep
{
    /// <summary>What the step rebuilds (for the command's output).</summary>
    string Name { get; }

    Task RunAsync(MesaDbContext target, CancellationToken cancellationToken);
}
