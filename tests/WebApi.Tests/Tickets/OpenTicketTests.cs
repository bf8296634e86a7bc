using System.Net;
using System.Net.Http.Json;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.WebApi.Tests.Tickets;

public sealed class OpenTicketTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public OpenTicketTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task Open_CopiesTheProfileSnapshot_PhoneOverridable_ObserversByIdOrEmail()
    {
        var requester = await _factory.CreateUserAsync(fullName: "Diana Díaz", department: "Registro académico", phone: "3110000000");
        var byId = await _factory.CreateUserAsync();
        var byEmail = await _factory.CreateUserAsync();

        var response = await requester.Client.PostAsJsonAsync("/api/v1/tickets", new
        {
            title = "No puedo entrar a la plataforma",
            description = "La plataforma académica dice que mi usuario no existe.",
            type = "Request",
            categoryId = 32,
            observers = new[] { byId.Id.ToString(), byEmail.Email.ToUpperInvariant() },
            contactPhone = "6017654321",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = await response.JsonAsync();
        Assert.Equal($"/api/v1/tickets/{ticket.GetProperty("id").GetInt32()}", response.Headers.Location?.OriginalString);
        Assert.Equal("Diana Díaz", ticket.GetProperty("requester").GetProperty("name").GetString());
        Assert.Equal("Registro académico", ticket.GetProperty("requesterDepartment").GetString());
        Assert.Equal("6017654321", ticket.GetProperty("requesterPhone").GetString());
        Assert.Equal("Medium", ticket.GetProperty("urgency").GetString());
        Assert.Equal("Cuentas y accesos › Plataforma académica", ticket.GetProperty("category").GetProperty("path").GetString());
        Assert.Equal(
            new[] { byId.Id, byEmail.Id }.Order(),
            ticket.GetProperty("observers").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).Order());

        var observed = await TicketApi.GetAsync(byEmail, ticket.GetProperty("id").GetInt32());
        Assert.Equal("New", observed.Status());
    }

    [Fact]
    public async Task Open_WithEveryFieldWrong_Returns400WithEachFieldInSpanish_AndCreatesNothing()
    {
        var requester = await _factory.CreateUserAsync();
        var before = await _factory.WithDbAsync(db => db.Tickets.CountAsync());

        var response = await requester.Client.PostAsJsonAsync("/api/v1/tickets", new
        {
            title = "abc",
            description = "corta",
            contactPhone = new string('9', 41),
            categoryId = 0,
        });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        Assert.Equal("El título debe tener entre 5 y 150 caracteres.", errors.GetProperty("title")[0].GetString());
        Assert.Equal("La descripción debe tener entre 10 y 10000 caracteres.", errors.GetProperty("description")[0].GetString());
        Assert.Equal("El tipo debe ser Incident (incidencia) o Request (requerimiento).", errors.GetProperty("type")[0].GetString());
        Assert.True(errors.TryGetProperty("contactPhone", out _));
        Assert.True(errors.TryGetProperty("categoryId", out _));
        Assert.Equal(before, await _factory.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    [Fact]
    public async Task Open_WithBadInput_InEnglish_WhenAsked()
    {
        var requester = await _factory.CreateUserAsync();
        requester.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var response = await requester.Client.PostAsJsonAsync("/api/v1/tickets", new { title = "abc", description = "Descripción suficiente", type = "Incident" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("The title must have between 5 and 150 characters.", problem.GetProperty("errors").GetProperty("title")[0].GetString());
    }

    [Fact]
    public async Task Open_WithUnknownObserverOrCategory_ReturnsFieldErrors_AndCreatesNothing()
    {
        var requester = await _factory.CreateUserAsync();
        var known = await _factory.CreateUserAsync();
        var before = await _factory.WithDbAsync(db => db.Tickets.CountAsync());

        var response = await requester.Client.PostAsJsonAsync("/api/v1/tickets", new
        {
            title = "Observadores desconocidos",
            description = "Un observador no existe en la mesa.",
            type = "Incident",
            observers = new[] { known.Email, "nadie@iescinoc.edu.co", Guid.NewGuid().ToString() },
        });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        Assert.False(errors.TryGetProperty("observers[0]", out _));
        Assert.Equal("No existe un usuario activo con ese identificador o correo.", errors.GetProperty("observers[1]")[0].GetString());
        Assert.True(errors.TryGetProperty("observers[2]", out _));

        var badCategory = await requester.Client.PostAsJsonAsync("/api/v1/tickets", new { title = "Categoría rara", description = "La categoría no existe.", type = "Incident", categoryId = 9999 });
        var categoryProblem = await badCategory.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(categoryProblem.GetProperty("errors").TryGetProperty("categoryId", out _));
        Assert.Equal(before, await _factory.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    [Fact]
    public async Task Open_WithUnknownEnumValue_Returns400NamingTheField()
    {
        var requester = await _factory.CreateUserAsync();

        var response = await requester.Client.PostAsJsonAsync("/api/v1/tickets", new { title = "Urgencia extraña", description = "La urgencia no existe.", type = "Incident", urgency = "Altisima" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("urgency", out _));
    }

    [Fact]
    public async Task Priority_FollowsTheConfiguredMatrix()
    {
        using var factory = new MesaApiFactory();
        for (var urgency = 0; urgency < 5; urgency++)
        {
            for (var impact = 0; impact < 5; impact++)
            {
                factory.With($"Tickets:PriorityMatrix:{urgency}:{impact}", urgency == 4 && impact == 2 ? "1" : "3");
            }
        }

        var requester = await factory.CreateUserAsync();

        var ticket = await TicketApi.OpenAsync(requester, urgency: "VeryHigh");

        Assert.Equal("VeryLow", ticket.GetProperty("priority").GetString());
    }

    [Fact]
    public async Task Open_MayReferenceOneOfMyTickets_ButNotSomeoneElses()
    {
        var requester = await _factory.CreateUserAsync();
        var other = await _factory.CreateUserAsync();
        var mine = await TicketApi.OpenIdAsync(requester, "Problema anterior");
        var theirs = await TicketApi.OpenIdAsync(other, "Problema ajeno");

        var ok = await requester.Client.PostAsJsonAsync("/api/v1/tickets", new { title = "Volvió a fallar", description = "El mismo problema del ticket anterior.", type = "Incident", referencesTicketId = mine });
        var refused = await requester.Client.PostAsJsonAsync("/api/v1/tickets", new { title = "Referencia ajena", description = "Intento referenciar un ticket ajeno.", type = "Incident", referencesTicketId = theirs });

        Assert.Equal(mine, (await (await ok.EnsureSuccessAsync()).JsonAsync()).GetProperty("referencesTicketId").GetInt32());
        var problem = await refused.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("El ticket referenciado no existe o no es tuyo.", problem.GetProperty("errors").GetProperty("referencesTicketId")[0].GetString());
    }
}
