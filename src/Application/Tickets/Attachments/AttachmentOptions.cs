namespace MesaServicios.Application.Tickets.Attachments;

/// <summary>Limits and allowed types of attachments, section <c>Tickets:Attachments</c>.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Tickets:Attachments";

    /// <summary>Largest file accepted, in bytes (default 10 MB).</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Most files accepted in one request or one e-mail (default 10).</summary>
    public int MaxFilesPerRequest { get; set; } = 10;

    /// <summary>
    /// Extensions accepted, without the dot (e.g. "pdf"). Empty means <see cref="AttachmentTypes.DefaultExtensions"/>.
    /// An extension the policy has no content signature for is accepted after the executable checks, as
    /// <c>application/octet-stream</c>; executables and scripts are refused even when listed here.
    /// </summary>
    public string[] AllowedExtensions { get; set; } = [];

    /// <summary>Where the disk store keeps the files, relative to the data directory (default <c>attachments</c>).</summary>
    public string Directory { get; set; } = "attachments";

    /// <summary>The bytes a form may carry besides its files (text fields, multipart framing), in bytes.</summary>
    public long MaxFormFieldsBytes { get; set; } = 1024 * 1024;

    /// <summary>The whole body an upload request may have: every file at its largest plus the form fields.</summary>
    public long MaxRequestBytes => checked((MaxFileBytes * MaxFilesPerRequest) + MaxFormFieldsBytes);

    public IReadOnlyCollection<string> EffectiveExtensions =>
        AllowedExtensions is { Length: > 0 }
            ? AllowedExtensions.Select(e => e.Trim().TrimStart('.').ToLowerInvariant()).Where(e => e.Length > 0).Distinct().ToArray()
            : AttachmentTypes.DefaultExtensions;
}
