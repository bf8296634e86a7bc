using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace MesaServicios.WebApi.Common;

/// <summary>
/// The few HTML pages the API serves (dashboard sign-in, e-mail action links…), rendered from templates embedded in
/// this assembly: <c>Users/Pages/DashboardSignIn.html</c> and so on, next to the module's endpoints. In a template,
/// <c>{{name}}</c> is replaced by a value encoded with the framework's <see cref="HtmlEncoder"/> (accents stay readable),
/// and <c>{{{name}}}</c> by a fragment that is already HTML — only the output of another template, never raw input.
/// A placeholder without a value, or a value without a placeholder, is an error: a typo never ships silently.
/// </summary>
internal static partial class HtmlTemplates
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly ConcurrentDictionary<string, string> Loaded = new(StringComparer.Ordinal);

    /// <summary>Renders the template at <paramref name="path"/> (relative to the project, e.g. "Users/Pages/DashboardSignIn.html").</summary>
    public static string Render(string path, IReadOnlyDictionary<string, string> values) =>
        Fill(Loaded.GetOrAdd(path, Load), values, path);

    /// <summary>A whole page as an HTTP result (UTF-8).</summary>
    public static IResult Page(int status, string path, IReadOnlyDictionary<string, string> values) =>
        Results.Content(Render(path, values), "text/html; charset=utf-8", Encoding.UTF8, status);

    /// <summary>Text encoded for HTML, as the templates encode their values.</summary>
    public static string Encode(string value) => Encoder.Encode(value);

    internal static string Fill(string template, IReadOnlyDictionary<string, string> values, string name)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var html = Placeholder().Replace(template, match =>
        {
            var raw = match.Groups["raw"].Success;
            var key = raw ? match.Groups["raw"].Value : match.Groups["text"].Value;
            if (!values.TryGetValue(key, out var value))
            {
                throw new InvalidOperationException($"Template {name}: no value for {{{{{key}}}}}.");
            }

            used.Add(key);
            return raw ? value : Encoder.Encode(value);
        });
        var unused = values.Keys.Where(k => !used.Contains(k)).ToList();
        return unused.Count == 0 ? html : throw new InvalidOperationException($"Template {name} has no placeholder for {string.Join(", ", unused)}.");
    }

    private static string Load(string path)
    {
        var resource = "MesaServicios.WebApi." + path.Replace('/', '.');
        using var stream = typeof(HtmlTemplates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"No embedded template {resource}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{\{(?<raw>[A-Za-z][A-Za-z0-9]*)\}\}\}|\{\{(?<text>[A-Za-z][A-Za-z0-9]*)\}\}")]
    private static partial Regex Placeholder();
}
