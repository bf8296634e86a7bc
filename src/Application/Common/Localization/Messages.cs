using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace MesaServicios.Application.Common.Localization;

/// <summary>
/// Every sentence a person reads for an error code, in Spanish (default) and English. Each module keeps its
/// own table; this class joins them into one catalogue. A code without an entry falls back to the code itself.
/// </summary>
/// <remarks>
/// A module's table is a <c>static class XMessages</c> in this assembly with a static <c>Entries</c> dictionary of
/// <c>(Es, En)</c> texts: it is found by its shape, so adding a module's messages is adding that one class. A code
/// defined twice fails at start; a code without one of its texts, or whose two texts use different placeholders, fails
/// the catalogue test (MessageCatalogueTests).
/// </remarks>
public static class Messages
{
    private static readonly IReadOnlyList<Type> TableTypes = DiscoverTableTypes();

    private static readonly FrozenDictionary<string, (string Es, string En)> All = Join(TableTypes.Select(EntriesOf).OfType<IReadOnlyDictionary<string, (string Es, string En)>>());

    /// <summary>The joined catalogue: every code with its Spanish and English text.</summary>
    internal static IReadOnlyDictionary<string, (string Es, string En)> Catalogue => All;

    /// <summary>The module tables the catalogue was joined from.</summary>
    internal static IReadOnlyList<Type> Tables => TableTypes;

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
    private static Type[] DiscoverTableTypes() =>
        typeof(Messages).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && t != typeof(Messages) && t.Name.EndsWith("Messages", StringComparison.Ordinal))
            .Where(t => EntriesOf(t) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToArray();

    private static IReadOnlyDictionary<string, (string Es, string En)>? EntriesOf(Type table) =>
        table.GetField("Entries", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)?.GetValue(null) as IReadOnlyDictionary<string, (string Es, string En)>;

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
