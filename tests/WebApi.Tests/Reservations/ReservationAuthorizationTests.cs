using System.Net;
using System.Net.Http.Json;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Reservations;

/// <summary>
/// The holder, another person, a technician, an administrator and anonymous × every reservations and equipment route.
/// Another person's reservation is 404 (never 403); desk routes answer 403 to requesters; the catalogue is the
/// administrators'; maintenance and hand-over are the desk's.
/// </summary>
public sealed class ReservationAuthorizationTests : IClassFixture<ReservationsApiFactory>
{
    private readonly ReservationsApiFactory _factory;

    public ReservationAuthorizationTests(ReservationsApiFactory factory) => _factory = factory;

    private enum Stage
    {
        Reserved,
        CheckedOut,
    }

    private sealed record Route(Stage Stage, Func<ReservationCast, HttpClient, Guid, Guid, Task<HttpResponseMessage>> Call, int[] Expected);

    // Expected status per role, in this order: holder, other, technician, administrator, anonymous.
    private static readonly Dictionary<string, Route> Routes = new()
    {
        ["GET reservation"] = new(Stage.Reserved, (_, c, id, _) => c.GetAsync($"/api/v1/reservations/{id}"), [200, 404, 200, 200, 401]),
        ["POST cancel"] = new(Stage.Reserved, (_, c, id, _) => c.PostAsJsonAsync($"/api/v1/reservations/{id}/cancel", new { reason = "Ya no se necesita" }), [200, 404, 200, 200, 401]),
        ["POST check-out"] = new(Stage.Reserved, (_, c, id, _) => c.PostAsync($"/api/v1/reservations/{id}/check-out", null), [403, 403, 200, 200, 401]),
        ["POST check-in"] = new(Stage.CheckedOut, (_, c, id, _) => c.PostAsJsonAsync($"/api/v1/reservations/{id}/check-in", new { condition = "Good" }), [403, 403, 200, 200, 401]),
        ["GET search"] = new(Stage.Reserved, (_, c, _, item) => c.GetAsync($"/api/v1/reservations?itemId={item}"), [403, 403, 200, 200, 401]),
        ["GET desk day"] = new(Stage.Reserved, (_, c, _, _) => c.GetAsync("/api/v1/reservations/desk-day"), [403, 403, 200, 200, 401]),
        ["GET my reservations"] = new(Stage.Reserved, (_, c, _, _) => c.GetAsync("/api/v1/me/reservations"), [200, 200, 200, 200, 401]),
        ["GET my equipment"] = new(Stage.Reserved, (_, c, _, _) => c.GetAsync("/api/v1/me/equipment"), [200, 200, 200, 200, 401]),
        ["GET availability"] = new(Stage.Reserved, (_, c, _, _) => c.GetAsync("/api/v1/equipment/availability?start=2026-03-20T14:00:00Z&end=2026-03-20T16:00:00Z"), [200, 200, 200, 200, 401]),
        ["GET calendar"] = new(Stage.Reserved, (_, c, _, item) => c.GetAsync($"/api/v1/equipment/{item}/calendar"), [200, 200, 200, 200, 401]),
        ["GET catalogue"] = new(Stage.Reserved, (_, c, _, _) => c.GetAsync("/api/v1/equipment"), [200, 200, 200, 200, 401]),
        ["POST item"] = new(Stage.Reserved, (_, c, _, _) => c.PostAsJsonAsync("/api/v1/equipment", new { code = $"AUTH-{Guid.NewGuid():N}"[..20], name = "Cámara Canon", materialTypeId = 3 }), [403, 403, 403, 201, 401]),
        ["PUT item"] = new(Stage.Reserved, (_, c, _, item) => c.PutAsJsonAsync($"/api/v1/equipment/{item}", new { code = $"AUTH-{Guid.NewGuid():N}"[..20], name = "Renombrado", materialTypeId = 1 }), [403, 403, 403, 200, 401]),
        ["POST retire"] = new(Stage.Reserved, (_, c, _, item) => c.PostAsync($"/api/v1/equipment/{item}/retire", null), [403, 403, 403, 200, 401]),
        ["POST maintenance"] = new(Stage.Reserved, (_, c, _, item) => c.PostAsJsonAsync($"/api/v1/equipment/{item}/maintenance", new { reason = "Revisión" }), [403, 403, 200, 200, 401]),
        ["POST material type"] = new(Stage.Reserved, (_, c, _, _) => c.PostAsJsonAsync("/api/v1/material-types", new { name = $"Tipo {Guid.NewGuid():N}"[..20] }), [403, 403, 403, 201, 401]),
        ["POST booking"] = new(Stage.Reserved, (_, c, _, item) => c.PostAsJsonAsync("/api/v1/reservations", new
        {
            itemId = item, start = new DateTimeOffset(2026, 3, 20, 14, 0, 0, TimeSpan.Zero), end = new DateTimeOffset(2026, 3, 20, 15, 0, 0, TimeSpan.Zero), purpose = "Taller",
        }), [201, 409, 409, 409, 401]),
    };

