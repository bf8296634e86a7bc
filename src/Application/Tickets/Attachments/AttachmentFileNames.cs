using System.Globalization;
using System.Text;

namespace MesaServicios.Application.Tickets.Attachments;

/// <summary>Turns whatever name a client or a mail sent into one that is safe to store, show and download.</summary>
public static class AttachmentFileNames
{
    public const string Fallback = "adjunto";
    private const int MaxLength = 200;

    private static readonly string[] ReservedDeviceNames =
    [
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];

    /// <summary>
    /// The last path segment only, NFC-normalised, without control or invisible formatting characters (such as
    /// the right-to-left override that hides a real extension), without characters file systems refuse,
    /// trimmed of dots and spaces, at most 200 characters with the extension kept; never empty.
    /// </summary>
    public static string Sanitize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Fallback;
        }

        var lastSeparator = name.LastIndexOfAny(['/', '\\']);
        var segment = (lastSeparator >= 0 ? name[(lastSeparator + 1)..] : name).Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(segment.Length);
        var previousWasSpace = false;
        foreach (var rune in segment.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                if (!previousWasSpace)
                {
                    builder.Append(' ');
                }

                previousWasSpace = true;
                continue;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            previousWasSpace = false;
            if (rune.IsAscii && "<>:\"|?*;".Contains((char)rune.Value, StringComparison.Ordinal))
            {
                builder.Append('_');
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        var clean = builder.ToString().Trim(' ', '.');
        if (clean.Length == 0)
        {
            return Fallback;
        }

        var baseName = clean.Split('.')[0];
        if (ReservedDeviceNames.Contains(baseName.TrimEnd(), StringComparer.OrdinalIgnoreCase))
        {
            clean = "_" + clean;
        }

        return Truncate(clean);
    }

    /// <summary>The last extension, lowercase and without the dot; empty when there is none.</summary>
    public static string Extension(string fileName)
    {
        var dot = fileName.LastIndexOf('.');
        return dot <= 0 || dot == fileName.Length - 1 ? string.Empty : fileName[(dot + 1)..].ToLowerInvariant();
    }

    /// <summary>Every extension of a name ("informe.pdf.exe" → pdf, exe).</summary>
    public static IEnumerable<string> AllExtensions(string fileName) =>
        fileName.Split('.').Skip(1).Select(e => e.Trim().ToLowerInvariant()).Where(e => e.Length > 0);

    private static string Truncate(string name)
    {
        if (name.Length <= MaxLength)
        {
            return name;
        }

        var extension = Extension(name);
        var keep = extension.Length is > 0 and <= 20 ? extension.Length + 1 : 0;
        var head = name[..(MaxLength - keep)];
        if (char.IsHighSurrogate(head[^1]))
        {
            head = head[..^1];
        }

        return keep > 0 ? $"{head.TrimEnd(' ', '.')}.{extension}" : head;
    }
}
