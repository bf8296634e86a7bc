using System.Net.Http.Json;
using System.Text.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Reservations;

/// <summary>The real host with access tokens long enough for tests that move the fake clock by hours or days.</summary>
public sealed class ReservationsApiFactory : MesaApiFactory
{
    public ReservationsApiFactory()
    {
        With("Auth:AccessTokenMinutes", "100000");
    }
}

/// <summary>The people of a reservations scenario, created once per host.</summary>
internal sealed record ReservationCast(TestUser Ana, TestUser Beto, TestUser Technician, TestUser Administrator)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<MesaApiFactory, Lazy<Task<ReservationCast>>> Casts = new();

    public static Task<ReservationCast> For(MesaApiFactory factory) =>
        Casts.GetOrAdd(factory, f => new Lazy<Task<ReservationCast>>(async () => new ReservationCast(
            await f.CreateUserAsync(fullName: "Ana Docente", department: "Facultad de Ciencias"),
            await f.CreateUserAsync(fullName: "Beto Estudiante", department: "Ingeniería"),
            await f.CreateUserAsync(UserRole.Technician, fullName: "Tomás Técnico"),
            await f.AdminAsync()))).Value;
}

/// <summary>Small helpers to drive the equipment and reservations API in tests.</summary>
internal static class ReservationApi
{
    public const int Laptop = 1;
    public const int Projector = 2;

    private static int _codes;

    public static async Task<Guid> CreateItemAsync(TestUser admin, int materialTypeId = Laptop, string? code = null, string name = "Portátil Lenovo ThinkPad")
    {
        code ??= $"EQ-{Interlocked.Increment(ref _codes):D5}";
        var response = await admin.Client.PostAsJsonAsync("/api/v1/equipment", new { code, name, materialTypeId, location = "Oficina TIC" });
        return (await (await response.EnsureSuccessAsync()).JsonAsync()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> BookAsync(TestUser user, Guid itemId, DateTimeOffset start, DateTimeOffset end, string purpose = "Clase de física", Guid? holderId = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reservations")
        {
            Content = JsonContent.Create(new { itemId, start, end, purpose, holderId }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return user.Client.SendAsync(request);
    }

    public static async Task<JsonElement> BookOkAsync(TestUser user, Guid itemId, DateTimeOffset start, DateTimeOffset end, Guid? holderId = null) =>
        await (await (await BookAsync(user, itemId, start, end, holderId: holderId)).EnsureSuccessAsync()).JsonAsync();

    public static Task<HttpResponseMessage> PostAsync(TestUser user, Guid reservationId, string action, object? body = null, int? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/reservations/{reservationId}/{action}")
        {
            Content = JsonContent.Create(body ?? new { }),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{ifMatch}\"");
        }

        return user.Client.SendAsync(request);
    }

    public static async Task<JsonElement> ActAsync(TestUser user, Guid reservationId, string action, object? body = null) =>
        await (await (await PostAsync(user, reservationId, action, body)).EnsureSuccessAsync()).JsonAsync();

    public static async Task<JsonElement> GetAsync(TestUser user, Guid reservationId) =>
        await (await (await user.Client.GetAsync($"/api/v1/reservations/{reservationId}")).EnsureSuccessAsync()).JsonAsync();

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static string Status(this JsonElement reservation) => reservation.GetProperty("status").GetString()!;
}
