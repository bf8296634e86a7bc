using System.Collections.Concurrent;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets;

/// <summary>The people of a ticket scenario, created once per test host.</summary>
internal sealed record TicketCast(TestUser RequesterA, TestUser RequesterB, TestUser Observer, TestUser Technician, TestUser Administrator, TestUser Other)
{
    private static readonly ConcurrentDictionary<MesaApiFactory, Lazy<Task<TicketCast>>> Casts = new();

    public static Task<TicketCast> For(MesaApiFactory factory) =>
        Casts.GetOrAdd(factory, f => new Lazy<Task<TicketCast>>(() => CreateAsync(f))).Value;

    private static async Task<TicketCast> CreateAsync(MesaApiFactory factory) => new(
        await factory.CreateUserAsync(fullName: "Ana Solicitante", department: "Biblioteca"),
        await factory.CreateUserAsync(fullName: "Beto Solicitante", department: "Tesorería"),
        await factory.CreateUserAsync(fullName: "Olga Observadora", department: "Biblioteca"),
        await factory.CreateUserAsync(UserRole.Technician, fullName: "Tomás Técnico"),
        await factory.AdminAsync(),
        await factory.CreateUserAsync(fullName: "Carla Compañera"));
}
