using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MesaServicios.Domain.Common;

namespace MesaServicios.Application.Inbox.Parsing;

/// <summary>Small text helpers shared by the parser and the classifier.</summary>
public static partial class MailText
{
    /// <summary>Lower case, accents removed ("Teléfono" → "telefono"), so labels and keywords match however written.</summary>
    public static string Fold(string value) => TextFolding.Fold(value);

    /// <summary>True when <paramref name="subject"/> holds one of the keywords as a whole word (any case, any accents).</summary>
    public static bool ContainsKeyword(string subject, IEnumerable<string> keywords)
    {
        var folded = Fold(subject);
        return keywords
            .Select(k => Fold(k.Trim()))
            .Where(k => k.Length > 0)
            .Any(k => Regex.IsMatch(folded, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(k)}(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
    }

    /// <summary>The ticket number of a <c>[Mesa #N]</c> tag in the subject, if any.</summary>
    public static int? TicketTag(string subject)
    {
        var match = TicketTagPattern().Match(subject);
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>A ticket title from a subject: reply/forward prefixes and our tag removed, white space collapsed.</summary>
    public static string CleanSubject(string subject)
    {
        var text = TicketTagPattern().Replace(subject, " ");
        string previous;
        do
        {
            previous = text;
            text = ReplyPrefix().Replace(text.Trim(), string.Empty);
        }
        while (text != previous);

        // Never cut here: a subject longer than a title is shortened by the Tickets module, which keeps it whole in the description.
        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"\[\s*Mesa\s*#\s*(\d{1,9})\s*\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TicketTagPattern();

    [GeneratedRegex(@"^(?:re|rv|fw|fwd|res|enc|aw|wg|tr|sv|r)\s*(?:\[\d+\])?\s*:\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ReplyPrefix();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Whitespace();
}
