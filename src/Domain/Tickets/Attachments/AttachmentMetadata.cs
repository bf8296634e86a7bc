using MesaServicios.Domain.Common;

namespace MesaServicios.Domain.Tickets.Attachments;

/// <summary>
/// What the desk knows of one attached file: its name as shown to people, its checked content type, its size
/// and the SHA-256 that names its content in the file store. Several attachments may share one stored file
/// (same content sent twice); a ticket or follow-up refers to an attachment by <see cref="Id"/>.
/// </summary>
public sealed class AttachmentMetadata
{
    public const int FileNameMaxLength = 255;
    public const int ContentTypeMaxLength = 127;
    public const int Sha256Length = 64;

    private AttachmentMetadata()
    {
        Sha256 = string.Empty;
        FileName = string.Empty;
        ContentType = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>Lowercase hexadecimal SHA-256 of the content: the key of the file in the store.</summary>
    public string Sha256 { get; private set; }

    /// <summary>The sanitised file name, used in the download's Content-Disposition.</summary>
    public string FileName { get; private set; }

    /// <summary>The canonical content type decided by the attachment policy (never the one the client declared).</summary>
    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>Who sent the file; null when the system stored it for nobody in particular.</summary>
    public Guid? UploadedBy { get; private set; }

    public static AttachmentMetadata Create(
        string sha256,
        string fileName,
        string contentType,
        long sizeBytes,
        Guid? uploadedBy,
        DateTimeOffset now)
    {
        if (sha256 is null || sha256.Length != Sha256Length || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new DomainException("attachments.invalid_hash");
        }

        if (sizeBytes <= 0)
        {
            throw new DomainException("attachments.empty", DomainErrorKind.RuleBroken, fileName);
        }

        var name = Guard.NotBlank(fileName, "attachments.name_required");
        var type = Guard.NotBlank(contentType, "attachments.content_type_required");
        return new AttachmentMetadata
        {
            Id = Guid.CreateVersion7(now),
            Sha256 = sha256,
            FileName = name.Length > FileNameMaxLength ? name[..FileNameMaxLength] : name,
            ContentType = type.Length > ContentTypeMaxLength ? type[..ContentTypeMaxLength] : type,
            SizeBytes = sizeBytes,
            UploadedAt = now,
            UploadedBy = uploadedBy,
        };
    }
}
