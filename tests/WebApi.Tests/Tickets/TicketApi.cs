using System.Net.Http.Json;
using System.Text.Json;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets;

/// <summary>Small helpers to drive the tickets API in tests.</summary>
internal static class TicketApi
{
    public static async Task<JsonElement> OpenAsync(
        TestUser requester,
        string title = "La impresora no imprime",
        string description = "Desde esta mañana la impresora del bloque B muestra un error.",
        string type = "Incident",
        string? urgency = null,
        IReadOnlyList<string>? observers = null,
        int? categoryId = null)
    {
        var response = await requester.Client.PostAsJsonAsync("/api/v1/tickets", new { title, description, type, urgency, observers, categoryId });
        return await (await response.EnsureSuccessAsync()).JsonAsync();
    }

    public static async Task<int> OpenIdAsync(TestUser requester, string title = "La impresora no imprime", IReadOnlyList<string>? observers = null) =>
        (await OpenAsync(requester, title, observers: observers)).GetProperty("id").GetInt32();

    public static Task<HttpResponseMessage> PostAsync(TestUser user, int ticketId, string action, object? body = null, int? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tickets/{ticketId}/{action}")
        {
            Content = JsonContent.Create(body ?? new { }),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{ifMatch}\"");
        }

        return user.Client.SendAsync(request);
    }

    public static async Task<JsonElement> ActAsync(TestUser user, int ticketId, string action, object? body = null, int? ifMatch = null) =>
        await (await (await PostAsync(user, ticketId, action, body, ifMatch)).EnsureSuccessAsync()).JsonAsync();

    public static async Task<JsonElement> GetAsync(TestUser user, int ticketId) =>
        await (await (await user.Client.GetAsync($"/api/v1/tickets/{ticketId}")).EnsureSuccessAsync()).JsonAsync();

    public static string Status(this JsonElement ticket) => ticket.GetProperty("status").GetString()!;

    public static List<string> TimelineKinds(this JsonElement ticket) =>
        ticket.GetProperty("timeline").EnumerateArray().Select(i => i.GetProperty("kind").GetString()!).ToList();
}
