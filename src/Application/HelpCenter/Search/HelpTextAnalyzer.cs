using System.Text;
using MesaServicios.Domain.Common;

namespace MesaServicios.Application.HelpCenter.Search;

/// <summary>
/// How the help centre reads words, the same for indexed text and for queries: lower case, accents removed
/// ("Contraseña" → "contrasena"), common Spanish and English words dropped, and a light Spanish stemmer
/// (J. Savoy's, as in Lucene's SpanishLightStemmer: plural and gender endings) so that "urgencias" and
/// "urgencia", "observadores" and "observador", "claves" and "clave" are the same term.
/// </summary>
public static class HelpTextAnalyzer
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // Spanish
        "a", "al", "algo", "algun", "alguna", "algunas", "alguno", "algunos", "ante", "antes", "aqui", "asi", "aun", "cada",
        "como", "con", "contra", "cual", "cuales", "cuando", "de", "del", "desde", "donde", "dos", "e", "el", "ella", "ellas",
        "ellos", "en", "entre", "era", "es", "esa", "esas", "ese", "eso", "esos", "esta", "estan", "estas", "este", "esto",
        "estos", "estoy", "fue", "ha", "hace", "han", "hasta", "hay", "la", "las", "le", "les", "lo", "los", "mas", "me",
        "mi", "mis", "mucho", "muy", "nada", "ni", "no", "nos", "o", "otra", "otro", "para", "pero", "poco", "por", "porque",
        "puede", "puedo", "que", "se", "sea", "ser", "si", "sin", "sobre", "son", "su", "sus", "tambien", "te", "tengo",
        "ti", "tiene", "todo", "todos", "tu", "tus", "un", "una", "uno", "unos", "unas", "y", "ya", "yo",
        // English
        "an", "and", "are", "be", "by", "can", "do", "for", "from", "how", "i", "if", "in", "is", "it", "my", "of", "on",
        "or", "the", "to", "was", "what", "when", "with", "you", "your",
    };

    /// <summary>The terms of a text, in order (duplicates kept).</summary>
    public static IReadOnlyList<string> Terms(string? text)
    {
        var terms = new List<string>();
        foreach (var word in Words(text ?? string.Empty))
        {
            var folded = TextFolding.Fold(word.Text);
            if (!StopWords.Contains(folded))
            {
                terms.Add(Stem(folded));
            }
        }

        return terms;
    }

    /// <summary>The text as the index stores it: its terms separated by spaces.</summary>
    public static string ForIndex(string? text) => string.Join(' ', Terms(text));

    /// <summary>The distinct terms of a query, at most <paramref name="max"/>, in the order typed.</summary>
    public static IReadOnlyList<string> QueryTerms(string? query, int max = 24) =>
        Terms(query).Distinct(StringComparer.Ordinal).Take(max).ToList();

    /// <summary>Savoy's light stemmer for Spanish, on folded (accent-free, lower-case) words.</summary>
    public static string Stem(string word)
    {
        var length = word.Length;
        if (length < 5)
        {
            return word;
        }

        switch (word[length - 1])
        {
            case 'o' or 'a' or 'e':
                return word[..(length - 1)];
            case 's':
                if (word[length - 2] == 'e' && word[length - 3] == 's' && word[length - 4] == 'e')
                {
                    return word[..(length - 2)];
                }

                if (word[length - 2] == 'e' && word[length - 3] == 'c')
                {
                    return word[..(length - 3)] + "z";
                }

                if (word[length - 2] is 'o' or 'a' or 'e')
                {
                    return word[..(length - 2)];
                }

                break;
        }

        return word;
    }

    /// <summary>
    /// A short extract of <paramref name="text"/> around the first place where the query's terms occur, HTML-escaped,
    /// with every matching word wrapped in <c>&lt;mark&gt;</c>. Without a match: the beginning of the text.
    /// </summary>
    public static string Snippet(string text, IReadOnlyCollection<string> queryTerms, int maxLength = 200)
    {
        var words = Words(text).ToList();
        var matches = words.Select(w => queryTerms.Contains(Stem(TextFolding.Fold(w.Text)))).ToList();
        var first = matches.IndexOf(true);
        var start = 0;
        if (first > 0)
        {
            // Start a few words before the first match, at a word boundary.
            start = words[Math.Max(0, first - 6)].Start;
        }

        var end = Math.Min(text.Length, start + maxLength);
        if (end < text.Length)
        {
            var lastSpace = text.LastIndexOf(' ', end - 1, end - start);
            end = lastSpace > start ? lastSpace : end;
        }

        var builder = new StringBuilder();
        if (start > 0)
        {
            builder.Append('…');
        }

        var position = start;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word.Start < start || word.Start + word.Text.Length > end || !matches[i])
            {
                continue;
            }

            builder.Append(Escape(text[position..word.Start]));
            builder.Append("<mark>").Append(Escape(word.Text)).Append("</mark>");
            position = word.Start + word.Text.Length;
        }

        builder.Append(Escape(text[position..end]));
        if (end < text.Length)
        {
            builder.Append('…');
        }

        return builder.ToString().Replace('\n', ' ');
    }

    /// <summary>Escapes the characters that mean something in HTML; letters such as ñ stay as they are.</summary>
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    private static IEnumerable<(int Start, string Text)> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || (start >= 0 && char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return (start, text[start..i]);
                start = -1;
            }
        }
    }
}
