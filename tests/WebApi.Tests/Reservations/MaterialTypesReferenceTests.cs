using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Reservations;

/// <summary>
/// The administrator-managed material types are part of <c>GET /api/v1/reference</c>: a portal shows the list without
/// hard-coding it, and its cached copy is refreshed (new ETag) as soon as a type is added, renamed or retired.
/// </summary>
public sealed class MaterialTypesReferenceTests : IClassFixture<ReservationsApiFactory>
{
    private readonly ReservationsApiFactory _factory;

    public MaterialTypesReferenceTests(ReservationsApiFactory factory) => _factory = factory;

    private async Task<(EntityTagHeaderValue ETag, Dictionary<int, string> Types)> ReferenceAsync()
    {
        var response = await (await _factory.Anonymous().GetAsync("/api/v1/reference")).EnsureSuccessAsync();
        var data = await response.JsonAsync();
        var types = data.GetProperty("materialTypes").EnumerateArray().ToDictionary(t => t.GetProperty("value").GetInt32(), t => t.GetProperty("label").GetProperty("es").GetString()!);
        return (response.Headers.ETag!, types);
    }

    private async Task<HttpStatusCode> ConditionalAsync(EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reference");
        request.Headers.IfNoneMatch.Add(etag);
        return (await _factory.Anonymous().SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task TheSeededTypes_AreListed_WithTheirIdAsCodeAndValue()
    {
        var response = await (await _factory.Anonymous("en").GetAsync("/api/v1/reference")).EnsureSuccessAsync();
        var laptop = (await response.JsonAsync()).GetProperty("materialTypes").EnumerateArray().Single(t => t.GetProperty("value").GetInt32() == ReservationApi.Laptop);

        Assert.Equal("1", laptop.GetProperty("code").GetString());
        Assert.Equal("Portátil", laptop.GetProperty("label").GetProperty("es").GetString());
        Assert.Equal("Laptop", laptop.GetProperty("label").GetProperty("en").GetString());
        Assert.Equal(JsonValueKind.Null, laptop.GetProperty("definition").ValueKind);
        Assert.Contains("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task AddingRenamingAndRetiringAType_ChangesTheETag_WhileUnchangedDataGives304()
    {
        var cast = await ReservationCast.For(_factory);
        var (before, types) = await ReferenceAsync();
        Assert.Equal(HttpStatusCode.NotModified, await ConditionalAsync(before));
        Assert.Equal(before, (await ReferenceAsync()).ETag);

        var created = await (await (await cast.Administrator.Client.PostAsJsonAsync("/api/v1/material-types", new { name = "Cable VGA" })).EnsureSuccessAsync()).JsonAsync();
        var id = created.GetProperty("id").GetInt32();
        var (added, withNew) = await ReferenceAsync();
        Assert.NotEqual(before, added);
        Assert.Equal("Cable VGA", withNew[id]);
        Assert.Equal(types.Count + 1, withNew.Count);
        Assert.Equal(HttpStatusCode.OK, await ConditionalAsync(before));
        Assert.Equal(HttpStatusCode.NotModified, await ConditionalAsync(added));

        await (await cast.Administrator.Client.PutAsJsonAsync($"/api/v1/material-types/{id}", new { name = "Cable VGA largo", isActive = true })).EnsureSuccessAsync();
        var (renamed, withRename) = await ReferenceAsync();
        Assert.NotEqual(added, renamed);
        Assert.Equal("Cable VGA largo", withRename[id]);
        Assert.Equal(HttpStatusCode.OK, await ConditionalAsync(added));

        await (await cast.Administrator.Client.PutAsJsonAsync($"/api/v1/material-types/{id}", new { name = "Cable VGA largo", isActive = false })).EnsureSuccessAsync();
        var (retired, afterRetire) = await ReferenceAsync();
        Assert.NotEqual(renamed, retired);
        Assert.DoesNotContain(id, afterRetire.Keys);
        Assert.Equal(before, retired);
        Assert.Equal(HttpStatusCode.NotModified, await ConditionalAsync(retired));
    }

    [Fact]
    public async Task AnEnglishName_IsTheEnglishLabel_WithoutOneTheSpanishNameServesBoth_AndAnOverlongOneChangesNothing()
    {
        var cast = await ReservationCast.For(_factory);
        var named = await (await (await cast.Administrator.Client.PostAsJsonAsync("/api/v1/material-types", new { name = "Tablero digital", englishName = "Digital whiteboard" })).EnsureSuccessAsync()).JsonAsync();
        var plain = await (await (await cast.Administrator.Client.PostAsJsonAsync("/api/v1/material-types", new { name = "Regleta" })).EnsureSuccessAsync()).JsonAsync();
        Assert.Equal("Digital whiteboard", named.GetProperty("englishName").GetString());

        var (etag, _) = await ReferenceAsync();
        var tooLong = await cast.Administrator.Client.PostAsJsonAsync("/api/v1/material-types", new { name = "Cable largo", englishName = new string('x', 81) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var problem = await tooLong.Content.ReadAsStringAsync();
        Assert.Contains("englishName", problem, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotModified, await ConditionalAsync(etag));

        var types = (await (await (await _factory.Anonymous("en").GetAsync("/api/v1/reference")).EnsureSuccessAsync()).JsonAsync())
            .GetProperty("materialTypes").EnumerateArray().ToDictionary(t => t.GetProperty("value").GetInt32(), t => t.GetProperty("label"));
        var whiteboard = types[named.GetProperty("id").GetInt32()];
        Assert.Equal("Tablero digital", whiteboard.GetProperty("es").GetString());
        Assert.Equal("Digital whiteboard", whiteboard.GetProperty("en").GetString());
        Assert.Equal("Regleta", types[plain.GetProperty("id").GetInt32()].GetProperty("en").GetString());
        Assert.DoesNotContain(types.Values, l => l.GetProperty("es").GetString() == "Cable largo");
    }
}
