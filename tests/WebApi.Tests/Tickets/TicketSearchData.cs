using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets;

/// <summary>Known tickets for the list tests (search, my tickets, queue), created once per test host.</summary>
internal static class TicketSearchData
{
    public sealed record Data(TestUser Ana, TestUser Beto, TestUser Observer, TestUser Tech, int[] Ids);

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<MesaApiFactory, Data> Seeded = new();

    /// <summary>
    /// Ana (Biblioteca): #1 Incident High "impresora", #2 Request Low "correo", #3 Incident VeryHigh "impresora" (assigned, impact High).
    /// Beto (Tesorería): #4 Request Medium "wifi" (observed by Olga), #5 Incident Medium "proyector", solved.
    /// </summary>
    public static async Task<Data> SeedAsync(MesaApiFactory factory)
    {
        await Gate.WaitAsync();
        try
        {
            if (Seeded.TryGetValue(factory, out var existing))
            {
                return existing;
            }

            var ana = await factory.CreateUserAsync(fullName: "Ana", department: "Biblioteca");
            var beto = await factory.CreateUserAsync(fullName: "Beto", department: "Tesorería");
            var olga = await factory.CreateUserAsync(fullName: "Olga");
            var tech = await factory.CreateUserAsync(UserRole.Technician);
            var ids = new List<int>
            {
                (await TicketApi.OpenAsync(ana, "La impresora no imprime", type: "Incident", urgency: "High")).GetProperty("id").GetInt32(),
                (await TicketApi.OpenAsync(ana, "Crear cuenta de correo", type: "Request", urgency: "Low", categoryId: 31)).GetProperty("id").GetInt32(),
                (await TicketApi.OpenAsync(ana, "Impresora a color atascada", type: "Incident", urgency: "VeryHigh")).GetProperty("id").GetInt32(),
                (await TicketApi.OpenAsync(beto, "Sin wifi en tesorería", "No hay señal de la red inalámbrica en la oficina.", "Request", observers: [olga.Email])).GetProperty("id").GetInt32(),
                (await TicketApi.OpenAsync(beto, "El proyector no enciende", type: "Incident")).GetProperty("id").GetInt32(),
            };
            await TicketApi.ActAsync(tech, ids[2], "assign", new { technicianId = tech.Id });
            await TicketApi.ActAsync(tech, ids[2], "impact", new { impact = "High" });
            await TicketApi.ActAsync(tech, ids[4], "assign", new { technicianId = tech.Id });
            await TicketApi.ActAsync(tech, ids[4], "solve", new { solution = "Se cambió la lámpara." });
            var data = new Data(ana, beto, olga, tech, [.. ids]);
            Seeded[factory] = data;
            return data;
        }
        finally
        {
            Gate.Release();
        }
    }
}
