using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Tickets.Attachments;

/// <summary>The verdict on one file: accepted with the canonical content type, or refused with a code.</summary>
public sealed record AttachmentDecision(string FileName, string? ContentType, string? RefusalCode, bool RequiresTextContent)
{
    public bool Accepted => RefusalCode is null;

    internal static AttachmentDecision Accept(string fileName, string contentType, bool requiresText) => new(fileName, contentType, null, requiresText);

    internal static AttachmentDecision Refuse(string fileName, string code) => new(fileName, null, code, false);
}

/// <summary>
/// Decides whether a file may be attached, from its name, declared type, size and first bytes — pure logic, no
/// I/O. Executables and scripts are refused by extension (anywhere in the name), by declared type and by
/// content (PE, ELF, Mach-O, Java class, shebang, shortcut, installer), even when renamed. Every other file must
/// have an allowed extension and content that matches it (magic bytes, zip entries of office documents, text
/// without NUL bytes).
/// </summary>
public sealed class AttachmentPolicy
{
    /// <summary>How many first bytes the policy wants to see (fewer when the file is shorter).</summary>
    public const int HeadLength = 8192;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] CompoundFileMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] ShortcutMagic = [0x4C, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00];
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] ZipEmptyMagic = [0x50, 0x4B, 0x05, 0x06];

    // Root-entry class ids of Windows Installer packages, patches and transforms (little-endian GUID bytes).
    private static readonly byte[][] InstallerClassIds =
    [
        [0x84, 0x10, 0x0C, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46],
        [0x86, 0x10, 0x0C, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46],
        [0x82, 0x10, 0x0C, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46],
    ];

    private static readonly string[] OfficeOpenXmlFolders = ["word/", "xl/", "ppt/"];
    private static readonly string[] OfficeOpenXmlCommonParts = ["[Content_Types].xml", "_rels/", "docProps/", "customXml/"];

    private readonly AttachmentOptions _options;
    private readonly HashSet<string> _allowed;

    public AttachmentPolicy(IOptions<AttachmentOptions> options)
        : this(options.Value)
    {
    }

    public AttachmentPolicy(AttachmentOptions options)
    {
        _options = options;
        _allowed = new HashSet<string>(options.EffectiveExtensions, StringComparer.OrdinalIgnoreCase);
        AllowedList = string.Join(", ", _allowed.Order(StringComparer.Ordinal));
    }

    public AttachmentOptions Options => _options;

    /// <summary>The allowed extensions as people read them ("bmp, csv, …").</summary>
    public string AllowedList { get; }

    /// <param name="fileName">The name as sent; it is sanitised first (see <see cref="AttachmentFileNames.Sanitize"/>).</param>
    /// <param name="declaredContentType">The type the client or mail declared; only used to spot programs.</param>
    /// <param name="sizeBytes">The whole file's size.</param>
    /// <param name="head">The first <see cref="HeadLength"/> bytes (all of them when the file is shorter).</param>
    public AttachmentDecision Evaluate(string? fileName, string? declaredContentType, long sizeBytes, ReadOnlySpan<byte> head)
    {
        var name = AttachmentFileNames.Sanitize(fileName);
        if (sizeBytes <= 0 || head.IsEmpty)
        {
            return AttachmentDecision.Refuse(name, AttachmentRefusals.Empty);
        }

        if (sizeBytes > _options.MaxFileBytes)
        {
            return AttachmentDecision.Refuse(name, AttachmentRefusals.TooLarge);
        }

        if (AttachmentFileNames.AllExtensions(name).Any(AttachmentTypes.DangerousExtensions.Contains)
            || IsDangerousContentType(declaredContentType)
            || LooksExecutable(head))
        {
            return AttachmentDecision.Refuse(name, AttachmentRefusals.Dangerous);
        }

        var extension = AttachmentFileNames.Extension(name);
        if (extension.Length == 0 || !_allowed.Contains(extension))
        {
            return AttachmentDecision.Refuse(name, AttachmentRefusals.ExtensionNotAllowed);
        }

        if (!AttachmentTypes.Known.TryGetValue(extension, out var type))
        {
            return AttachmentDecision.Accept(name, AttachmentTypes.OctetStream, requiresText: false);
        }

        return CheckContent(type, head) switch
        {
            ContentVerdict.Matches => AttachmentDecision.Accept(name, type.ContentType, type.Signature is ContentSignature.Text or ContentSignature.Eml),
            ContentVerdict.Dangerous => AttachmentDecision.Refuse(name, AttachmentRefusals.Dangerous),
            _ => AttachmentDecision.Refuse(name, AttachmentRefusals.ContentMismatch),
        };
    }

    /// <summary>
    /// Text as the desk accepts it: UTF-8 or Latin-1 (any byte order of those is readable) without NUL bytes and
    /// without the control characters that only binary files carry (tab, line breaks, form feed, escape and the
    /// DOS end-of-file mark are fine).
    /// </summary>
    public static bool IsText(ReadOnlySpan<byte> content)
    {
        foreach (var b in content)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0B or 0x0C or 0x0D or 0x1A or 0x1B))
            {
                return false;
            }
        }

        return true;
    }

    private enum ContentVerdict
    {
        Matches,
        Mismatch,
        Dangerous,
    }

    private static ContentVerdict CheckContent(AttachmentType type, ReadOnlySpan<byte> head)
    {
        var matches = type.Signature switch
        {
            ContentSignature.None => true,
            ContentSignature.Pdf => head[..Math.Min(head.Length, 1024)].IndexOf(PdfMagic) >= 0,
            ContentSignature.Png => head.StartsWith(PngMagic),
            ContentSignature.Jpeg => head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF,
            ContentSignature.Gif => head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8),
            ContentSignature.Webp => head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8),
            ContentSignature.Bmp => head.Length >= 14 && head.StartsWith("BM"u8) && BinaryPrimitives.ReadUInt32LittleEndian(head[6..10]) == 0,
            ContentSignature.Text => IsText(head),
            ContentSignature.Eml => IsText(head) && StartsWithHeaderField(head),
            ContentSignature.Mp4 => head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8),
            ContentSignature.CompoundFile => head.StartsWith(CompoundFileMagic),
            ContentSignature.Zip or ContentSignature.OfficeOpenXml or ContentSignature.OpenDocument => true,
            _ => false,
        };
        if (!matches)
        {
            return ContentVerdict.Mismatch;
        }

        if (type.Signature == ContentSignature.CompoundFile && IsInstallerPackage(head))
        {
            return ContentVerdict.Dangerous;
        }

        return type.Signature switch
        {
            ContentSignature.Zip => CheckZip(head, type),
            ContentSignature.OfficeOpenXml => CheckZip(head, type),
            ContentSignature.OpenDocument => CheckZip(head, type),
            _ => ContentVerdict.Matches,
        };
    }

    private static ContentVerdict CheckZip(ReadOnlySpan<byte> head, AttachmentType type)
    {
        var isEmptyZip = head.StartsWith(ZipEmptyMagic);
        if (!head.StartsWith(ZipMagic) && !(isEmptyZip && type.Signature == ContentSignature.Zip))
        {
            return ContentVerdict.Mismatch;
        }

        var entries = ZipEntriesInHead(head);
        if (entries.Any(e => e.Name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)
            || AttachmentFileNames.AllExtensions(e.Name.Split('/')[^1]).Any(AttachmentTypes.DangerousExtensions.Contains)))
        {
            return ContentVerdict.Dangerous;
        }

        switch (type.Signature)
        {
            case ContentSignature.OfficeOpenXml:
            {
                // The first entries of an Office Open XML package are package parts; another family's main folder means a renamed file.
                if (entries.Count == 0 || !IsOfficeOpenXmlPart(entries[0].Name))
                {
                    return ContentVerdict.Mismatch;
                }

                var others = OfficeOpenXmlFolders.Where(f => f != type.Marker).ToArray();
                return entries.Any(e => others.Any(f => e.Name.StartsWith(f, StringComparison.Ordinal)))
                    ? ContentVerdict.Mismatch
                    : ContentVerdict.Matches;
            }

            case ContentSignature.OpenDocument:
            {
                // ODF requires a first, uncompressed entry "mimetype" that holds the document's media type.
                if (entries.Count == 0 || entries[0] is not { Name: "mimetype", Method: 0 } mimetype || mimetype.Data is null)
                {
                    return ContentVerdict.Mismatch;
                }

                return Encoding.ASCII.GetString(mimetype.Data) == type.Marker ? ContentVerdict.Matches : ContentVerdict.Mismatch;
            }

            default:
                return ContentVerdict.Matches;
        }
    }

    /// <summary>Archive media types whose every entry is inspected through the central directory.</summary>
    public static bool IsArchive(string? contentType) =>
        contentType is not null && AttachmentTypes.Known.Values.Any(t =>
            t.ContentType == contentType && t.Signature is ContentSignature.Zip or ContentSignature.OfficeOpenXml or ContentSignature.OpenDocument);

    /// <summary>
    /// Judges every entry of an archive, named by its central directory (so entries after the first bytes count):
    /// a program or script anywhere, or Office macros, make it dangerous. A plain zip may not hold another archive
    /// (it could not be inspected in turn): nested archives are refused; office documents may embed their own parts.
    /// </summary>
    public static bool HasDangerousEntries(IEnumerable<string> entryNames, string contentType)
    {
        var plainZip = contentType == "application/zip";
        foreach (var name in entryNames)
        {
            var file = name.Replace('\\', '/').Split('/')[^1];
            var extensions = AttachmentFileNames.AllExtensions(file);
            if (name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)
                || extensions.Any(AttachmentTypes.DangerousExtensions.Contains)
                || (plainZip && extensions.Any(NestedArchiveExtensions.Contains)))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly HashSet<string> NestedArchiveExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "zip", "7z", "rar", "tar", "gz", "tgz", "bz2", "xz", "cab", "iso", "zst", "lz", "lzma", "arj", "jar", "docm", "xlsm", "pptm",
    };

    private static bool IsOfficeOpenXmlPart(string name) =>
        OfficeOpenXmlCommonParts.Any(p => name.StartsWith(p, StringComparison.Ordinal))
        || OfficeOpenXmlFolders.Any(f => name.StartsWith(f, StringComparison.Ordinal));

    private sealed record ZipEntry(string Name, int Method, byte[]? Data);

    /// <summary>The local file headers that lie within the head; stops at the first one whose size is not known up front.</summary>
    private static List<ZipEntry> ZipEntriesInHead(ReadOnlySpan<byte> head)
    {
        var entries = new List<ZipEntry>();
        var offset = 0;
        while (offset + 30 <= head.Length && head[offset..].StartsWith(ZipMagic) && entries.Count < 64)
        {
            var header = head[offset..];
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(header[6..]);
            var method = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
            var compressedSize = BinaryPrimitives.ReadUInt32LittleEndian(header[18..]);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[26..]);
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
            if (30 + nameLength > header.Length)
            {
                break;
            }

            var name = Encoding.UTF8.GetString(header.Slice(30, nameLength));
            var dataStart = 30 + nameLength + extraLength;
            var sizeKnown = (flags & 0x08) == 0 && compressedSize != uint.MaxValue;
            byte[]? data = null;
            if (sizeKnown && method == 0 && compressedSize <= 256 && dataStart + compressedSize <= header.Length)
            {
                data = header.Slice(dataStart, (int)compressedSize).ToArray();
            }

            entries.Add(new ZipEntry(name, method, data));
            if (!sizeKnown || (long)dataStart + compressedSize > header.Length)
            {
                break;
            }

            offset += dataStart + (int)compressedSize;
        }

        return entries;
    }

    private static bool IsDangerousContentType(string? declared)
    {
        if (string.IsNullOrWhiteSpace(declared))
        {
            return false;
        }

        var mediaType = declared.Split(';')[0].Trim();
        return AttachmentTypes.DangerousContentTypes.Contains(mediaType);
    }

    /// <summary>Programs and scripts recognised by content, whatever their name.</summary>
    private static bool LooksExecutable(ReadOnlySpan<byte> head)
    {
        var content = head.StartsWith(Utf8Bom) ? head[3..] : head;
        if (content.StartsWith("#!"u8))
        {
            return true; // a script with an interpreter line
        }

        if (head.StartsWith("MZ"u8) && IsPortableExecutable(head))
        {
            return true;
        }

        if (head.Length >= 4)
        {
            var magic = BinaryPrimitives.ReadUInt32BigEndian(head);
            switch (magic)
            {
                case 0x7F454C46: // ELF
                case 0xFEEDFACE: // Mach-O 32-bit
                case 0xFEEDFACF: // Mach-O 64-bit
                case 0xCEFAEDFE: // Mach-O 32-bit, little-endian
                case 0xCFFAEDFE: // Mach-O 64-bit, little-endian
                case 0xCAFEBABE: // Mach-O universal binary, or a Java class
                case 0xCAFEBABF: // Mach-O universal binary (64-bit)
                    return true;
            }
        }

        return head.StartsWith(ShortcutMagic) || head.StartsWith("dex\n"u8);
    }

    /// <summary>"MZ" followed by a PE header where e_lfanew points, or by the binary bytes of a DOS program.</summary>
    private static bool IsPortableExecutable(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 0x40)
        {
            var peOffset = BinaryPrimitives.ReadInt32LittleEndian(head[0x3C..]);
            if (peOffset > 0 && peOffset <= head.Length - 4 && head[peOffset..].StartsWith("PE\0\0"u8))
            {
                return true;
            }
        }

        return head[..Math.Min(head.Length, 64)].Contains((byte)0);
    }

    /// <summary>A Windows Installer package (or patch, transform) is a compound file whose root entry has a known class id.</summary>
    private static bool IsInstallerPackage(ReadOnlySpan<byte> head)
    {
        if (head.Length < 512)
        {
            return false;
        }

        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(head[30..]);
        if (sectorShift is not (9 or 12))
        {
            return false;
        }

        var sectorSize = 1 << sectorShift;
        var firstDirectorySector = BinaryPrimitives.ReadUInt32LittleEndian(head[48..]);
        var rootOffset = ((long)firstDirectorySector + 1) * sectorSize;
        if (firstDirectorySector >= 0xFFFFFFFA || rootOffset + 128 > head.Length)
        {
            return false;
        }

        var classId = head.Slice((int)rootOffset + 80, 16);
        foreach (var installer in InstallerClassIds)
        {
            if (classId.SequenceEqual(installer))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An e-mail message starts with a header field ("Name: value").</summary>
    private static bool StartsWithHeaderField(ReadOnlySpan<byte> head)
    {
        var content = head.StartsWith(Utf8Bom) ? head[3..] : head;
        while (!content.IsEmpty && content[0] is (byte)'\r' or (byte)'\n')
        {
            content = content[1..];
        }

        var colon = content.IndexOf((byte)':');
        if (colon <= 0)
        {
            return false;
        }

        foreach (var b in content[..colon])
        {
            if (b is <= 0x20 or >= 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    internal static string FormatSize(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024d):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB");
}

/// <summary>The refusal codes of the attachment policy and intake.</summary>
public static class AttachmentRefusals
{
    public const string TooLarge = "attachments.too_large";
    public const string TooMany = "attachments.too_many";
    public const string ExtensionNotAllowed = "attachments.extension_not_allowed";
    public const string ContentMismatch = "attachments.content_mismatch";
    public const string Empty = "attachments.empty";
    public const string Dangerous = "attachments.dangerous";
}
