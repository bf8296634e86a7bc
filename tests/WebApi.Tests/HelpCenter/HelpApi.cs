using System.Net.Http.Json;
using System.Text.Json;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.HelpCenter;

/// <summary>Small helpers to drive the help centre's API in tests.</summary>
internal static class HelpApi
{
    public static object Faq(string titleEs = "¿Cómo conecto el proyector?", string bodyEs = "Usa el cable **HDMI** de la mesa.", string category = "Equipment", string? slug = null, string[]? tags = null) =>
        new { slug, kind = "Faq", category, tags = tags ?? ["proyector"], order = 1, titleEs, bodyEs };

    public static async Task<JsonElement> CreateAsync(TestUser author, object body)
    {
        var response = await author.Client.PostAsJsonAsync("/api/v1/help/articles", body);
        return await (await response.EnsureSuccessAsync()).JsonAsync();
    }

    public static async Task<JsonElement> PublishAsync(TestUser author, int id) =>
        await (await (await author.Client.PostAsync($"/api/v1/help/articles/{id}/publish", null)).EnsureSuccessAsync()).JsonAsync();

    public static async Task<JsonElement> SearchAsync(HttpClient client, string q) =>
        await (await (await client.GetAsync($"/api/v1/help/search?q={Uri.EscapeDataString(q)}")).EnsureSuccessAsync()).JsonAsync();

    public static List<string> Slugs(this JsonElement results) =>
        results.EnumerateArray().Select(r => r.GetProperty("article").GetProperty("slug").GetString()!).ToList();

    public static int Id(this JsonElement article) => article.GetProperty("id").GetInt32();
}
