using System.Net;
using System.Text.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;

namespace MesaServicios.WebApi.Tests.Users;

/// <summary>
/// A technician working from Swagger finds a colleague's id to assign a ticket, and a person by name or e-mail to open
/// a ticket for them, without the administrators' user list; requesters cannot read the directory.
/// </summary>
public sealed class DeskDirectoryTests : IClassFixture<MesaApiFactory>
{
    private static readonly string[] DeskFields = ["id", "fullName", "email", "department", "role"];

    private readonly MesaApiFactory _factory;

    public DeskDirectoryTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task Technicians_ListsActiveTechniciansAndAdministrators_ByName_WithOnlyTheDeskFields()
    {
        var technician = await _factory.CreateUserAsync(UserRole.Technician, fullName: "Beatriz Ocampo Soporte");
        var retired = await _factory.CreateUserAsync(UserRole.Technician, fullName: "Ramiro Retirado");
        await _factory.CreateUserAsync(UserRole.Requester, fullName: "Rosa Solicitante");
        var admin = await _factory.AdminAsync();
        (await admin.Client.PostAsync($"/api/v1/users/{retired.Id}/deactivate", null)).EnsureSuccessStatusCode();

        var list = await (await technician.Client.GetAsync("/api/v1/directory/technicians")).EnsureSuccessAsync();
        var people = (await list.JsonAsync()).EnumerateArray().ToList();

        Assert.Contains(people, p => p.GetProperty("id").GetGuid() == technician.Id);
        Assert.Contains(people, p => p.GetProperty("id").GetGuid() == admin.Id);
        Assert.DoesNotContain(people, p => p.GetProperty("id").GetGuid() == retired.Id);
        Assert.All(people, p => Assert.NotEqual("Requester", p.GetProperty("role").GetString()));
        var names = people.Select(p => p.GetProperty("fullName").GetString()!).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.All(people, p => Assert.Equal(DeskFields, p.EnumerateObject().Select(f => f.Name)));
    }

    [Fact]
    public async Task People_ByPartOfTheNameOrEmail_CaseInsensitive_ActiveOnly_BestMatchFirst()
    {
        var technician = await _factory.CreateUserAsync(UserRole.Technician);
        var laura = await _factory.CreateUserAsync(UserRole.Requester, email: "laura.gomez@iescinoc.edu.co", fullName: "Laura Gómez Restrepo");
        var paula = await _factory.CreateUserAsync(UserRole.Requester, email: "pmartinez@iescinoc.edu.co", fullName: "Paula Martínez de Laura");
        var gone = await _factory.CreateUserAsync(UserRole.Requester, email: "laura.antigua@iescinoc.edu.co", fullName: "Laura Antigua");
        var admin = await _factory.AdminAsync();
        (await admin.Client.PostAsync($"/api/v1/users/{gone.Id}/deactivate", null)).EnsureSuccessStatusCode();

        var byName = await FindAsync(technician, "LAURA");
        var byEmail = await FindAsync(technician, "pmartinez@");

        Assert.Equal([laura.Id, paula.Id], byName.Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal(paula.Id, Assert.Single(byEmail).GetProperty("id").GetGuid());
        Assert.Equal("laura.gomez@iescinoc.edu.co", byName[0].GetProperty("email").GetString());
        Assert.All(byName, p => Assert.Equal(DeskFields, p.EnumerateObject().Select(f => f.Name)));
    }

    [Fact]
    public async Task People_WithoutTwoLetters_Returns400WithTheFieldError_InSpanishAndEnglish()
    {
        var technician = await _factory.CreateUserAsync(UserRole.Technician);

        var spanish = await (await technician.Client.GetAsync("/api/v1/directory/people?search=a")).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        using var english = new HttpRequestMessage(HttpMethod.Get, "/api/v1/directory/people?limit=500");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var englishProblem = await (await technician.Client.SendAsync(english)).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal("Escribe al menos 2 letras del nombre o del correo.", spanish.GetProperty("errors").GetProperty("search")[0].GetString());
        Assert.Equal("Type at least 2 letters of the name or the e-mail address.", englishProblem.GetProperty("errors").GetProperty("search")[0].GetString());
        Assert.Equal("The limit must be between 1 and 50.", englishProblem.GetProperty("errors").GetProperty("limit")[0].GetString());
    }

    [Fact]
    public async Task Directory_IsRefusedToRequesters_403_AndToAnonymous_401()
    {
        var requester = await _factory.CreateUserAsync(UserRole.Requester);

        await (await requester.Client.GetAsync("/api/v1/directory/technicians")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await requester.Client.GetAsync("/api/v1/directory/people?search=admin")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.Anonymous().GetAsync("/api/v1/directory/technicians")).StatusCode);
    }

    [Fact]
    public async Task AssignToMe_TakesTheTicketWithoutAnId_AndOnlyForTheDesk()
    {
        var technician = await _factory.CreateUserAsync(UserRole.Technician);
        var requester = await _factory.CreateUserAsync(UserRole.Requester);
        var id = await TicketApi.OpenIdAsync(requester);

        var forbidden = await requester.Client.PostAsync($"/api/v1/tickets/{id}/assign-to-me", null);
        await forbidden.ProblemAsync(HttpStatusCode.Forbidden);
        var taken = await (await technician.Client.PostAsync($"/api/v1/tickets/{id}/assign-to-me", null)).EnsureSuccessAsync();
        var ticket = await taken.JsonAsync();
        var again = await _factory.CreateUserAsync(UserRole.Technician);
        var conflict = await again.Client.PostAsync($"/api/v1/tickets/{id}/assign-to-me", null);

        Assert.Equal(technician.Id, ticket.GetProperty("assignedTechnician").GetProperty("id").GetGuid());
        Assert.Equal("InProgress", ticket.Status());
        Assert.NotNull(taken.Headers.ETag);
        await conflict.ProblemAsync(HttpStatusCode.Conflict, "tickets.invalid_transition");
    }

    private static async Task<List<JsonElement>> FindAsync(TestUser user, string search)
    {
        var response = await user.Client.GetAsync($"/api/v1/directory/people?search={Uri.EscapeDataString(search)}");
        return (await (await response.EnsureSuccessAsync()).JsonAsync()).EnumerateArray().ToList();
    }
}
