using System.Text.Json.Nodes;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Common.OpenApi;

internal static class OpenApiDocument
{
    public static async Task<JsonNode> FetchAsync(MesaApiFactory factory)
    {
        using var response = await factory.Anonymous().GetAsync("/swagger/v1/swagger.json");
        await response.EnsureSuccessAsync();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Every operation as ("GET /api/v1/me", operation).</summary>
    public static IEnumerable<(string Route, JsonObject Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(op => op.Key is "get" or "post" or "put" or "patch" or "delete")
            .Select(op => ($"{op.Key.ToUpperInvariant()} {path.Key}", op.Value!.AsObject())));
}

internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MesaServicios.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MesaServicios.sln not found above " + AppContext.BaseDirectory);
    }
}
