namespace MesaServicios.Application.Inbox;

/// <summary>
/// Port: the ingestion lease, so that one run at a time reads the mailbox across every node. A run takes it before
/// each batch (renewing it) and releases it at the end; a lease left by a crashed run expires by itself.
/// </summary>
public interface IIngestionLease
{
    /// <summary>Takes or renews the lease for <paramref name="holder"/> until <paramref name="until"/>; false when another run holds it.</summary>
    Task<bool> TryTakeAsync(Guid holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Gives the lease back if <paramref name="holder"/> still holds it.</summary>
    Task ReleaseAsync(Guid holder);
}
