namespace MesaServicios.Application.HelpCenter;

/// <summary>An article body rendered: sanitised HTML (no raw HTML, no scripts, no event handlers, only safe links) and plain text.</summary>
public sealed record RenderedMarkdown(string Html, string PlainText);

/// <summary>Port: Markdown to sanitised HTML and to plain text.</summary>
public interface IMarkdownRenderer
{
    RenderedMarkdown Render(string markdown);
}
