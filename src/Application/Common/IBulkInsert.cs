namespace MesaServicios.Application.Common;

/// <summary>
/// Port: new rows written together with the command's next save, in one INSERT statement per table, inside its
/// transaction (and its write turn). For a fan-out of many similar rows (a notification and an e-mail per recipient):
/// on SQLite one statement costs far less of the single writer's time than one per row. The rows are not tracked:
/// they are not in <c>DbSet.Local</c> (see <see cref="Pending{T}"/>), raise no domain events and must be complete
/// when added (their keys set). A failed command drops them with its other changes.
/// </summary>
public interface IBulkInsert
{
    void Add<T>(T row)
        where T : class;

    /// <summary>The rows of <typeparamref name="T"/> added and not saved yet.</summary>
    IEnumerable<T> Pending<T>()
        where T : class;
}
