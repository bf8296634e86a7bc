using System.Net.Http.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Notifications;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.WebApi.Tests.Common;

/// <summary>
/// Users, technicians and opt-outs are cached in memory (<c>ReferenceCache</c>). A change made through the API must be
/// seen by the very next command, never a stale copy.
/// </summary>
public sealed class ReferenceCacheTests : IDisposable
{
    private readonly MesaApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task DeactivatedTechnician_HearsOfNoNewTicket_FromTheNextOneOn()
    {
        var requester = await _factory.CreateUserAsync();
        var staying = await _factory.CreateUserAsync(UserRole.Technician);
        var leaving = await _factory.CreateUserAsync(UserRole.Technician);
        var admin = await _factory.AdminAsync();

        var before = await TicketApi.OpenIdAsync(requester, "Antes de la baja");
        Assert.Contains(leaving.Id, await NotifiedAsync(before));

        await (await admin.Client.PostAsync($"/api/v1/users/{leaving.Id}/deactivate", null)).EnsureSuccessAsync();
        var after = await TicketApi.OpenIdAsync(requester, "Después de la baja");

        var notified = await NotifiedAsync(after);
        Assert.Contains(staying.Id, notified);
        Assert.DoesNotContain(leaving.Id, notified);
    }

    [Fact]
    public async Task PromotedRequester_HearsOfTheNextNewTicket()
    {
        var requester = await _factory.CreateUserAsync();
        var promoted = await _factory.CreateUserAsync();
        var admin = await _factory.AdminAsync();
        var before = await TicketApi.OpenIdAsync(requester, "Antes del ascenso");
        Assert.DoesNotContain(promoted.Id, await NotifiedAsync(before));

        await (await admin.Client.PostAsJsonAsync($"/api/v1/users/{promoted.Id}/role", new { role = "Technician" })).EnsureSuccessAsync();
        var after = await TicketApi.OpenIdAsync(requester, "Después del ascenso");

        Assert.Contains(promoted.Id, await NotifiedAsync(after));
    }

    [Fact]
    public async Task RenamedRequester_OpensHisNextTicketUnderTheNewName()
    {
        var requester = await _factory.CreateUserAsync(fullName: "Nombre Anterior");
        var first = await TicketApi.OpenIdAsync(requester, "Con el nombre anterior");

        await (await requester.Client.PutAsJsonAsync("/api/v1/me", new { fullName = "Nombre Nuevo", department = "Biblioteca", phone = "3009998877", language = "es" })).EnsureSuccessAsync();
        var second = await TicketApi.OpenIdAsync(requester, "Con el nombre nuevo");

        var names = await _factory.WithDbAsync(db => db.Tickets.Where(t => t.Id == first || t.Id == second)
            .OrderBy(t => t.Id).Select(t => new { t.RequesterName, t.RequesterDepartment }).ToListAsync());
        Assert.Equal("Nombre Anterior", names[0].RequesterName);
        Assert.Equal("Nombre Nuevo", names[1].RequesterName);
        Assert.Equal("Biblioteca", names[1].RequesterDepartment);
    }

    [Fact]
    public async Task EmailOptOut_TakesEffectOnTheNextNotice()
    {
        var requester = await _factory.CreateUserAsync();
        var technician = await _factory.CreateUserAsync(UserRole.Technician);
        var first = await TicketApi.OpenIdAsync(requester, "Antes de apagar el correo");
        Assert.Equal(1, await MailsToAsync(technician.Id, first));

        await (await technician.Client.PutAsJsonAsync("/api/v1/me/notification-preferences", new { items = new[] { new { kind = "ticket.created", email = false } } })).EnsureSuccessAsync();
        var second = await TicketApi.OpenIdAsync(requester, "Después de apagar el correo");

        Assert.Equal(0, await MailsToAsync(technician.Id, second));
        Assert.Contains(technician.Id, await NotifiedAsync(second));
    }

    private Task<List<Guid>> NotifiedAsync(int ticketId) =>
        _factory.WithDbAsync(async db => (await InAppAudience.SeenAsync(db)).Where(n => n.TicketId == ticketId).Select(n => n.UserId).ToList());

    /// <summary>Mails this person is an addressee of (a desk alert is one mail to every desk member of its language).</summary>
    private async Task<int> MailsToAsync(Guid userId, int ticketId) =>
        (await _factory.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(m => m.TicketId == ticketId).ToListAsync()))
            .Count(m => m.Addressees().Any(a => a.UserId == userId));
}
