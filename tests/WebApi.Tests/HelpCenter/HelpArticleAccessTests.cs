using System.Net;
using System.Net.Http.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.HelpCenter;

/// <summary>Published content is public; drafts and writing belong to the desk.</summary>
public sealed class HelpArticleAccessTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public HelpArticleAccessTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task DefaultContent_IsPublishedInSpanish_AndReadableWithoutSigningIn()
    {
        var anonymous = _factory.Anonymous();

        var list = await (await (await anonymous.GetAsync("/api/v1/help/articles")).EnsureSuccessAsync()).JsonAsync();
        var slugs = list.EnumerateArray().Select(a => a.GetProperty("slug").GetString()).ToList();
        string[] defaults =
        [
            "que-es-la-mesa-de-servicios", "olvide-mi-contrasena", "cerrar-sesion", "incidencia-o-requerimiento", "niveles-de-urgencia",
            "equipo-en-mi-poder", "observadores", "tiempo-de-respuesta", "estado-de-mi-ticket", "aprobar-o-rechazar-solucion", "crear-ticket-por-correo",
        ];
        Assert.All(defaults, slug => Assert.Single(slugs, slug));

        var article = await (await (await anonymous.GetAsync("/api/v1/help/articles/crear-ticket-por-correo")).EnsureSuccessAsync()).JsonAsync();
        Assert.Equal("es", article.GetProperty("language").GetString());
        var html = article.GetProperty("bodyHtml").GetString()!;
        Assert.Contains("soporte@iescinoc.edu.co", html);
        Assert.Contains("<strong>solicitud</strong>", html);
        Assert.Contains("dependencia", article.GetProperty("bodyText").GetString());
        Assert.Equal(JsonValueKindNull, article.GetProperty("source").ValueKind);
    }

    [Fact]
    public async Task UrgencyArticle_ExplainsAllFiveLevels()
    {
        var article = await (await (await _factory.Anonymous().GetAsync("/api/v1/help/articles/niveles-de-urgencia")).EnsureSuccessAsync()).JsonAsync();

        var html = article.GetProperty("bodyHtml").GetString()!;
        Assert.Contains("<table>", html);
        foreach (var level in new[] { "Muy urgente", "Alta", "Mediana", "Baja", "Muy baja" })
        {
            Assert.Contains($"<strong>{level}</strong>", html);
        }
    }

    [Fact]
    public async Task Drafts_AreInvisibleToAnonymousAndRequesters_VisibleToTheDesk()
    {
        var technician = await _factory.CreateUserAsync(UserRole.Technician);
        var requester = await _factory.CreateUserAsync();
        var draft = await HelpApi.CreateAsync(technician, HelpApi.Faq("Borrador del proyector", slug: "borrador-proyector"));
        Assert.False(draft.GetProperty("isPublished").GetBoolean());

        await (await _factory.Anonymous().GetAsync("/api/v1/help/articles/borrador-proyector")).ProblemAsync(HttpStatusCode.NotFound, "help.not_found");
        await (await requester.Client.GetAsync($"/api/v1/help/articles/{draft.Id()}")).ProblemAsync(HttpStatusCode.NotFound, "help.not_found");
        var forRequester = await (await requester.Client.GetAsync("/api/v1/help/articles?includeDrafts=true")).JsonAsync();
        Assert.DoesNotContain(forRequester.EnumerateArray(), a => a.GetProperty("slug").GetString() == "borrador-proyector");
        var searched = await HelpApi.SearchAsync(_factory.Anonymous(), "borrador proyector");
        Assert.DoesNotContain("borrador-proyector", searched.Slugs());
        var suggested = await (await _factory.Anonymous().GetAsync("/api/v1/help/suggestions?text=borrador%20proyector")).JsonAsync();
        Assert.DoesNotContain("borrador-proyector", suggested.Slugs());

        var forDesk = await (await (await technician.Client.GetAsync("/api/v1/help/articles/borrador-proyector")).EnsureSuccessAsync()).JsonAsync();
        Assert.Equal("Usa el cable **HDMI** de la mesa.", forDesk.GetProperty("source").GetProperty("bodyEs").GetString());
        var deskList = await (await technician.Client.GetAsync("/api/v1/help/articles?includeDrafts=true")).JsonAsync();
        Assert.Contains(deskList.EnumerateArray(), a => a.GetProperty("slug").GetString() == "borrador-proyector");

        await HelpApi.PublishAsync(technician, draft.Id());
        var published = await (await (await _factory.Anonymous().GetAsync("/api/v1/help/articles/borrador-proyector")).EnsureSuccessAsync()).JsonAsync();
        Assert.Equal("<p>Usa el cable <strong>HDMI</strong> de la mesa.</p>", published.GetProperty("bodyHtml").GetString());
        Assert.Contains("borrador-proyector", (await HelpApi.SearchAsync(_factory.Anonymous(), "proyector")).Slugs());

        var unpublished = await technician.Client.PostAsync($"/api/v1/help/articles/{draft.Id()}/unpublish", null);
        await unpublished.EnsureSuccessAsync();
        await (await _factory.Anonymous().GetAsync("/api/v1/help/articles/borrador-proyector")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain("borrador-proyector", (await HelpApi.SearchAsync(_factory.Anonymous(), "proyector")).Slugs());
    }

    [Fact]
    public async Task Writing_IsForTheDeskOnly()
    {
        var requester = await _factory.CreateUserAsync();

        await (await _factory.Anonymous().PostAsJsonAsync("/api/v1/help/articles", HelpApi.Faq())).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await requester.Client.PostAsJsonAsync("/api/v1/help/articles", HelpApi.Faq())).ProblemAsync(HttpStatusCode.Forbidden);
        await (await requester.Client.PostAsync("/api/v1/help/articles/1/publish", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await requester.Client.GetAsync("/api/v1/help/articles/1/revisions")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await _factory.Anonymous().PostAsJsonAsync("/api/v1/help/articles/from-ticket", new { ticketId = 1 })).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task EnglishVersion_IsServedToEnglishReaders_SpanishOtherwise()
    {
        var admin = await _factory.AdminAsync();
        var created = await HelpApi.CreateAsync(admin, new
        {
            kind = "Faq", category = "Account", order = 9, titleEs = "Cambiar mi foto", bodyEs = "Abre *Mi perfil*.",
            titleEn = "Change my picture", bodyEn = "Open *My profile*.",
        });
        await HelpApi.PublishAsync(admin, created.Id());

        var english = await (await _factory.Anonymous("en").GetAsync("/api/v1/help/articles/cambiar-mi-foto")).JsonAsync();
        Assert.Equal("en", english.GetProperty("language").GetString());
        Assert.Equal("Change my picture", english.GetProperty("title").GetString());
        Assert.Equal("<p>Open <em>My profile</em>.</p>", english.GetProperty("bodyHtml").GetString());
        var spanish = await (await _factory.Anonymous().GetAsync("/api/v1/help/articles/cambiar-mi-foto")).JsonAsync();
        Assert.Equal("Cambiar mi foto", spanish.GetProperty("title").GetString());
        var onlySpanish = await (await _factory.Anonymous("en").GetAsync("/api/v1/help/articles/cerrar-sesion")).JsonAsync();
        Assert.Equal("es", onlySpanish.GetProperty("language").GetString());
    }

    [Fact]
    public async Task Reading_CountsViews()
    {
        var anonymous = _factory.Anonymous();
        var before = (await (await anonymous.GetAsync("/api/v1/help/articles/observadores")).JsonAsync()).GetProperty("views").GetInt32();

        await anonymous.GetAsync("/api/v1/help/articles/observadores");
        var after = (await (await anonymous.GetAsync("/api/v1/help/articles/observadores")).JsonAsync()).GetProperty("views").GetInt32();

        Assert.Equal(before + 2, after);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
