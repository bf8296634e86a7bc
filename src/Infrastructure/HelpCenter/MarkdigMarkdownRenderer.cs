using Ganss.Xss;
using Markdig;
using MesaServicios.Application.HelpCenter;

namespace MesaServicios.Infrastructure.HelpCenter;

/// <summary>
/// Markdown with Markdig, raw HTML disabled (it is shown as text, never interpreted), then the HTML through
/// HtmlSanitizer's allow-list (no scripts, no event handlers, no <c>javascript:</c> or <c>data:</c> links): two
/// independent guards, so a gap in one is caught by the other.
/// </summary>
internal sealed class MarkdigMarkdownRenderer : IMarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .Build();

    public RenderedMarkdown Render(string markdown)
    {
        var html = Markdown.ToHtml(markdown ?? string.Empty, Pipeline);
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        var safe = sanitizer.Sanitize(html).Trim();
        var text = Markdown.ToPlainText(markdown ?? string.Empty, Pipeline).Trim();
        return new RenderedMarkdown(safe, text);
    }
}
