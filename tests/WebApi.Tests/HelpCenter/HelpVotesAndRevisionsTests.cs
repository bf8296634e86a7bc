using System.Net;
using System.Net.Http.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.HelpCenter;

public sealed class HelpVotesAndRevisionsTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public HelpVotesAndRevisionsTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task Vote_OnePerPersonPerArticle_VotingAgainChangesIt()
    {
        var technician = await _factory.CreateUserAsync(UserRole.Technician);
        var article = await HelpApi.CreateAsync(technician, HelpApi.Faq("Votos", slug: "votos"));
        await HelpApi.PublishAsync(technician, article.Id());
        var ana = await _factory.CreateUserAsync();
        var luis = await _factory.CreateUserAsync();

        await Vote(ana.Client, article.Id(), true);
        await Vote(ana.Client, article.Id(), true);
        await Vote(luis.Client, article.Id(), true);
        var changed = await Vote(ana.Client, article.Id(), false);

        Assert.Equal(1, changed.GetProperty("helpful").GetInt32());
        Assert.Equal(1, changed.GetProperty("notHelpful").GetInt32());
        var read = await (await _factory.Anonymous().GetAsync("/api/v1/help/articles/votos")).JsonAsync();
        Assert.Equal(1, read.GetProperty("helpful").GetInt32());
        Assert.Equal(1, read.GetProperty("notHelpful").GetInt32());
    }

    [Fact]
    public async Task AnonymousVotes_CountOncePerClient_EvenAtTheSameTime()
    {
        var technician = await _factory.CreateUserAsync(UserRole.Technician);
        var article = await HelpApi.CreateAsync(technician, HelpApi.Faq("Votos anónimos", slug: "votos-anonimos"));
        await HelpApi.PublishAsync(technician, article.Id());

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            _factory.Anonymous().PostAsJsonAsync($"/api/v1/help/articles/{article.Id()}/votes", new { helpful = true })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var read = await (await _factory.Anonymous().GetAsync("/api/v1/help/articles/votos-anonimos")).JsonAsync();
        Assert.Equal(1, read.GetProperty("helpful").GetInt32());
        var stored = await _factory.WithDbAsync(db => Task.FromResult(db.HelpVotes.Count(v => v.ArticleId == article.Id())));
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task VotesOfDifferentPeople_AtTheSameTime_AreAllCounted()
    {
        var technician = await _factory.CreateUserAsync(UserRole.Technician);
        var article = await HelpApi.CreateAsync(technician, HelpApi.Faq("Votos simultáneos", slug: "votos-simultaneos"));
        await HelpApi.PublishAsync(technician, article.Id());
        var people = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _factory.CreateUserAsync()));

        var responses = await Task.WhenAll(people.Select((p, i) =>
            p.Client.PostAsJsonAsync($"/api/v1/help/articles/{article.Id()}/votes", new { helpful = i % 4 != 0 })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var read = await (await _factory.Anonymous().GetAsync("/api/v1/help/articles/votos-simultaneos")).JsonAsync();
        Assert.Equal(6, read.GetProperty("helpful").GetInt32());
        Assert.Equal(2, read.GetProperty("notHelpful").GetInt32());
    }

    [Fact]
    public async Task Vote_OnADraft_Returns404()
    {
        var technician = await _factory.CreateUserAsync(UserRole.Technician);
        var draft = await HelpApi.CreateAsync(technician, HelpApi.Faq("Voto en borrador", slug: "voto-borrador"));

        var response = await _factory.Anonymous().PostAsJsonAsync($"/api/v1/help/articles/{draft.Id()}/votes", new { helpful = true });

        await response.ProblemAsync(HttpStatusCode.NotFound, "help.not_found");
    }

    [Fact]
    public async Task EveryChange_IsKeptAsARevision_WithWhoWhenAndWhat()
    {
        var technician = await _factory.CreateUserAsync(UserRole.Technician, fullName: "Teresa Técnica");
        var admin = await _factory.AdminAsync();
        var article = await HelpApi.CreateAsync(technician, HelpApi.Faq("Revisiones", "Versión uno.", slug: "revisiones"));
        await HelpApi.PublishAsync(technician, article.Id());

        var edited = await admin.Client.PutAsJsonAsync($"/api/v1/help/articles/{article.Id()}", HelpApi.Faq("Revisiones", "Versión **dos**.", slug: "revisiones"));
        await edited.EnsureSuccessAsync();
        var unchanged = await admin.Client.PutAsJsonAsync($"/api/v1/help/articles/{article.Id()}", HelpApi.Faq("Revisiones", "Versión **dos**.", slug: "revisiones"));
        await unchanged.EnsureSuccessAsync();

        var revisions = await (await (await technician.Client.GetAsync($"/api/v1/help/articles/{article.Id()}/revisions")).EnsureSuccessAsync()).JsonAsync();
        var list = revisions.EnumerateArray().ToList();
        Assert.Equal(["Edited", "Published", "Created"], list.Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal(["bodyEs"], list[0].GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("Administrador de la Mesa", list[0].GetProperty("authorName").GetString());
        Assert.Equal("Teresa Técnica", list[2].GetProperty("authorName").GetString());
        Assert.Equal("Versión **dos**.", list[0].GetProperty("content").GetProperty("bodyEs").GetString());
        Assert.Equal("Versión uno.", list[2].GetProperty("content").GetProperty("bodyEs").GetString());
        Assert.Equal(3, list[0].GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Edit_WithAStaleETag_Returns412AndChangesNothing()
    {
        var technician = await _factory.CreateUserAsync(UserRole.Technician);
        var article = await HelpApi.CreateAsync(technician, HelpApi.Faq("Concurrencia", "Original.", slug: "concurrencia"));
        var first = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/help/articles/{article.Id()}") { Content = JsonContent.Create(HelpApi.Faq("Concurrencia", "Primera edición.", slug: "concurrencia")) };
        first.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/help/articles/{article.Id()}") { Content = JsonContent.Create(HelpApi.Faq("Concurrencia", "Edición tardía.", slug: "concurrencia")) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        var ok = await technician.Client.SendAsync(first);
        Assert.Equal("\"2\"", ok.Headers.ETag?.Tag);
        await (await technician.Client.SendAsync(stale)).ProblemAsync(HttpStatusCode.PreconditionFailed, "common.precondition_failed");

        var read = await (await technician.Client.GetAsync($"/api/v1/help/articles/{article.Id()}")).JsonAsync();
        Assert.Equal("Primera edición.", read.GetProperty("source").GetProperty("bodyEs").GetString());
    }

    private static async Task<System.Text.Json.JsonElement> Vote(HttpClient client, int id, bool helpful) =>
        await (await (await client.PostAsJsonAsync($"/api/v1/help/articles/{id}/votes", new { helpful })).EnsureSuccessAsync()).JsonAsync();
}
