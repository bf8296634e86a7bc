using System.Net;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.HelpCenter;

/// <summary>While a requester writes a ticket, the help centre offers the articles that may already answer it.</summary>
public sealed class HelpSuggestionsTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public HelpSuggestionsTests(MesaApiFactory factory) => _factory = factory;

    [Theory]
    [InlineData("No puedo entrar a la plataforma porque olvidé la contraseña y no me llega el correo", "olvide-mi-contrasena")]
    [InlineData("Quiero agregar a mi jefe como observador del caso", "observadores")]
    [InlineData("Ya me resolvieron el problema pero la solución no me sirve, cómo la rechazo", "aprobar-o-rechazar-solucion")]
    public async Task TicketText_SuggestsTheArticleThatAnswersIt(string text, string expectedSlug)
    {
        var requester = await _factory.CreateUserAsync();

        var response = await requester.Client.GetAsync($"/api/v1/help/suggestions?text={Uri.EscapeDataString(text)}");

        var suggestions = await (await response.EnsureSuccessAsync()).JsonAsync();
        Assert.InRange(suggestions.GetArrayLength(), 1, 5);
        Assert.Equal(expectedSlug, suggestions.Slugs()[0]);
    }

    [Fact]
    public async Task EmptyText_IsAFieldError_InSpanishAndEnglish()
    {
        var spanish = await (await _factory.Anonymous().GetAsync("/api/v1/help/suggestions?text=")).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("Escribe el texto del ticket (máximo 4.000 caracteres).", spanish.GetProperty("errors").GetProperty("text")[0].GetString());

        var english = await (await _factory.Anonymous("en").GetAsync("/api/v1/help/suggestions")).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("Type the ticket's text (at most 4,000 characters).", english.GetProperty("errors").GetProperty("text")[0].GetString());
    }
}
