using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace MesaServicios.Application.Common.Localization;

/// <summary>
/// Every sentence a person reads for an error code, in Spanish (default) and English. Each module keeps its
/// own table; this class joins them. A code without an entry falls back to the code itself.
/// </summary>
public static class Messages
{
    private static readonly FrozenDictionary<string, (string Es, string En)> All = Join(DiscoverTables());

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

    /// <summary>Every module keeps a static class named <c>*Messages</c> with a static <c>Entries</c> table.</summary>
    private static IEnumerable<IReadOnlyDictionary<string, (string Es, string En)>> DiscoverTables() =>
        typeof(Messages).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && t != typeof(Messages) && t.Name.EndsWith("Messages", StringComparison.Ordinal))
            .Select(t => t.GetField("Entries", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)?.GetValue(null))
            .OfType<IReadOnlyDictionary<string, (string Es, string En)>>();

    private static FrozenDictionary<string, (string Es, string En)> Join(IEnumerable<IReadOnlyDictionary<string, (string Es, string En)>> tables)
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
