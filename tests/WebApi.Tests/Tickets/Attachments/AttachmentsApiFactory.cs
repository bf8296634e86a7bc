using System.Globalization;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets.Attachments;

/// <summary>The real host with small attachment limits, so the limits can be crossed cheaply through the ticket endpoints.</summary>
public sealed class AttachmentsApiFactory : MesaApiFactory
{
    public const int MaxFileBytes = 4096;
    public const int MaxFiles = 10;
    public const int MaxFormFieldsBytes = 8192;

    /// <summary>The largest body an upload may have: every file at its largest plus the form fields.</summary>
    public const int MaxRequestBytes = (MaxFileBytes * MaxFiles) + MaxFormFieldsBytes;

    public AttachmentsApiFactory()
    {
        With("Tickets:Attachments:MaxFileBytes", MaxFileBytes.ToString(CultureInfo.InvariantCulture));
        With("Tickets:Attachments:MaxFilesPerRequest", MaxFiles.ToString(CultureInfo.InvariantCulture));
        With("Tickets:Attachments:MaxFormFieldsBytes", MaxFormFieldsBytes.ToString(CultureInfo.InvariantCulture));
    }

    public string StoredPath(string sha256) => Path.Combine(DataDirectory, "attachments", sha256[..2], sha256[2..4], sha256);
}
