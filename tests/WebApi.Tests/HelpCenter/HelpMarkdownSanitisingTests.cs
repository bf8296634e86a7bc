using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.HelpCenter;

/// <summary>Whatever an author writes, the HTML a reader's browser receives runs no script.</summary>
public sealed class HelpMarkdownSanitisingTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public HelpMarkdownSanitisingTests(MesaApiFactory factory) => _factory = factory;

    [Theory]
    [InlineData("Hola <script>alert('x')</script> mundo")]
    [InlineData("<script src=\"https://evil.example/x.js\"></script>")]
    [InlineData("[Haz clic](javascript:alert(1))")]
    [InlineData("[Haz clic](JaVaScRiPt:alert(1))")]
    [InlineData("<img src=x onerror=\"alert(1)\">")]
    [InlineData("![foto](x \"t\" onerror=alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<div onmouseover=\"alert(1)\">pasa el ratón</div>")]
    [InlineData("<svg onload=alert(1)>")]
    public async Task DangerousMarkdown_NeverReachesTheHtml(string markdown)
    {
        var technician = await _factory.CreateUserAsync(UserRole.Technician);

        var article = await HelpApi.CreateAsync(technician, HelpApi.Faq("Prueba de seguridad", markdown + "\n\nTexto normal."));

        var html = article.GetProperty("bodyHtml").GetString()!;
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var elements = document.Body!.QuerySelectorAll("*").ToList();
        Assert.DoesNotContain(elements, e => e.LocalName is "script" or "iframe" or "svg" or "object" or "embed" or "style");
        Assert.DoesNotContain(elements, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(elements, e => e.Attributes.Any(a => a.Name is "href" or "src"
            && (a.Value.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || a.Value.Trim().StartsWith("data:", StringComparison.OrdinalIgnoreCase))));
        Assert.Contains("Texto normal.", html);
    }

    [Fact]
    public async Task SafeMarkdown_KeepsLinksListsAndTables()
    {
        var technician = await _factory.CreateUserAsync(UserRole.Technician);

        var article = await HelpApi.CreateAsync(technician, HelpApi.Faq("Formato", "- uno\n- dos\n\n[Portal](https://portal.iescinoc.edu.co) y <soporte@iescinoc.edu.co>\n\n| a | b |\n|---|---|\n| 1 | 2 |"));

        var html = article.GetProperty("bodyHtml").GetString()!;
        Assert.Contains("<li>uno</li>", html);
        Assert.Contains("<a href=\"https://portal.iescinoc.edu.co\">Portal</a>", html);
        Assert.Contains("mailto:soporte@iescinoc.edu.co", html);
        Assert.Contains("<td>1</td>", html);
        var text = article.GetProperty("bodyText").GetString()!;
        Assert.DoesNotContain("<", text);
        Assert.Contains("Portal", text);
    }
}
