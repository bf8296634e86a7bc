using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.HelpCenter;

/// <summary>Front-ends read the institution's words for types, urgencies and statuses from one public, cacheable document.</summary>
public sealed class ReferenceDataTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public ReferenceDataTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task Reference_IsPublic_WithBothLanguages_AndTheInstitutionsDefinitions()
    {
        var response = await _factory.Anonymous().GetAsync("/api/v1/reference");

        await response.EnsureSuccessAsync();
        Assert.Contains("public", response.Headers.CacheControl?.ToString());
        var data = await response.JsonAsync();
        foreach (var set in new[] { "ticketTypes", "urgencies", "impacts", "priorities", "ticketStatuses", "ticketSources", "helpCategories", "helpArticleKinds", "reservationStates", "equipmentStates" })
        {
            Assert.True(data.TryGetProperty(set, out var items) && items.GetArrayLength() > 0, set);
        }

        var veryHigh = Find(data, "urgencies", "VeryHigh");
        Assert.Equal(5, veryHigh.GetProperty("value").GetInt32());
        Assert.Equal("Muy urgente", veryHigh.GetProperty("label").GetProperty("es").GetString());
        Assert.Equal("Very high", veryHigh.GetProperty("label").GetProperty("en").GetString());
        Assert.Contains("objetivos de mi área", veryHigh.GetProperty("definition").GetProperty("es").GetString());
        Assert.Equal(5, data.GetProperty("urgencies").GetArrayLength());

        var incident = Find(data, "ticketTypes", "Incident");
        Assert.Contains("equipos físicos", incident.GetProperty("definition").GetProperty("es").GetString());
        Assert.Contains("physical equipment", incident.GetProperty("definition").GetProperty("en").GetString());

        var statuses = data.GetProperty("ticketStatuses").EnumerateArray().ToDictionary(s => s.GetProperty("code").GetString()!, s => s.GetProperty("value").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["New"] = 1, ["InProgress"] = 2, ["Pending"] = 4, ["Solved"] = 5, ["Closed"] = 6 }, statuses);
        Assert.Equal("En curso", Find(data, "ticketStatuses", "InProgress").GetProperty("label").GetProperty("es").GetString());
        Assert.Equal(JsonValueKind.Null, Find(data, "ticketSources", "Email").GetProperty("definition").ValueKind);

        var held = Find(data, "reservationStates", "CheckedOut");
        Assert.Equal("En su poder", held.GetProperty("label").GetProperty("es").GetString());
        Assert.Equal("Checked out", held.GetProperty("label").GetProperty("en").GetString());
        Assert.Equal(6, data.GetProperty("reservationStates").GetArrayLength());
        Assert.Equal("En mantenimiento", Find(data, "equipmentStates", "InMaintenance").GetProperty("label").GetProperty("es").GetString());
    }

    [Fact]
    public async Task Reference_WithItsETag_Returns304WithoutBody_AndTheSameForEveryLanguage()
    {
        var first = await _factory.Anonymous().GetAsync("/api/v1/reference");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        var english = await _factory.Anonymous("en").GetAsync("/api/v1/reference");
        Assert.Equal(etag, english.Headers.ETag);

        var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reference");
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await _factory.Anonymous().SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);

        var stale = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reference");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await _factory.Anonymous().SendAsync(stale)).StatusCode);
    }

    private static JsonElement Find(JsonElement data, string set, string code) =>
        data.GetProperty(set).EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);
}
