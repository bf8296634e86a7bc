namespace MesaServicios.Application.Inbox;

/// <summary>
/// Port: claims a recorded message inside the current transaction before it is applied, so that a concurrent
/// application of the same message waits and then finds it no longer pending.
/// </summary>
public interface IInboxMessageClaim
{
    /// <summary>True when the message exists and is still pending; the claim lasts until the transaction ends.</summary>
    Task<bool> TryClaimPendingAsync(Guid inboxMessageId, CancellationToken cancellationToken);
}
