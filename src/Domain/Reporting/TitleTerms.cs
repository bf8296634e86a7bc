using System.Collections.Frozen;
using MesaServicios.Domain.Common;

namespace MesaServicios.Domain.Reporting;

/// <summary>
/// The words of a ticket title that say what the problem is: folded (lower case, no accents), letters and digits
/// only, at least three characters, not a number, and not a Spanish (or common English) stop word. Each term counts
/// once per title.
/// </summary>
public static class TitleTerms
{
    public const int MinLength = 3;

    /// <summary>Folded Spanish stop words (articles, prepositions, pronouns, auxiliaries, desk filler words) and a few English ones.</summary>
    public static readonly FrozenSet<string> StopWords = new[]
    {
        "abajo", "acerca", "ademas", "ahi", "ahora", "algo", "alguien", "algun", "alguna", "algunas", "alguno", "algunos", "alla", "alli",
        "ante", "antes", "aqui", "asi", "aun", "aunque", "bajo", "bien", "cada", "casi", "como", "con", "contra", "cual", "cuales",
        "cuando", "cuanto", "del", "desde", "despues", "donde", "dos", "durante", "ella", "ellas", "ello", "ellos", "entre", "era",
        "eran", "eres", "esa", "esas", "ese", "eso", "esos", "esta", "estaba", "estado", "estamos", "estan", "estar", "estas", "este",
        "esto", "estos", "estoy", "fue", "fueron", "hace", "hacer", "hacia", "han", "has", "hasta", "hay", "hola", "las", "les", "los",
        "mas", "mediante", "menos", "mis", "mismo", "mucho", "muy", "nada", "ni", "nos", "nosotros", "nuestra", "nuestro", "otra",
        "otras", "otro", "otros", "para", "pero", "poco", "por", "porque", "puede", "pueden", "puedo", "que", "quien", "sea", "segun",
        "ser", "sido", "sin", "sobre", "solo", "son", "soy", "sus", "tal", "tambien", "tampoco", "tan", "tanto", "tener", "tengo",
        "tiene", "tienen", "todas", "todo", "todos", "tras", "tus", "una", "unas", "uno", "unos", "usted", "ustedes", "vez", "favor",
        "ayuda", "gracias", "buenos", "buenas", "dias", "tardes", "the", "and", "for", "not", "with", "from", "this", "that",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The distinct terms of one title, in the order they first appear.</summary>
    public static IReadOnlyList<string> Of(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var folded = TextFolding.Fold(title);
        var terms = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                Add(terms, folded[start..i]);
                start = -1;
            }
        }

        return terms;
    }

    /// <summary>How many titles mention each term.</summary>
    public static Dictionary<string, int> Count(IEnumerable<string> titles)
    {
        ArgumentNullException.ThrowIfNull(titles);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var title in titles)
        {
            foreach (var term in Of(title))
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
            }
        }

        return counts;
    }

    private static void Add(List<string> terms, string word)
    {
        if (word.Length >= MinLength && !word.All(char.IsDigit) && !StopWords.Contains(word) && !terms.Contains(word))
        {
            terms.Add(word);
        }
    }
}
