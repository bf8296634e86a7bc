using System.Net;
using System.Net.Http.Json;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets;

public sealed class TicketCategoryTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public TicketCategoryTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task DefaultTree_IsSeededInSpanish_ForEveryone()
    {
        var requester = await _factory.CreateUserAsync();

        var categories = await (await (await requester.Client.GetAsync("/api/v1/ticket-categories")).EnsureSuccessAsync()).JsonAsync();
        var paths = categories.EnumerateArray().Select(c => c.GetProperty("path").GetString()).ToList();

        Assert.Contains("Hardware › Impresoras y escáneres", paths);
        Assert.Contains("Redes e internet › Wi-Fi", paths);
        Assert.Contains("Solicitudes › Préstamo de equipos", paths);
        Assert.True(paths.IndexOf("Hardware") < paths.IndexOf("Hardware › Equipo de cómputo"));
    }

    [Fact]
    public async Task Administrator_CreatesMovesAndDeactivates_NeverDeletes()
    {
        var admin = await _factory.AdminAsync();

        var created = await admin.Client.PostAsJsonAsync("/api/v1/ticket-categories", new { name = "Tabletas", parentId = 1 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var category = await created.JsonAsync();
        Assert.Equal("Hardware › Tabletas", category.GetProperty("path").GetString());
        var id = category.GetProperty("id").GetInt32();

        var duplicate = await admin.Client.PostAsJsonAsync("/api/v1/ticket-categories", new { name = "tabletas", parentId = 1 });
        await duplicate.ProblemAsync(HttpStatusCode.Conflict, "tickets.category_name_taken");

        var updated = await (await (await admin.Client.PutAsJsonAsync($"/api/v1/ticket-categories/{id}", new { name = "Tabletas", parentId = 1, isActive = false })).EnsureSuccessAsync()).JsonAsync();
        Assert.False(updated.GetProperty("isActive").GetBoolean());
        var visible = await (await admin.Client.GetAsync("/api/v1/ticket-categories")).JsonAsync();
        Assert.DoesNotContain(visible.EnumerateArray(), c => c.GetProperty("id").GetInt32() == id);
        var all = await (await admin.Client.GetAsync("/api/v1/ticket-categories?includeInactive=true")).JsonAsync();
        Assert.Contains(all.EnumerateArray(), c => c.GetProperty("id").GetInt32() == id);

        var requester = await _factory.CreateUserAsync();
        var useInactive = await requester.Client.PostAsJsonAsync("/api/v1/tickets", new { title = "Tableta dañada", description = "La tableta del préstamo no carga.", type = "Incident", categoryId = id });
        await useInactive.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Move_UnderItsOwnDescendant_Returns400()
    {
        var admin = await _factory.AdminAsync();

        var response = await admin.Client.PutAsJsonAsync("/api/v1/ticket-categories/1", new { name = "Hardware", parentId = 2, isActive = true });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("Una categoría no puede quedar dentro de sí misma.", problem.GetProperty("errors").GetProperty("parentId")[0].GetString());
    }

    [Fact]
    public async Task Technician_CannotManageCategories()
    {
        var technician = await _factory.CreateUserAsync(Domain.Users.UserRole.Technician);

        var response = await technician.Client.PostAsJsonAsync("/api/v1/ticket-categories", new { name = "Otra" });

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }
}
