using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.HelpCenter;

/// <summary>
/// Search quality on the default content: each query people would type must find the right article first — in any
/// case, with or without accents, singular or plural.
/// </summary>
public sealed class HelpSearchQualityTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public HelpSearchQualityTests(MesaApiFactory factory) => _factory = factory;

    [Theory]
    [InlineData("contrasena", "olvide-mi-contrasena")]
    [InlineData("CONTRASEÑA", "olvide-mi-contrasena")]
    [InlineData("olvide clave", "olvide-mi-contrasena")]
    [InlineData("no recuerdo mis claves", "olvide-mi-contrasena")]
    [InlineData("urgencias", "niveles-de-urgencia")]
    [InlineData("muy urgente", "niveles-de-urgencia")]
    [InlineData("observador", "observadores")]
    [InlineData("observadores del ticket", "observadores")]
    [InlineData("incidencia o requerimiento", "incidencia-o-requerimiento")]
    [InlineData("cerrar sesion", "cerrar-sesion")]
    [InlineData("estado de mi ticket", "estado-de-mi-ticket")]
    [InlineData("rechazar la solucion", "aprobar-o-rechazar-solucion")]
    [InlineData("aprobar", "aprobar-o-rechazar-solucion")]
    [InlineData("correo solicitud", "crear-ticket-por-correo")]
    [InlineData("soporte@iescinoc.edu.co", "crear-ticket-por-correo")]
    [InlineData("cuanto tardan en responder", "tiempo-de-respuesta")]
    [InlineData("equipo en reserva", "equipo-en-mi-poder")]
    [InlineData("manual de uso", "que-es-la-mesa-de-servicios")]
    public async Task Query_FindsTheRightArticleFirst(string query, string expectedSlug)
    {
        var results = await HelpApi.SearchAsync(_factory.Anonymous(), query);

        var slugs = results.Slugs();
        Assert.True(slugs.Count > 0 && slugs[0] == expectedSlug, $"'{query}' → [{string.Join(", ", slugs)}]");
    }

    [Fact]
    public async Task Snippet_MarksTheMatchingWords_AndIsEscaped()
    {
        var results = await HelpApi.SearchAsync(_factory.Anonymous(), "contrasena");

        var snippet = results[0].GetProperty("snippet").GetString()!;
        Assert.Contains("<mark>contraseña</mark>", snippet);
        Assert.DoesNotContain("<script", snippet);
        Assert.True(results[0].GetProperty("score").GetDouble() > 0);
    }

    [Fact]
    public async Task Query_WithOnlyCommonWords_FindsNothing()
    {
        var results = await HelpApi.SearchAsync(_factory.Anonymous(), "de la que");

        Assert.Equal(0, results.GetArrayLength());
    }
}
