using System.Text.RegularExpressions;
using MesaServicios.Domain.Common;

namespace MesaServicios.Application.HelpCenter.DraftArticleFromTicket;

/// <summary>
/// Leaves personal data out of a text: every e-mail address, every phone-like number (7 or more digits, with spaces,
/// dots, dashes or a leading +), and the given people's names — the full name and each of its words of 3 or more
/// letters, in any case and with or without accents.
/// </summary>
internal sealed partial class PersonalDataRedactor
{
    public const string NamePlaceholder = "[nombre]";
    public const string EmailPlaceholder = "[correo]";
    public const string PhonePlaceholder = "[teléfono]";

    private readonly HashSet<string> _nameWords;

    public PersonalDataRedactor(IEnumerable<string?> names)
    {
        _nameWords = names.OfType<string>()
            .SelectMany(n => n.Split([' ', '\t', '.', ','], StringSplitOptions.RemoveEmptyEntries))
            .Select(TextFolding.Fold)
            .Where(w => w.Length >= 3)
            .ToHashSet(StringComparer.Ordinal);
    }

    public string Redact(string text)
    {
        var result = Email().Replace(text, EmailPlaceholder);
        result = Phone().Replace(result, m => m.Value.Count(char.IsAsciiDigit) >= 7 && !Date().IsMatch(m.Value) ? PhonePlaceholder : m.Value);
        result = Word().Replace(result, m => _nameWords.Contains(TextFolding.Fold(m.Value)) ? NamePlaceholder : m.Value);

        // "[nombre] [nombre]" → "[nombre]"
        return RepeatedName().Replace(result, NamePlaceholder);
    }

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}.\-]+\.[\p{L}]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])\+?\d[\d \-.()]{5,}\d(?![\p{L}\p{N}])")]
    private static partial Regex Phone();

    /// <summary>Dates are not phone numbers: 2026-03-02, 02/03/2026, 02.03.2026.</summary>
    [GeneratedRegex(@"^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})$")]
    private static partial Regex Date();

    [GeneratedRegex(@"\p{L}[\p{L}\p{Mn}'’]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"\[nombre\](\s+\[nombre\])+")]
    private static partial Regex RepeatedName();
}
