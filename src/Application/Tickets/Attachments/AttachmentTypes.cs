using System.Collections.Frozen;

namespace MesaServicios.Application.Tickets.Attachments;

/// <summary>How the content of a type is recognised from its first bytes.</summary>
internal enum ContentSignature
{
    /// <summary>No signature known (an extension added by configuration): only the executable checks apply.</summary>
    None,
    Pdf,
    Png,
    Jpeg,
    Gif,
    Webp,
    Bmp,
    Text,
    Eml,
    Zip,
    OfficeOpenXml,
    OpenDocument,
    CompoundFile,
    Mp4,
}

/// <summary>An attachment type the desk knows: its canonical content type and how its content is recognised.</summary>
/// <param name="Marker">For Office Open XML the main part's folder (e.g. <c>word/</c>); for OpenDocument the <c>mimetype</c> entry's content.</param>
internal sealed record AttachmentType(string Extension, string ContentType, ContentSignature Signature, string? Marker = null);

/// <summary>The types the desk accepts by default, and the extensions it always refuses.</summary>
public static class AttachmentTypes
{
    public const string OctetStream = "application/octet-stream";

    internal static readonly FrozenDictionary<string, AttachmentType> Known = new AttachmentType[]
    {
        new("pdf", "application/pdf", ContentSignature.Pdf),
        new("png", "image/png", ContentSignature.Png),
        new("jpg", "image/jpeg", ContentSignature.Jpeg),
        new("jpeg", "image/jpeg", ContentSignature.Jpeg),
        new("gif", "image/gif", ContentSignature.Gif),
        new("webp", "image/webp", ContentSignature.Webp),
        new("bmp", "image/bmp", ContentSignature.Bmp),
        new("txt", "text/plain", ContentSignature.Text),
        new("log", "text/plain", ContentSignature.Text),
        new("csv", "text/csv", ContentSignature.Text),
        new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ContentSignature.OfficeOpenXml, "word/"),
        new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ContentSignature.OfficeOpenXml, "xl/"),
        new("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", ContentSignature.OfficeOpenXml, "ppt/"),
        new("odt", "application/vnd.oasis.opendocument.text", ContentSignature.OpenDocument, "application/vnd.oasis.opendocument.text"),
        new("ods", "application/vnd.oasis.opendocument.spreadsheet", ContentSignature.OpenDocument, "application/vnd.oasis.opendocument.spreadsheet"),
        new("odp", "application/vnd.oasis.opendocument.presentation", ContentSignature.OpenDocument, "application/vnd.oasis.opendocument.presentation"),
        new("doc", "application/msword", ContentSignature.CompoundFile),
        new("xls", "application/vnd.ms-excel", ContentSignature.CompoundFile),
        new("ppt", "application/vnd.ms-powerpoint", ContentSignature.CompoundFile),
        new("zip", "application/zip", ContentSignature.Zip),
        new("eml", "message/rfc822", ContentSignature.Eml),
        new("mp4", "video/mp4", ContentSignature.Mp4),
    }.ToFrozenDictionary(t => t.Extension, StringComparer.OrdinalIgnoreCase);

    /// <summary>Accepted when <see cref="AttachmentOptions.AllowedExtensions"/> is not configured.</summary>
    public static IReadOnlyList<string> DefaultExtensions { get; } =
        ["pdf", "png", "jpg", "jpeg", "gif", "webp", "bmp", "txt", "log", "csv", "docx", "xlsx", "pptx", "odt", "ods", "odp", "doc", "xls", "ppt", "zip", "eml", "mp4"];

    /// <summary>Programs, installers and scripts: refused wherever they appear in a name, whatever the configuration says.</summary>
    public static IReadOnlySet<string> DangerousExtensions { get; } = new[]
    {
        "exe", "dll", "com", "scr", "pif", "cpl", "sys", "drv", "ocx", "msi", "msp", "mst", "msix", "appx", "appxbundle",
        "bat", "cmd", "ps1", "psm1", "psd1", "ps1xml", "psc1", "vbs", "vbe", "vb", "js", "jse", "mjs", "wsf", "wsh", "wsc", "hta",
        "sh", "bash", "zsh", "csh", "ksh", "command", "run", "elf", "app", "dmg", "pkg", "deb", "rpm",
        "jar", "class", "dex", "apk", "xapk", "lnk", "url", "scf", "reg", "inf", "gadget", "msc", "application", "xbap",
        "iso", "img", "vhd", "vhdx", "docm", "xlsm", "pptm", "dotm", "xltm", "potm", "ppsm", "sldm", "xlam", "ppam",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Declared content types that announce a program or script.</summary>
    internal static FrozenSet<string> DangerousContentTypes { get; } = new[]
    {
        "application/x-msdownload", "application/x-msdos-program", "application/x-dosexec", "application/x-executable",
        "application/vnd.microsoft.portable-executable", "application/x-msi", "application/x-ms-installer",
        "application/x-sh", "application/x-shellscript", "application/x-bat", "application/x-csh",
        "application/javascript", "text/javascript", "application/x-javascript", "application/x-powershell",
        "application/java-archive", "application/x-java-archive", "application/vnd.android.package-archive",
        "application/x-mach-binary", "application/x-elf", "application/hta", "text/vbscript", "application/x-vbscript",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
