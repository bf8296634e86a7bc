using MesaServicios.Application.Common;

namespace MesaServicios.Application.Tickets.Attachments;

/// <summary>An attachment ready to be downloaded: what the response needs, and its bytes (the caller disposes <see cref="Content"/>).</summary>
public sealed record AttachmentContent(string FileName, string ContentType, long SizeBytes, string Sha256, Stream Content) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

public static class AttachmentExtensions
{
    /// <summary>
    /// Opens the stored file <paramref name="sha256"/> for download under the given name and type (a ticket's attachment keeps
    /// those four values); <c>attachments.not_found</c> (404) when the file is gone from the store.
    /// </summary>
    public static async Task<AttachmentContent> OpenAsync(
        this IFileStore store,
        string sha256,
        string fileName,
        string contentType,
        long sizeBytes,
        CancellationToken cancellationToken = default)
    {
        var content = await store.OpenReadAsync(sha256, cancellationToken)
            ?? throw Errors.NotFound("attachments.not_found");
        return new AttachmentContent(fileName, contentType, sizeBytes, sha256, content);
    }
}
