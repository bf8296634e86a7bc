using System.Net;
using System.Net.Http.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Users;

public sealed class UserAdministrationTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public UserAdministrationTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task List_SearchesNameEmailAndDepartment_FiltersAndPagesWithTotal()
    {
        var admin = await _factory.AdminAsync();
        await _factory.CreateUserAsync(UserRole.Technician, email: "zoila.lista@iescinoc.edu.co", fullName: "Zoila Listado", department: "Biblioteca Central");
        await _factory.CreateUserAsync(UserRole.Requester, email: "alberto.lista@iescinoc.edu.co", fullName: "Alberto Listado", department: "Biblioteca Central");
        await _factory.CreateUserAsync(UserRole.Requester, email: "otro.lista@iescinoc.edu.co", fullName: "Otro Nombre", department: "Rectoría");

        var byDepartment = await (await (await admin.Client.GetAsync("/api/v1/users?search=biblioteca&sort=name")).EnsureSuccessAsync()).JsonAsync();
        Assert.Equal(2, byDepartment.GetProperty("total").GetInt32());
        Assert.Equal("Alberto Listado|Zoila Listado", string.Join('|', byDepartment.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("fullName").GetString())));

        var byNameDescending = await (await (await admin.Client.GetAsync("/api/v1/users?search=LISTADO&sort=-name")).EnsureSuccessAsync()).JsonAsync();
        Assert.Equal("Zoila Listado", byNameDescending.GetProperty("items")[0].GetProperty("fullName").GetString());

        var byEmail = await (await (await admin.Client.GetAsync("/api/v1/users?search=otro.lista")).EnsureSuccessAsync()).JsonAsync();
        Assert.Equal("otro.lista@iescinoc.edu.co", Assert.Single(byEmail.GetProperty("items").EnumerateArray()).GetProperty("email").GetString());

        var technicians = await (await (await admin.Client.GetAsync("/api/v1/users?search=lista&role=Technician&active=true")).EnsureSuccessAsync()).JsonAsync();
        Assert.Equal("zoila.lista@iescinoc.edu.co", Assert.Single(technicians.GetProperty("items").EnumerateArray()).GetProperty("email").GetString());

        var page = await (await (await admin.Client.GetAsync("/api/v1/users?search=lista&sort=email&page=2&pageSize=2")).EnsureSuccessAsync()).JsonAsync();
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal("zoila.lista@iescinoc.edu.co", Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("email").GetString());
    }

    [Fact]
    public async Task List_SortsByCreatedAt()
    {
        var admin = await _factory.AdminAsync();
        var first = await _factory.CreateUserAsync(fullName: "Orden Primero", department: "Orden");
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await _factory.CreateUserAsync(fullName: "Orden Segundo", department: "Orden");

        var newest = await (await (await admin.Client.GetAsync("/api/v1/users?search=orden&sort=-createdAt")).EnsureSuccessAsync()).JsonAsync();

        Assert.Equal($"{second.Id}|{first.Id}", string.Join('|', newest.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetString())));
    }

    [Theory]
    [InlineData("pageSize=101")]
    [InlineData("page=0")]
    [InlineData("sort=telefono")]
    public async Task List_WithBadPagingOrSort_Returns400(string query)
    {
        var admin = await _factory.AdminAsync();

        await (await admin.Client.GetAsync($"/api/v1/users?{query}")).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Get_ReturnsTheUser_Or404()
    {
        var admin = await _factory.AdminAsync();
        var user = await _factory.CreateUserAsync(UserRole.Technician);

        var profile = await (await (await admin.Client.GetAsync($"/api/v1/users/{user.Id}")).EnsureSuccessAsync()).JsonAsync();
        Assert.Equal(user.Email, profile.GetProperty("email").GetString());
        Assert.Equal("Technician", profile.GetProperty("role").GetString());

        await (await admin.Client.GetAsync($"/api/v1/users/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound, "users.not_found");
    }

    [Fact]
    public async Task Update_ChangesNameDepartmentPhoneAndLanguage()
    {
        var admin = await _factory.AdminAsync();
        var user = await _factory.CreateUserAsync();

        var response = await admin.Client.PutAsJsonAsync($"/api/v1/users/{user.Id}", new
        {
            fullName = "María José Pérez",
            department = "Registro y Control",
            phone = "6017654321",
            language = "en",
        });

        var profile = await (await response.EnsureSuccessAsync()).JsonAsync();
        Assert.Equal("María José Pérez", profile.GetProperty("fullName").GetString());
        Assert.Equal("Registro y Control", profile.GetProperty("department").GetString());
        Assert.Equal("6017654321", profile.GetProperty("phone").GetString());
        Assert.Equal("en", profile.GetProperty("language").GetString());
    }

    [Fact]
    public async Task Update_WithBadFields_ReturnsEveryFieldError()
    {
        var admin = await _factory.AdminAsync();
        var user = await _factory.CreateUserAsync();

        var response = await admin.Client.PutAsJsonAsync($"/api/v1/users/{user.Id}", new { fullName = "", language = "fr" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("fullName", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("language", out _));
    }

    [Fact]
    public async Task ChangeRole_PromotesAndEndsTheUsersSessions()
    {
        var admin = await _factory.AdminAsync();
        var user = await _factory.CreateUserAsync();

        var profile = await (await (await admin.Client.PostAsJsonAsync($"/api/v1/users/{user.Id}/role", new { role = "Technician" })).EnsureSuccessAsync()).JsonAsync();

        Assert.Equal("Technician", profile.GetProperty("role").GetString());
        await (await user.Client.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);
        var again = await _factory.SignInAsync(user.Email, MesaApiFactory.DefaultPassword);
        Assert.Equal(UserRole.Technician, again.Role);
    }

    [Fact]
    public async Task ChangeRole_WithUnknownRole_Returns400()
    {
        var admin = await _factory.AdminAsync();
        var user = await _factory.CreateUserAsync();

        var response = await admin.Client.PostAsJsonAsync($"/api/v1/users/{user.Id}/role", new { role = "Rector" });

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Deactivate_EndsSessionsAtOnce_AndBlocksSignIn_UntilReactivated()
    {
        var admin = await _factory.AdminAsync();
        var user = await _factory.CreateUserAsync(UserRole.Technician);

        var deactivated = await (await (await admin.Client.PostAsync($"/api/v1/users/{user.Id}/deactivate", null)).EnsureSuccessAsync()).JsonAsync();
        Assert.False(deactivated.GetProperty("isActive").GetBoolean());

        await (await user.Client.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized, "common.unauthorized");
        var refresh = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.RefreshToken });
        await refresh.ProblemAsync(HttpStatusCode.Unauthorized);
        var signIn = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = MesaApiFactory.DefaultPassword });
        await signIn.ProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");

        var reactivated = await (await (await admin.Client.PostAsync($"/api/v1/users/{user.Id}/reactivate", null)).EnsureSuccessAsync()).JsonAsync();
        Assert.True(reactivated.GetProperty("isActive").GetBoolean());
        var back = await _factory.SignInAsync(user.Email, MesaApiFactory.DefaultPassword);
        Assert.Equal(HttpStatusCode.OK, (await back.Client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task LastActiveAdministrator_CannotDeactivateOrDemoteHimself_Returns409()
    {
        var admin = await _factory.AdminAsync();

        await (await admin.Client.PostAsync($"/api/v1/users/{admin.Id}/deactivate", null)).ProblemAsync(HttpStatusCode.Conflict, "users.last_administrator");
        await (await admin.Client.PostAsJsonAsync($"/api/v1/users/{admin.Id}/role", new { role = "Technician" }))
            .ProblemAsync(HttpStatusCode.Conflict, "users.last_administrator");

        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task AnAdministrator_MayStepDown_WhenAnotherActiveAdministratorRemains()
    {
        var second = await _factory.CreateUserAsync(UserRole.Administrator);

        var response = await second.Client.PostAsJsonAsync($"/api/v1/users/{second.Id}/role", new { role = "Technician" });

        var profile = await (await response.EnsureSuccessAsync()).JsonAsync();
        Assert.Equal("Technician", profile.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Actions_OnAnUnknownUser_Return404()
    {
        var admin = await _factory.AdminAsync();
        var id = Guid.NewGuid();

        await (await admin.Client.PostAsync($"/api/v1/users/{id}/deactivate", null)).ProblemAsync(HttpStatusCode.NotFound, "users.not_found");
        await (await admin.Client.PostAsync($"/api/v1/users/{id}/reactivate", null)).ProblemAsync(HttpStatusCode.NotFound, "users.not_found");
        await (await admin.Client.PostAsJsonAsync($"/api/v1/users/{id}/role", new { role = "Technician" })).ProblemAsync(HttpStatusCode.NotFound, "users.not_found");
    }
}
