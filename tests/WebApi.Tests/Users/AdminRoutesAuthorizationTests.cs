using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Users;

public sealed class AdminRoutesAuthorizationTests : IClassFixture<MesaApiFactory>
{
    private const string SomeId = "0191f3a0-0000-7000-8000-000000000001";

    private readonly MesaApiFactory _factory;

    public AdminRoutesAuthorizationTests(MesaApiFactory factory) => _factory = factory;

    public static TheoryData<string, string> AdminRoutes => new()
    {
        { "GET", "/api/v1/users" },
        { "POST", "/api/v1/users" },
        { "POST", "/api/v1/users/import" },
        { "GET", $"/api/v1/users/{SomeId}" },
        { "PUT", $"/api/v1/users/{SomeId}" },
        { "POST", $"/api/v1/users/{SomeId}/role" },
        { "POST", $"/api/v1/users/{SomeId}/deactivate" },
        { "POST", $"/api/v1/users/{SomeId}/reactivate" },
    };

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task AdminRoute_Anonymous_Returns401(string method, string path)
    {
        var response = await _factory.Anonymous().SendAsync(Request(method, path));

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "common.unauthorized");
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task AdminRoute_Requester_Returns403(string method, string path)
    {
        var requester = await _factory.CreateUserAsync(UserRole.Requester);

        var response = await requester.Client.SendAsync(Request(method, path));

        await response.ProblemAsync(HttpStatusCode.Forbidden, "common.forbidden");
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task AdminRoute_Technician_Returns403(string method, string path)
    {
        var technician = await _factory.CreateUserAsync(UserRole.Technician);

        var response = await technician.Client.SendAsync(Request(method, path));

        await response.ProblemAsync(HttpStatusCode.Forbidden, "common.forbidden");
    }

    [Fact]
    public void TheRouteList_CoversEveryAdministrationEndpoint()
    {
        var endpoints = _factory.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/users", StringComparison.Ordinal) == true)
            .Select(e => $"{e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()!.HttpMethods.Single()} {e.RoutePattern.RawText!.TrimEnd('/').Replace("{id:guid}", SomeId, StringComparison.Ordinal)}")
            .OrderBy(r => r)
            .ToList();
        var listed = AdminRoutes.Select(r => $"{r[0]} {r[1]}").OrderBy(r => r).ToList();

        Assert.Equal(listed, endpoints);
    }

    /// <summary>A well-formed request of the kind each route takes, so only authorization can refuse it.</summary>
    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method == "GET" ? null
            : path.EndsWith("/import", StringComparison.Ordinal)
                ? new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("email,name\n")), "file", "usuarios.csv" } }
                : new StringContent("{}", Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
    };
}
