using System.Collections.Frozen;
using System.Globalization;
using MesaServicios.Application.Users;

namespace MesaServicios.Application.Common.Localization;

/// <summary>
/// Every sentence a person reads for an error code, in Spanish (default) and English. Each module keeps its
/// own table; this class joins them. A code without an entry falls back to the code itself.
/// </summary>
public static class Messages
{
    private static readonly FrozenDictionary<string, (string Es, string En)> All = Join(
        CommonMessages.Entries,
        UsersMessages.Entries);

    public static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";

    public static string Get(string code, params object?[] arguments) => Get(code, CultureInfo.CurrentUICulture, arguments);

    public static string Get(string code, CultureInfo culture, params object?[] arguments)
    {
        if (!All.TryGetValue(code, out var text))
        {
            return code;
        }

        var template = IsEnglish(culture) ? text.En : text.Es;
        return arguments.Length == 0 ? template : string.Format(culture, template, arguments);
    }

    public static bool Has(string code) => All.ContainsKey(code);

    private static FrozenDictionary<string, (string Es, string En)> Join(params IReadOnlyDictionary<string, (string Es, string En)>[] tables)
    {
        var all = new Dictionary<string, (string Es, string En)>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            foreach (var (code, text) in table)
            {
                all.Add(code, text);
            }
        }

        return all.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
