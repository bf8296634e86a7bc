using System.Net.Http.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace MesaServicios.WebApi.Tests.Reporting;

/// <summary>
/// A small desk whose figures are worked out by hand (the expected numbers are written in the tests). Times are
/// local to Bogotá (UTC−5); the clock is moved to each one before the ticket is opened through the API.
///
/// | # | opened (Bogotá)     | who          | type     | urgency  | category                 | title                                 | then                                   |
/// |---|---------------------|--------------|----------|----------|--------------------------|---------------------------------------|----------------------------------------|
/// | 1 | 2026-02-27 10:00    | Ana, portal  | Incident | High     | 3 Impresoras y escáneres | Impresora no imprime                  |                                        |
/// | 2 | 2026-02-28 23:30    | Ana, portal  | Incident | Medium   | —                        | Impresora atascada                    | (UTC: March 1st, 04:30)                |
/// | 3 | 2026-03-01 00:10    | Beto, portal | Request  | Low      | 31 Correo institucional  | Crear cuenta de correo                |                                        |
/// | 4 | 2026-03-04 09:00    | Ana, portal  | Incident | High     | 3 Impresoras y escáneres | La impresora no imprime               | Teo assigns 10:00, solves 03-05 10:00  |
/// | 5 | 2026-03-10 14:00    | Beto, portal | Incident | VeryHigh | 21 Wi-Fi                 | Sin wifi en tesorería                 | Teo assigns 15:00                      |
/// | 6 | 2026-03-16 08:00    | Ana, by Ula  | Request  | Medium   | —                        | IMPRESORA sin tóner                   | (source Phone)                         |
/// | 7 | 2026-03-31 23:30    | Beto, portal | Incident | Medium   | 3 Impresoras y escáneres | Equipo no enciende, ni la impresora   | (UTC: April 1st, 04:30)                |
/// | 8 | 2026-04-01 00:30    | Ana, portal  | Incident | Low      | —                        | Impresora sin toner                   |                                        |
///
/// Ana is in "Biblioteca", Beto in "Tesorería"; Teo and Ula are technicians. The reports are read on Monday 2026-04-06 at 12:00
/// (April 2nd and 3rd are holidays; March 23rd too). Default calendar (Mon–Fri 07:00–17:00) and targets.
/// </summary>
public sealed class ReportingData : IAsyncLifetime
{
    public static readonly TimeSpan Bogota = TimeSpan.FromHours(-5);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 2, 20, 12, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    public MesaApiFactory Factory { get; }

    public ReportingData()
    {
        Factory = new MesaApiFactory().WithServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public Guid TeoId { get; private set; }

    public Guid UlaId { get; private set; }

    public int[] Ids { get; private set; } = [];

    public TestUser Technician { get; private set; } = null!;

    public TestUser Admin { get; private set; } = null!;

    public TestUser Requester { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var ana = await Factory.CreateUserAsync(fullName: "Ana", department: "Biblioteca");
        var beto = await Factory.CreateUserAsync(fullName: "Beto", department: "Tesorería");
        var teo = await Factory.CreateUserAsync(UserRole.Technician, fullName: "Teo Técnico");
        var ula = await Factory.CreateUserAsync(UserRole.Technician, fullName: "Ula Técnica");
        TeoId = teo.Id;
        UlaId = ula.Id;
        var ids = new List<int>
        {
            await OpenAsync(ana, At(2026, 2, 27, 10, 0), "Impresora no imprime", "Incident", "High", 3),
            await OpenAsync(ana, At(2026, 2, 28, 23, 30), "Impresora atascada", "Incident", "Medium", null),
            await OpenAsync(beto, At(2026, 3, 1, 0, 10), "Crear cuenta de correo", "Request", "Low", 31),
            await OpenAsync(ana, At(2026, 3, 4, 9, 0), "La impresora no imprime", "Incident", "High", 3),
        };
        await ActAsync(teo, At(2026, 3, 4, 10, 0), ids[3], "assign", new { technicianId = teo.Id });
        await ActAsync(teo, At(2026, 3, 5, 10, 0), ids[3], "solve", new { solution = "Se reinstaló el controlador de la impresora." });
        ids.Add(await OpenAsync(beto, At(2026, 3, 10, 14, 0), "Sin wifi en tesorería", "Incident", "VeryHigh", 21));
        await ActAsync(teo, At(2026, 3, 10, 15, 0), ids[4], "assign", new { technicianId = teo.Id });

        MoveTo(At(2026, 3, 16, 8, 0));
        ula = await Factory.SignInAsync(ula.Email, MesaApiFactory.DefaultPassword);
        var onBehalf = await ula.Client.PostAsJsonAsync("/api/v1/tickets/on-behalf", new
        {
            requesterId = ana.Id,
            title = "IMPRESORA sin tóner",
            description = "Llamó a la mesa: la impresora de la biblioteca no tiene tóner.",
            type = "Request",
            urgency = "Medium",
        });
        ids.Add((await (await onBehalf.EnsureSuccessAsync()).JsonAsync()).GetProperty("id").GetInt32());
        ids.Add(await OpenAsync(beto, At(2026, 3, 31, 23, 30), "Equipo no enciende, ni la impresora", "Incident", "Medium", 3));
        ids.Add(await OpenAsync(ana, At(2026, 4, 1, 0, 30), "Impresora sin toner", "Incident", "Low", null));
        Ids = [.. ids];

        MoveTo(At(2026, 4, 6, 12, 0));
        Technician = await Factory.SignInAsync(teo.Email, MesaApiFactory.DefaultPassword);
        Admin = await Factory.AdminAsync();
        Requester = await Factory.SignInAsync(ana.Email, MesaApiFactory.DefaultPassword);
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A local Bogotá time as an instant.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, Bogota);

    private void MoveTo(DateTimeOffset instant) => Clock.SetUtcNow(instant);

    private async Task<int> OpenAsync(TestUser user, DateTimeOffset at, string title, string type, string urgency, int? categoryId)
    {
        MoveTo(at);
        var signedIn = await Factory.SignInAsync(user.Email, MesaApiFactory.DefaultPassword);
        var ticket = await TicketApi.OpenAsync(signedIn, title, "Descripción del problema para el reporte.", type, urgency, categoryId: categoryId);
        return ticket.GetProperty("id").GetInt32();
    }

    private async Task ActAsync(TestUser user, DateTimeOffset at, int id, string action, object body)
    {
        MoveTo(at);
        var signedIn = await Factory.SignInAsync(user.Email, MesaApiFactory.DefaultPassword);
        await TicketApi.ActAsync(signedIn, id, action, body);
    }
}
