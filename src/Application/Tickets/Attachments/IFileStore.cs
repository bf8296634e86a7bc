namespace MesaServicios.Application.Tickets.Attachments;

/// <summary>
/// Content-addressed storage of attachment bytes: a file is named by the SHA-256 of its content, so the same
/// content is stored once and a stored file never changes. Safe when several requests (or nodes sharing the
/// storage) store the same content at the same time.
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Reads <paramref name="content"/> to its end and stores it. If reading fails (including a limit that the
    /// stream itself enforces), nothing is kept and the exception propagates.
    /// </summary>
    Task<StoredFile> StoreAsync(Stream content, CancellationToken cancellationToken = default);

    /// <summary>The stored content for reading, or null when no file has that hash.</summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default);
}

/// <summary>What the store kept: the lowercase hexadecimal SHA-256 of the content and its size.</summary>
public sealed record StoredFile(string Sha256, long SizeBytes);
