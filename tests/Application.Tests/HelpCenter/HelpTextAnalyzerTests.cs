using MesaServicios.Application.HelpCenter;
using MesaServicios.Application.HelpCenter.DraftArticleFromTicket;
using MesaServicios.Application.HelpCenter.Search;

namespace MesaServicios.Application.Tests.HelpCenter;

public sealed class HelpTextAnalyzerTests
{
    [Theory]
    [InlineData("Contraseña", "contrasena", true)]
    [InlineData("contraseñas", "CONTRASENA", true)]
    [InlineData("urgencias", "urgencia", true)]
    [InlineData("observadores", "observador", true)]
    [InlineData("claves", "clave", true)]
    [InlineData("Olvidé", "olvide", true)]
    [InlineData("solicitudes", "solicitud", true)]
    [InlineData("luces", "luz", true)]
    [InlineData("equipos", "equipo", true)]
    [InlineData("impresora", "correo", false)]
    public void SingularPluralAccentsAndCase_GiveTheSameTerm(string a, string b, bool same)
    {
        Assert.Equal(same, HelpTextAnalyzer.Terms(a).SequenceEqual(HelpTextAnalyzer.Terms(b)));
    }

    [Fact]
    public void CommonWords_AreNotTerms()
    {
        Assert.Equal(["olvid", "clav"], HelpTextAnalyzer.Terms("¿Y qué si olvidé la clave?"));
    }

    [Fact]
    public void Snippet_MarksEveryMatch_AndEscapesHtml()
    {
        var snippet = HelpTextAnalyzer.Snippet("Usa <b> tu Contraseña; las contraseñas caducan.", HelpTextAnalyzer.QueryTerms("contrasena").ToHashSet());

        Assert.Equal("Usa &lt;b&gt; tu <mark>Contraseña</mark>; las <mark>contraseñas</mark> caducan.", snippet);
    }

    [Fact]
    public void Snippet_OfALongText_StartsNearTheFirstMatch()
    {
        var text = string.Join(' ', Enumerable.Repeat("relleno", 80)) + " aquí está el observador y más texto";

        var snippet = HelpTextAnalyzer.Snippet(text, HelpTextAnalyzer.QueryTerms("observadores").ToHashSet());

        Assert.StartsWith("…", snippet);
        Assert.Contains("<mark>observador</mark>", snippet);
        Assert.True(snippet.Length < 260);
    }

    [Theory]
    [InlineData("¿Olvidé mi contraseña?", "olvide-mi-contrasena")]
    [InlineData("  Año 2026: cámbialo  ", "ano-2026-cambialo")]
    [InlineData("2026", "articulo-2026")]
    public void Slugs_AreMadeFromTitles(string title, string slug)
    {
        Assert.Equal(slug, HelpSlugs.From(title));
        Assert.True(HelpSlugs.IsValid(slug));
    }

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", true)]
    [InlineData("https://www.youtube.com/embed/dQw4w9WgXcQ", true)]
    [InlineData("https://youtu.be/dQw4w9WgXcQ", true)]
    [InlineData("https://vimeo.com/76979871", true)]
    [InlineData("https://player.vimeo.com/video/76979871", true)]
    [InlineData("https://iescinoc.edu.co/videos/a.mp4", true)]
    [InlineData("https://media.iescinoc.edu.co/a.mp4", true)]
    [InlineData("http://iescinoc.edu.co/videos/a.mp4", false)]
    [InlineData("https://iescinoc.edu.co:8443/a.mp4", false)]
    [InlineData("https://user@iescinoc.edu.co/a.mp4", false)]
    [InlineData("https://notiescinoc.edu.co/a.mp4", false)]
    [InlineData("https://www.youtube.com/watch?v=bad", false)]
    [InlineData("https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ", false)]
    [InlineData("not a url", false)]
    public void VideoAddresses_OnlyYouTubeVimeoOrTheInstitution_OverHttps(string url, bool allowed)
    {
        Assert.Equal(allowed, HelpVideoAddress.IsAllowed(url, ["iescinoc.edu.co"]));
    }

    [Fact]
    public void Redactor_RemovesNamesEmailsAndPhones_ButNotDatesOrTicketNumbers()
    {
        var redactor = new PersonalDataRedactor(["José Pérez Gómez"]);

        var text = redactor.Redact("JOSE perez (jose.perez@iescinoc.edu.co, 300 123 4567 / +57 (601) 555-1234) reportó el 2026-03-02 el ticket #1234.");

        Assert.Equal("[nombre] ([correo], [teléfono] / [teléfono]) reportó el 2026-03-02 el ticket #1234.", text);
    }
}
