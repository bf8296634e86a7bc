using System.Text;
using MimeKit.Text;

namespace MesaServicios.Application.Inbox.Parsing;

/// <summary>
/// HTML to readable plain text for ticket descriptions: block elements become line breaks, list items get a
/// dash, quoted blocks get "&gt; " (so the reply trimmer can drop them), scripts/styles/heads vanish, entities are
/// decoded, runs of white space collapse. Built on MimeKit's HTML tokenizer (already a dependency).
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<HtmlTagId> Blocks =
    [
        HtmlTagId.P, HtmlTagId.Div, HtmlTagId.Table, HtmlTagId.TR, HtmlTagId.UL, HtmlTagId.OL, HtmlTagId.H1,
        HtmlTagId.H2, HtmlTagId.H3, HtmlTagId.H4, HtmlTagId.H5, HtmlTagId.H6, HtmlTagId.BlockQuote, HtmlTagId.Pre,
        HtmlTagId.HR, HtmlTagId.Address, HtmlTagId.Center, HtmlTagId.DL, HtmlTagId.DT, HtmlTagId.DD,
        HtmlTagId.Section, HtmlTagId.Article, HtmlTagId.Header, HtmlTagId.Footer, HtmlTagId.Form,
    ];

    private static readonly HashSet<HtmlTagId> Hidden = [HtmlTagId.Script, HtmlTagId.Style, HtmlTagId.Head, HtmlTagId.Title];

    public static string Convert(string html)
    {
        var output = new StringBuilder(html.Length / 2);
        var line = new StringBuilder();
        var hiddenDepth = 0;
        var quoteDepth = 0;
        var preDepth = 0;

        void FlushLine(bool keepEmpty)
        {
            var text = line.ToString().Trim();
            line.Clear();
            if (text.Length == 0 && !keepEmpty)
            {
                return;
            }

            if (quoteDepth > 0)
            {
                output.Append(string.Concat(Enumerable.Repeat("> ", quoteDepth)));
            }

            output.Append(text).Append('\n');
        }

        void BlockBoundary()
        {
            if (line.ToString().Trim().Length > 0)
            {
                FlushLine(keepEmpty: false);
            }
            else
            {
                line.Clear();
            }
        }

        var tokenizer = new HtmlTokenizer(new StringReader(html)) { DecodeCharacterReferences = true };
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag:
                    if (Hidden.Contains(tag.Id))
                    {
                        if (!tag.IsEmptyElement)
                        {
                            hiddenDepth = Math.Max(0, hiddenDepth + (tag.IsEndTag ? -1 : 1));
                        }

                        continue;
                    }

                    if (hiddenDepth > 0)
                    {
                        continue;
                    }

                    switch (tag.Id)
                    {
                        case HtmlTagId.Br:
                            FlushLine(keepEmpty: true);
                            break;
                        case HtmlTagId.LI:
                            BlockBoundary();
                            if (!tag.IsEndTag)
                            {
                                line.Append("- ");
                            }

                            break;
                        case HtmlTagId.TD or HtmlTagId.TH:
                            if (tag.IsEndTag)
                            {
                                line.Append(' ');
                            }

                            break;
                        case HtmlTagId.BlockQuote:
                            BlockBoundary();
                            quoteDepth = Math.Max(0, quoteDepth + (tag.IsEndTag ? -1 : 1));
                            break;
                        case HtmlTagId.Pre:
                            BlockBoundary();
                            preDepth = Math.Max(0, preDepth + (tag.IsEndTag ? -1 : 1));
                            break;
                        case HtmlTagId.Image or HtmlTagId.Unknown when !tag.IsEndTag && string.Equals(tag.Name, "img", StringComparison.OrdinalIgnoreCase):
                            var alt = tag.Attributes.FirstOrDefault(a => a.Id == HtmlAttributeId.Alt)?.Value;
                            if (!string.IsNullOrWhiteSpace(alt))
                            {
                                line.Append('[').Append(alt.Trim()).Append(']');
                            }

                            break;
                        default:
                            if (Blocks.Contains(tag.Id))
                            {
                                BlockBoundary();
                            }

                            break;
                    }

                    break;
                case HtmlDataToken data when hiddenDepth == 0 && data.Kind == HtmlTokenKind.Data:
                    if (preDepth > 0)
                    {
                        var parts = data.Data.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
                        for (var i = 0; i < parts.Length; i++)
                        {
                            if (i > 0)
                            {
                                FlushLine(keepEmpty: true);
                            }

                            line.Append(parts[i]);
                        }
                    }
                    else
                    {
                        AppendCollapsed(line, data.Data);
                    }

                    break;
            }
        }

        BlockBoundary();
        return Normalize(output.ToString());
    }

    /// <summary>Collapses blank-line runs to one blank line and trims the ends.</summary>
    internal static string Normalize(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd());
        var result = new StringBuilder();
        var blank = 0;
        foreach (var current in lines)
        {
            if (current.Length == 0)
            {
                blank++;
                continue;
            }

            if (result.Length > 0)
            {
                result.Append(blank > 0 ? "\n\n" : "\n");
            }

            blank = 0;
            result.Append(current);
        }

        return result.ToString();
    }

    private static void AppendCollapsed(StringBuilder line, string data)
    {
        foreach (var c in data)
        {
            var isSpace = char.IsWhiteSpace(c) || c == '\u00A0';
            if (isSpace)
            {
                if (line.Length > 0 && line[^1] != ' ')
                {
                    line.Append(' ');
                }
            }
            else
            {
                line.Append(c);
            }
        }
    }
}
