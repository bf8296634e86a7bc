using System.Net;
using System.Net.Http.Json;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets;

/// <summary>Each kind of bad input on a ticket action: a problem response naming the field, in Spanish or English, and no change.</summary>
public sealed class TicketBadInputTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public TicketBadInputTests(MesaApiFactory factory) => _factory = factory;

    public static TheoryData<string, string, string, string?, string> Cases() => new()
    {
        { "solve", """{ "solution": "" }""", "solution", null, "Describe la solución (máximo 10.000 caracteres)." },
        { "solve", """{ "solution": "" }""", "solution", "en", "Describe the solution (at most 10,000 characters)." },
        { "pending", """{ "reason": "   " }""", "reason", null, "Indica el motivo de la espera (máximo 10.000 caracteres)." },
        { "pending", "{}", "reason", "en", "Give the reason for waiting (at most 10,000 characters)." },
        { "follow-ups", """{ "content": "" }""", "content", null, "El seguimiento no puede estar vacío (máximo 10.000 caracteres)." },
        { "impact", "{}", "impact", null, "El impacto debe ser VeryLow, Low, Medium, High o VeryHigh." },
        { "impact", """{ "impact": "Enorme" }""", "impact", null, "El valor no es válido o no tiene el formato esperado." },
        { "assign", """{ "technicianId": "00000000-0000-0000-0000-000000000000" }""", "technicianId", "en", "Give the technician." },
        { "observers", """{ "user": "" }""", "user", null, "Indica el usuario (id o correo) del observador." },
        { "category", """{ "categoryId": 0 }""", "categoryId", "en", "The category does not exist or is inactive." },
        { "category", """{ "categoryId": 4242 }""", "categoryId", null, "La categoría no existe o está inactiva." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Action_WithBadInput_Returns400WithTheFieldError_AndNothingChanges(string action, string body, string field, string? language, string message)
    {
        var cast = await TicketCast.For(_factory);
        var id = await TicketApi.OpenIdAsync(cast.RequesterA);
        if (action is "solve" or "pending")
        {
            await TicketApi.ActAsync(cast.Technician, id, "assign", new { technicianId = cast.Technician.Id });
        }

        var before = await TicketApi.GetAsync(cast.Technician, id);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tickets/{id}/{action}")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        var response = await cast.Technician.Client.SendAsync(request);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        var after = await TicketApi.GetAsync(cast.Technician, id);
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
        Assert.Equal(before.GetProperty("timeline").GetArrayLength(), after.GetProperty("timeline").GetArrayLength());
    }

    [Fact]
    public async Task MyTickets_WithTooBigAPage_Returns400()
    {
        var cast = await TicketCast.For(_factory);

        var response = await cast.RequesterA.Client.GetAsync("/api/v1/me/tickets?pageSize=500");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("El tamaño de página debe estar entre 1 y 100.", problem.GetProperty("errors").GetProperty("pageSize")[0].GetString());
    }

    [Fact]
    public async Task IfMatch_Unreadable_Returns412()
    {
        var cast = await TicketCast.For(_factory);
        var id = await TicketApi.OpenIdAsync(cast.RequesterA);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tickets/{id}/impact") { Content = JsonContent.Create(new { impact = "High" }) };
        request.Headers.TryAddWithoutValidation("If-Match", "\"abc\"");

        var response = await cast.Technician.Client.SendAsync(request);

        await response.ProblemAsync(HttpStatusCode.PreconditionFailed, "common.precondition_failed");
    }
}
