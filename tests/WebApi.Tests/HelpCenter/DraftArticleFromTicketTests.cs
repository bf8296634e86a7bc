using System.Net;
using System.Net.Http.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.HelpCenter;

/// <summary>The desk reuses a solved ticket's solution as a draft FAQ, without anybody's personal data.</summary>
public sealed class DraftArticleFromTicketTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public DraftArticleFromTicketTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task SolvedTicket_BecomesADraft_WithNamesEmailsAndPhonesLeftOut()
    {
        var requester = await _factory.CreateUserAsync(fullName: "Mariana Zuluaga Ríos", email: "mariana.zuluaga@iescinoc.edu.co", phone: "3104445566");
        var technician = await _factory.CreateUserAsync(UserRole.Technician, fullName: "Óscar Benavides");
        var id = await OpenAsync(requester,
            "La VPN no conecta desde casa",
            "Hola, soy Mariana Zuluaga (mariana.zuluaga@iescinoc.edu.co, cel. 310 444 5566). La VPN dice 'usuario no autorizado'.");
        await ActAsync(technician, id, "assign", new { technicianId = technician.Id });
        await ActAsync(technician, id, "solve", new { solution = "Óscar habilitó el grupo VPN para la cuenta de mariana; si persiste, escribir a oscar.b@iescinoc.edu.co o llamar al +57 601 555 1234." });

        var response = await technician.Client.PostAsJsonAsync("/api/v1/help/articles/from-ticket", new { ticketId = id });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var article = await response.JsonAsync();
        Assert.False(article.GetProperty("isPublished").GetBoolean());
        Assert.Equal("Solutions", article.GetProperty("category").GetString());
        Assert.Equal(id, article.GetProperty("source").GetProperty("sourceTicketId").GetInt32());
        Assert.Equal("Solución: La VPN no conecta desde casa", article.GetProperty("title").GetString());
        var body = article.GetProperty("source").GetProperty("bodyEs").GetString()!;
        foreach (var personal in new[] { "Mariana", "mariana", "Zuluaga", "Óscar", "iescinoc.edu.co", "310 444 5566", "555 1234" })
        {
            Assert.DoesNotContain(personal, body);
        }

        Assert.Contains("usuario no autorizado", body);
        Assert.Contains("habilitó el grupo VPN", body);
        Assert.Contains("[correo]", body);
        Assert.Contains("[teléfono]", body);
        Assert.Contains("[nombre]", body);

        // Drafted once: a second draft of the same ticket would be a duplicate.
        await (await technician.Client.PostAsJsonAsync("/api/v1/help/articles/from-ticket", new { ticketId = id })).ProblemAsync(HttpStatusCode.Conflict, "help.slug_taken");
    }

    [Fact]
    public async Task TicketNotSolved_Returns422_UnknownTicket404()
    {
        var requester = await _factory.CreateUserAsync();
        var technician = await _factory.CreateUserAsync(UserRole.Technician);
        var id = await OpenAsync(requester, "Impresora sin tóner", "La impresora del bloque C no tiene tóner.");

        await (await technician.Client.PostAsJsonAsync("/api/v1/help/articles/from-ticket", new { ticketId = id })).ProblemAsync(HttpStatusCode.UnprocessableEntity, "help.ticket_not_solved");
        await (await technician.Client.PostAsJsonAsync("/api/v1/help/articles/from-ticket", new { ticketId = 987654 })).ProblemAsync(HttpStatusCode.NotFound, "help.ticket_not_found");
        await (await technician.Client.PostAsJsonAsync("/api/v1/help/articles/from-ticket", new { ticketId = 0 })).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    private static async Task<int> OpenAsync(TestUser requester, string title, string description)
    {
        var response = await requester.Client.PostAsJsonAsync("/api/v1/tickets", new { title, description, type = "Incident" });
        return (await (await response.EnsureSuccessAsync()).JsonAsync()).GetProperty("id").GetInt32();
    }

    private static async Task ActAsync(TestUser user, int id, string action, object body) =>
        await (await user.Client.PostAsJsonAsync($"/api/v1/tickets/{id}/{action}", body)).EnsureSuccessAsync();
}
