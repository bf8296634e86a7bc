using MesaServicios.WebApi.Common;

namespace MesaServicios.WebApi.Tests.Common;

/// <summary>The HTML pages' templates: what a person typed can never become markup, and a broken template fails loudly.</summary>
public sealed class HtmlTemplatesTests
{
    [Fact]
    public void AValue_IsEncoded_AndAccentsStayReadable()
    {
        var html = HtmlTemplates.Fill("<p title=\"{{who}}\">{{who}}</p>", new Dictionary<string, string> { ["who"] = "Ñandú \"<script>alert('x')</script>\" & co" }, "demo");

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"<", html, StringComparison.Ordinal);
        Assert.Contains("Ñandú", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&amp; co", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AFragment_IsInsertedAsHtml_OnlyWithThreeBraces()
    {
        var html = HtmlTemplates.Fill("<div>{{{inner}}}</div>", new Dictionary<string, string> { ["inner"] = "<p>ok</p>" }, "demo");

        Assert.Equal("<div><p>ok</p></div>", html);
    }

    [Fact]
    public void AMissingValue_OrAnUnusedOne_IsAnError()
    {
        Assert.Throws<InvalidOperationException>(() => HtmlTemplates.Fill("<p>{{a}}</p>", new Dictionary<string, string>(), "demo"));
        Assert.Throws<InvalidOperationException>(() => HtmlTemplates.Fill("<p>{{a}}</p>", new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, "demo"));
    }

    [Theory]
    [InlineData("Common/Pages/Alert.html")]
    [InlineData("Users/Pages/DashboardSignIn.html")]
    [InlineData("Notifications/Pages/ActionLinkPage.html")]
    [InlineData("Notifications/Pages/ActionLinkMessage.html")]
    [InlineData("Notifications/Pages/ActionLinkForm.html")]
    public void EveryPageTemplate_IsEmbedded(string path)
    {
        var error = Record.Exception(() => HtmlTemplates.Render(path, new Dictionary<string, string>()));

        // Loaded: the only complaint is a missing value (or none, for a template without placeholders).
        Assert.True(error is null || error.Message.Contains("no value", StringComparison.Ordinal), error?.Message);
    }
}