    private static readonly string[] Roles = ["holder", "other", "technician", "administrator", "anonymous"];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in Routes.Keys)
        {
            foreach (var role in Roles)
            {
                data.Add(route, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Route_ByRole_AnswersAsTheMatrixSays(string routeName, string role)
    {
        var cast = await ReservationCast.For(_factory);
        var route = Routes[routeName];
        var (reservation, item) = await PrepareAsync(cast, route.Stage, routeName == "POST booking" && role != "holder");
        var client = role switch
        {
            "holder" => cast.Ana.Client,
            "other" => cast.Beto.Client,
            "technician" => cast.Technician.Client,
            "administrator" => cast.Administrator.Client,
            _ => _factory.Anonymous(),
        };
        var expected = route.Expected[Array.IndexOf(Roles, role)];

        var response = await route.Call(cast, client, reservation, item);

        Assert.True((int)response.StatusCode == expected, $"{routeName} as {role}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        if (expected >= 400)
        {
            await response.ProblemAsync((HttpStatusCode)expected);
            var unchanged = await ReservationApi.GetAsync(cast.Technician, reservation);
            Assert.Equal(route.Stage == Stage.Reserved ? 1 : 2, unchanged.GetProperty("version").GetInt32());
            var equipment = await (await cast.Technician.Client.GetAsync($"/api/v1/equipment/{item}")).JsonAsync();
            Assert.Equal(1, equipment.GetProperty("version").GetInt32());
        }
    }

    [Fact]
    public async Task ThePublicCalendar_ShowsTakenWindows_ButNotWhoseTheyAre()
    {
        var cast = await ReservationCast.For(_factory);
        var (reservation, item) = await PrepareAsync(cast, Stage.Reserved);

        var forOther = await (await (await cast.Beto.Client.GetAsync($"/api/v1/equipment/{item}/calendar")).EnsureSuccessAsync()).JsonAsync();
        var forHolder = await (await cast.Ana.Client.GetAsync($"/api/v1/equipment/{item}/calendar")).JsonAsync();
        var forDesk = await (await cast.Technician.Client.GetAsync($"/api/v1/equipment/{item}/calendar")).JsonAsync();

        var hidden = Assert.Single(forOther.GetProperty("busy").EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, hidden.GetProperty("holderId").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, hidden.GetProperty("reservationId").ValueKind);
        Assert.False(hidden.GetProperty("mine").GetBoolean());
        Assert.DoesNotContain(cast.Ana.Id.ToString(), await (await cast.Beto.Client.GetAsync($"/api/v1/equipment/{item}/calendar")).Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.True(Assert.Single(forHolder.GetProperty("busy").EnumerateArray()).GetProperty("mine").GetBoolean());
        Assert.Equal(cast.Ana.Id, Assert.Single(forDesk.GetProperty("busy").EnumerateArray()).GetProperty("holderId").GetGuid());
        Assert.Equal(reservation, forDesk.GetProperty("busy")[0].GetProperty("reservationId").GetGuid());
    }

    [Fact]
    public async Task MyReservations_ListOnlyMine()
    {
        var cast = await ReservationCast.For(_factory);
        var (anas, _) = await PrepareAsync(cast, Stage.Reserved);

        var betos = await (await (await cast.Beto.Client.GetAsync("/api/v1/me/reservations?pageSize=100")).EnsureSuccessAsync()).JsonAsync();
        var anaList = await (await cast.Ana.Client.GetAsync("/api/v1/me/reservations?pageSize=100")).JsonAsync();

        Assert.DoesNotContain(betos.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == anas);
        Assert.Contains(anaList.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == anas);
        Assert.All(anaList.GetProperty("items").EnumerateArray(), r => Assert.Equal(cast.Ana.Id, r.GetProperty("holderId").GetGuid()));
    }

    [Fact]
    public async Task ARequester_CannotBookForSomeoneElse()
    {
        var cast = await ReservationCast.For(_factory);
        var item = await ReservationApi.CreateItemAsync(cast.Administrator);
        var start = _factory.Clock.GetUtcNow().AddDays(1);

        await (await ReservationApi.BookAsync(cast.Beto, item, start, start.AddHours(1), holderId: cast.Ana.Id)).ProblemAsync(HttpStatusCode.Forbidden, "reservations.action_forbidden");
        var forAna = await ReservationApi.BookOkAsync(cast.Technician, item, start, start.AddHours(1), holderId: cast.Ana.Id);
        Assert.Equal(cast.Ana.Id, forAna.GetProperty("holder").GetProperty("id").GetGuid());
        Assert.Equal(200, (int)(await cast.Ana.Client.GetAsync($"/api/v1/reservations/{forAna.Id()}")).StatusCode);
    }

    /// <summary>Ana's reservation of a fresh item starting in 10 minutes (so it can be handed over now), in the given stage.</summary>
    private async Task<(Guid Reservation, Guid Item)> PrepareAsync(ReservationCast cast, Stage stage, bool takeTheBookingSlot = false)
    {
        var item = await ReservationApi.CreateItemAsync(cast.Administrator);
        var now = _factory.Clock.GetUtcNow();
        var reservation = await ReservationApi.BookOkAsync(cast.Ana, item, now.AddMinutes(10), now.AddHours(2));
        if (stage == Stage.CheckedOut)
        {
            await ReservationApi.ActAsync(cast.Technician, reservation.Id(), "check-out");
        }

        if (takeTheBookingSlot)
        {
            // The booking route's slot is already Ana's: everyone else gets the overlap, proving they reached the rule.
            await ReservationApi.BookOkAsync(cast.Ana, item, new DateTimeOffset(2026, 3, 20, 14, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 20, 15, 0, 0, TimeSpan.Zero));
        }

        return (reservation.Id(), item);
    }
}
