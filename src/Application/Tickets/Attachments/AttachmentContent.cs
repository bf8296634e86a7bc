using MesaServicios.Application.Common;
using MesaServicios.Domain.Tickets.Attachments;

namespace MesaServicios.Application.Tickets.Attachments;

/// <summary>An attachment ready to be downloaded: what the response needs, and its bytes (the caller disposes <see cref="Content"/>).</summary>
public sealed record AttachmentContent(string FileName, string ContentType, long SizeBytes, string Sha256, Stream Content) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

public static class AttachmentExtensions
{
    /// <summary>The metadata row for a stored file, uploaded by <paramref name="uploadedBy"/> at <paramref name="now"/>.</summary>
    public static AttachmentMetadata ToMetadata(this StoredAttachment stored, Guid? uploadedBy, DateTimeOffset now) =>
        AttachmentMetadata.Create(stored.Sha256, stored.FileName, stored.ContentType, stored.SizeBytes, uploadedBy, now);

    /// <summary>Opens an attachment's bytes for download; <c>attachments.not_found</c> (404) when the file is gone from the store.</summary>
    public static Task<AttachmentContent> OpenAsync(this IFileStore store, AttachmentMetadata attachment, CancellationToken cancellationToken = default) =>
        store.OpenAsync(attachment.Sha256, attachment.FileName, attachment.ContentType, attachment.SizeBytes, cancellationToken);

    /// <summary>
    /// Opens the stored file <paramref name="sha256"/> for download under the given name and type (for any entity
    /// that keeps those four values); <c>attachments.not_found</c> (404) when the file is gone from the store.
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
