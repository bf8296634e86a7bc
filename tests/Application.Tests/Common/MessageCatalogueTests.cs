using System.Text.RegularExpressions;
using MesaServicios.Application.Common.Localization;

namespace MesaServicios.Application.Tests.Common;

/// <summary>
/// The one message catalogue: every code a person can read has its Spanish and its English text, and both texts take
/// the same arguments — otherwise one language shows a raw code, loses a value or throws a FormatException.
/// </summary>
public sealed partial class MessageCatalogueTests
{
    [Fact]
    public void EveryCode_HasBothTexts_WithTheSamePlaceholders()
    {
        var problems = Problems(Messages.Catalogue);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void TheCatalogue_JoinsEveryModulesTable()
    {
        var tables = Messages.Tables.Select(t => t.Name).ToList();

        Assert.Superset(
            new HashSet<string> { "CommonMessages", "UsersMessages", "TicketsMessages", "AttachmentsMessages", "NotificationsMessages", "InboxMessages" },
            tables.ToHashSet());
        Assert.True(Messages.Has("users.email_required"));
    }

    [Fact]
    public void TheCheck_RejectsAMissingTextAndMismatchedPlaceholders()
    {
        var bad = new Dictionary<string, (string Es, string En)>
        {
            ["demo.ok"] = ("Hola {0}, tienes {1:N0} casos.", "Hi {0}, you have {1:N0} cases."),
            ["demo.no_english"] = ("Solo en español.", ""),
            ["demo.no_spanish"] = (" ", "Only English."),
            ["demo.lost_argument"] = ("El caso {0} de {1}.", "Case {0}."),
            ["demo.other_argument"] = ("El caso {0}.", "Case {1}."),
            ["demo.escaped_braces"] = ("Use {{0}} literalmente: {0}.", "Use {{0}} literally: {0}."),
        };

        var problems = Problems(bad);

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("demo.no_english", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("demo.no_spanish", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("demo.lost_argument", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("demo.other_argument", StringComparison.Ordinal));
    }

    private static List<string> Problems(IReadOnlyDictionary<string, (string Es, string En)> catalogue)
    {
        var problems = new List<string>();
        foreach (var (code, (es, en)) in catalogue.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(es))
            {
                problems.Add($"{code}: no Spanish text");
            }

            if (string.IsNullOrWhiteSpace(en))
            {
                problems.Add($"{code}: no English text");
            }

            if (!string.IsNullOrWhiteSpace(es) && !string.IsNullOrWhiteSpace(en) && !Placeholders(es).SetEquals(Placeholders(en)))
            {
                problems.Add($"{code}: placeholders differ (es {{{string.Join(",", Placeholders(es).Order())}}}, en {{{string.Join(",", Placeholders(en).Order())}}})");
            }
        }

        return problems;
    }

    /// <summary>The argument indexes a composite format uses ({0}, {1:N0}, {2,5}); escaped braces ({{0}}) are text.</summary>
    private static HashSet<int> Placeholders(string text) =>
        Placeholder().Matches(text.Replace("{{", string.Empty, StringComparison.Ordinal).Replace("}}", string.Empty, StringComparison.Ordinal))
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();

    [GeneratedRegex(@"\{(\d+)(?:,[^}:]*)?(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
