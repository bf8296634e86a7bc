using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Hardening;

public sealed class AuditLogTests : IDisposable
{
    private readonly MesaApiFactory _factory = new MesaApiFactory().WithServices(services =>
        services.AddSingleton<IStartupFilter>(new ClientAddressFilter()));

    public void Dispose() => _factory.Dispose();

    /// <summary>The test server has no network peer: requests come from 10.0.0.7 here.</summary>
    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.7");
                return nextMiddleware(http);
            });
            next(app);
        };
    }

    [Fact]
    public async Task SignInsRoleChangesDeactivationsPasswordsAndTicketTransitions_AreAudited_AndAdministratorsFilterThem()
    {
        var admin = await _factory.AdminAsync();
        var requester = await _factory.CreateUserAsync();
        var technician = await _factory.CreateUserAsync(UserRole.Technician);
        await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = requester.Email, password = "equivocada-1" });
        (await admin.Client.PostAsJsonAsync($"/api/v1/users/{technician.Id}/role", new { role = "Administrator" })).EnsureSuccessStatusCode();
        (await admin.Client.PostAsync($"/api/v1/users/{technician.Id}/deactivate", null)).EnsureSuccessStatusCode();
        (await requester.Client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = MesaApiFactory.DefaultPassword, newPassword = "Otra-Clave-Segura-88" })).EnsureSuccessStatusCode();
        var ticketId = await TicketApi.OpenIdAsync(requester);

        var failed = await Entries(admin, $"?action=auth.sign_in_failed&subject={requester.Email}");
        var entry = Assert.Single(failed);
        Assert.Equal("10.0.0.7", entry.GetProperty("clientAddress").GetString());
        Assert.NotEmpty(await Entries(admin, $"?action=auth.signed_in&subject={requester.Email}"));
        Assert.Equal("Technician → Administrator", Assert.Single(await Entries(admin, $"?action=users.role_changed&subject={technician.Email}")).GetProperty("details").GetString());
        Assert.Single(await Entries(admin, $"?action=users.deactivated&subject={technician.Email}"));
        Assert.Equal(requester.Id, Assert.Single(await Entries(admin, $"?action=users.password_changed&subject={requester.Email}")).GetProperty("actorId").GetGuid());
        Assert.Single(await Entries(admin, $"?action=tickets.&subject=ticket:{ticketId}"));
    }

    [Fact]
    public async Task TheLog_IsForAdministratorsOnly()
    {
        var technician = await _factory.CreateUserAsync(UserRole.Technician);

        Assert.Equal(HttpStatusCode.Forbidden, (await technician.Client.GetAsync("/api/v1/admin/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await technician.Client.GetAsync("/api/v1/admin/audit/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.Anonymous().GetAsync("/api/v1/admin/audit")).StatusCode);
    }

    [Fact]
    public async Task TheCsvExport_StartsWithABom_AndDefusesFormulas()
    {
        var admin = await _factory.AdminAsync();
        await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = "=cmd@iescinoc.edu.co", password = "x-clave-larga" });

        var response = await admin.Client.GetAsync("/api/v1/admin/audit/export?action=auth.sign_in_failed");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("occurredAt,action,actorId,subject,clientAddress,details", text, StringComparison.Ordinal);
        Assert.Contains(",'=cmd@iescinoc.edu.co,", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDatabase_RefusesToChangeOrDeleteEntries()
    {
        await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = "alguien@iescinoc.edu.co", password = "x-clave-larga" });
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_factory.DataDirectory, "mesa.db")};Pooling=False");
        await connection.OpenAsync();

        foreach (var sql in new[] { "UPDATE AuditEntries SET Action = 'nada'", "DELETE FROM AuditEntries" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var refused = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        }
    }

    private static async Task<List<JsonElement>> Entries(TestUser admin, string query)
    {
        var page = await (await (await admin.Client.GetAsync("/api/v1/admin/audit" + query)).EnsureSuccessAsync()).JsonAsync();
        return page.GetProperty("items").EnumerateArray().ToList();
    }
}
