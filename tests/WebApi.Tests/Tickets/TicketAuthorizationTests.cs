using System.Net;
using System.Net.Http.Json;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets;

/// <summary>
/// Requester A (owner), requester B (stranger), observer, technician, administrator and anonymous × every ticket
/// route. A stranger probing a ticket gets 404, never 403; desk routes answer 403 to requesters.
/// </summary>
public sealed class TicketAuthorizationTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public TicketAuthorizationTests(MesaApiFactory factory) => _factory = factory;

    private enum Stage
    {
        New,
        InProgress,
        Solved,
    }

    private sealed record Route(Stage Stage, Func<TicketCast, HttpClient, int, Task<HttpResponseMessage>> Call, int[] Expected);

    // Expected status per role, in this order: requesterA, requesterB, observer, technician, administrator, anonymous.
    private static readonly Dictionary<string, Route> Routes = new()
    {
        ["GET ticket"] = new(Stage.New, (_, c, id) => c.GetAsync($"/api/v1/tickets/{id}"), [200, 404, 200, 200, 200, 401]),
        ["POST public follow-up"] = new(Stage.New, (_, c, id) => c.PostAsJsonAsync($"/api/v1/tickets/{id}/follow-ups", new { content = "Hola" }), [200, 404, 200, 200, 200, 401]),
        ["POST private follow-up"] = new(Stage.New, (_, c, id) => c.PostAsJsonAsync($"/api/v1/tickets/{id}/follow-ups", new { content = "Interna", isPrivate = true }), [403, 404, 403, 200, 200, 401]),
        ["POST observer"] = new(Stage.New, (cast, c, id) => c.PostAsJsonAsync($"/api/v1/tickets/{id}/observers", new { user = cast.Other.Email }), [200, 404, 403, 200, 200, 401]),
        ["DELETE observer"] = new(Stage.New, (cast, c, id) => c.DeleteAsync($"/api/v1/tickets/{id}/observers/{cast.Observer.Id}"), [200, 404, 403, 200, 200, 401]),
        ["POST approve"] = new(Stage.Solved, (_, c, id) => c.PostAsJsonAsync($"/api/v1/tickets/{id}/approve", new { comment = "Ok" }), [200, 404, 403, 403, 403, 401]),
        ["POST reject"] = new(Stage.Solved, (_, c, id) => c.PostAsJsonAsync($"/api/v1/tickets/{id}/reject", new { reason = "No" }), [200, 404, 403, 403, 403, 401]),
        ["POST assign"] = new(Stage.New, (cast, c, id) => c.PostAsJsonAsync($"/api/v1/tickets/{id}/assign", new { technicianId = cast.Technician.Id }), [403, 403, 403, 200, 200, 401]),
        ["POST reassign"] = new(Stage.InProgress, (cast, c, id) => c.PostAsJsonAsync($"/api/v1/tickets/{id}/reassign", new { technicianId = cast.Administrator.Id }), [403, 403, 403, 200, 200, 401]),
        ["POST unassign"] = new(Stage.InProgress, (_, c, id) => c.PostAsync($"/api/v1/tickets/{id}/unassign", null), [403, 403, 403, 200, 200, 401]),
        ["POST impact"] = new(Stage.New, (_, c, id) => c.PostAsJsonAsync($"/api/v1/tickets/{id}/impact", new { impact = "High" }), [403, 403, 403, 200, 200, 401]),
        ["POST category"] = new(Stage.New, (_, c, id) => c.PostAsJsonAsync($"/api/v1/tickets/{id}/category", new { categoryId = 2 }), [403, 403, 403, 200, 200, 401]),
        ["POST pending"] = new(Stage.InProgress, (_, c, id) => c.PostAsJsonAsync($"/api/v1/tickets/{id}/pending", new { reason = "Esperando" }), [403, 403, 403, 200, 200, 401]),
        ["POST solve"] = new(Stage.InProgress, (_, c, id) => c.PostAsJsonAsync($"/api/v1/tickets/{id}/solve", new { solution = "Hecho" }), [403, 403, 403, 200, 200, 401]),
        ["GET queue"] = new(Stage.New, (_, c, _) => c.GetAsync("/api/v1/tickets/queue"), [403, 403, 403, 200, 200, 401]),
        ["GET search"] = new(Stage.New, (_, c, _) => c.GetAsync("/api/v1/tickets?text=impresora"), [403, 403, 403, 200, 200, 401]),
        ["POST on-behalf"] = new(Stage.New, (cast, c, _) => c.PostAsJsonAsync("/api/v1/tickets/on-behalf", new
        {
            requesterId = cast.RequesterA.Id, title = "Llamada telefónica", description = "No tiene acceso a la plataforma académica.", type = "Request",
        }), [403, 403, 403, 201, 201, 401]),
        ["POST open"] = new(Stage.New, (_, c, _) => c.PostAsJsonAsync("/api/v1/tickets", new
        {
            title = "Otro problema", description = "El proyector del aula 3 no enciende.", type = "Incident",
        }), [201, 201, 201, 201, 201, 401]),
        ["GET my tickets"] = new(Stage.New, (_, c, _) => c.GetAsync("/api/v1/me/tickets"), [200, 200, 200, 200, 200, 401]),
    };

    private static readonly string[] Roles = ["requesterA", "requesterB", "observer", "technician", "administrator", "anonymous"];

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
        var cast = await TicketCast.For(_factory);
        var route = Routes[routeName];
        var id = await PrepareAsync(cast, route.Stage);
        var client = role switch
        {
            "requesterA" => cast.RequesterA.Client,
            "requesterB" => cast.RequesterB.Client,
            "observer" => cast.Observer.Client,
            "technician" => cast.Technician.Client,
            "administrator" => cast.Administrator.Client,
            _ => _factory.Anonymous(),
        };
        var expected = route.Expected[Array.IndexOf(Roles, role)];

        var response = await route.Call(cast, client, id);

        if (expected >= 400)
        {
            await response.ProblemAsync((HttpStatusCode)expected);
            var unchanged = await TicketApi.GetAsync(cast.Technician, id);
            Assert.Equal(route.Stage == Stage.New ? 1 : route.Stage == Stage.InProgress ? 2 : 3, unchanged.GetProperty("version").GetInt32());
        }
        else
        {
            Assert.True((int)response.StatusCode == expected, $"{routeName} as {role}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<int> PrepareAsync(TicketCast cast, Stage stage)
    {
        var id = await TicketApi.OpenIdAsync(cast.RequesterA, observers: [cast.Observer.Id.ToString()]);
        if (stage >= Stage.InProgress)
        {
            await TicketApi.ActAsync(cast.Technician, id, "assign", new { technicianId = cast.Technician.Id });
        }

        if (stage >= Stage.Solved)
        {
            await TicketApi.ActAsync(cast.Technician, id, "solve", new { solution = "Se reinició el equipo." });
        }

        return id;
    }
}
