using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Common.OpenApi;

/// <summary>
/// The published contract: <c>docs/openapi.json</c> is what front-end teams generate clients from, so any
/// change to it is reviewed as a diff. The document served by the running host must equal the committed one.
/// </summary>
public sealed class OpenApiContractTests : IClassFixture<MesaApiFactory>
{
    public const string UpdateHint = "To accept the change: UPDATE_OPENAPI=1 dotnet test tests/WebApi.Tests --filter OpenApiContract (then review and commit docs/openapi.json).";

    private readonly MesaApiFactory _factory;

    public OpenApiContractTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task OpenApiContract_ServedDocument_EqualsTheCommittedDocsOpenApiJson()
    {
        var served = Normalise(await OpenApiDocument.FetchAsync(_factory));
        var path = Path.Combine(RepositoryRoot.Find(), "docs", "openapi.json");

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, served, new UTF8Encoding(false));
        }

        Assert.True(File.Exists(path), $"docs/openapi.json is missing. {UpdateHint}");
        var committed = (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n");
        if (committed != served)
        {
            var committedLines = committed.Split('\n');
            var servedLines = served.Split('\n');
            var first = Enumerable.Range(0, Math.Min(committedLines.Length, servedLines.Length)).FirstOrDefault(i => committedLines[i] != servedLines[i], Math.Min(committedLines.Length, servedLines.Length));
            Assert.Fail($"""
                The API's OpenAPI document differs from docs/openapi.json (first difference at line {first + 1}).
                  committed: {(first < committedLines.Length ? committedLines[first].Trim() : "<end of file>")}
                  served:    {(first < servedLines.Length ? servedLines[first].Trim() : "<end of file>")}
                {UpdateHint}
                """);
        }
    }

    private static string Normalise(JsonNode document) =>
        document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
}
