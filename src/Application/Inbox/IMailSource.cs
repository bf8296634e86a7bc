namespace MesaServicios.Application.Inbox;

/// <summary>One message as the source holds it: a reference (IMAP UID, file name) and the raw bytes.</summary>
public sealed record SourceMessage(string Ref, byte[] Raw);

/// <summary>
/// Port: where inbound mail waits (an IMAP folder, a drop folder). Messages stay in the source until
/// <see cref="CompleteAsync"/> moves them, which the ingestion calls only after the database commit.
/// </summary>
public interface IMailSource : IAsyncDisposable
{
    /// <summary>Names the mailbox; Message-IDs are unique per mailbox.</summary>
    string Mailbox { get; }

    Task OpenAsync(CancellationToken cancellationToken);

    /// <summary>The references of every message waiting, oldest first.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The raw messages of a batch, in one round trip where the source allows it.</summary>
    Task<IReadOnlyList<SourceMessage>> FetchAsync(IReadOnlyList<string> refs, CancellationToken cancellationToken);

    /// <summary>Flags and moves the messages out of the way: to the processed or the rejected folder.</summary>
    Task CompleteAsync(IReadOnlyList<string> processed, IReadOnlyList<string> rejected, CancellationToken cancellationToken);
}

public interface IMailSourceFactory
{
    IMailSource Create();
}
