using System.Text.RegularExpressions;

namespace MesaServicios.Application.Inbox.Parsing;

/// <summary>
/// Keeps only what the person wrote in a reply: drops quoted history ("El … escribió:", "On … wrote:",
/// "-----Original Message-----", Outlook "De:/From:" header blocks, lines starting with "&gt;") and signatures
/// ("-- ", "Enviado desde mi iPhone", "Sent from my …", "Obtener Outlook para …").
/// </summary>
public static partial class ReplyTrimmer
{
    public static string Trim(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var kept = new List<string>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (IsCutLine(lines, i))
            {
                break;
            }

            if (trimmed.StartsWith('>'))
            {
                continue;
            }

            kept.Add(line);
        }

        var result = HtmlText.Normalize(string.Join('\n', kept));
        return result;
    }

    private static bool IsCutLine(string[] lines, int index)
    {
        var line = lines[index];
        var trimmed = line.Trim();
        if (line == "-- " || trimmed == "--" || trimmed == "—")
        {
            return true;
        }

        if (SentFrom().IsMatch(trimmed) || OriginalMessage().IsMatch(trimmed) || trimmed.StartsWith("________________", StringComparison.Ordinal))
        {
            return true;
        }

        // "El vie, 27 nov 2026 a las 10:15, Ana <ana@x> escribió:" — sometimes wrapped over two or three lines.
        if (WroteStart().IsMatch(trimmed))
        {
            var joined = trimmed;
            for (var next = index + 1; next < lines.Length && next <= index + 2; next++)
            {
                if (WroteEnd().IsMatch(joined))
                {
                    break;
                }

                joined += " " + lines[next].Trim();
            }

            if (WroteEnd().IsMatch(joined))
            {
                return true;
            }
        }

        // Outlook without separator: "De: …" then, within the next lines, "Enviado:/Para:/Asunto:" (or English).
        if (HeaderFrom().IsMatch(trimmed))
        {
            for (var next = index + 1; next < lines.Length && next <= index + 4; next++)
            {
                if (HeaderOther().IsMatch(lines[next].Trim()))
                {
                    return true;
                }
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(?:enviado desde mi|sent from my|obtener outlook para|get outlook for|enviado desde outlook|enviado desde el correo)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SentFrom();

    [GeneratedRegex(@"^-{2,}\s*(?:original message|mensaje original|forwarded message|mensaje reenviado)\s*-{2,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^(?:>\s*)?(?:el|on)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex WroteStart();

    [GeneratedRegex(@"(?:escribi[oó]|wrote)\s*:\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex WroteEnd();

    [GeneratedRegex(@"^\*?(?:de|from)\s*:\*?\s+\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^\*?(?:enviado|sent|fecha|date|para|to|asunto|subject|cc)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex HeaderOther();
}
