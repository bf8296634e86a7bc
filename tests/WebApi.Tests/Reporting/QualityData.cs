using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace MesaServicios.WebApi.Tests.Reporting;

/// <summary>
/// Solutions proposed, rejected and approved, worked out by hand (local Bogotá times, UTC−5; the clock is moved to each
/// one before the action is taken through the API). Ana (Biblioteca) and Beto (Tesorería) ask; Teo and Ula solve.
///
/// | # | opened          | by   | category                 | then                                                                                                       |
/// |---|-----------------|------|--------------------------|------------------------------------------------------------------------------------------------------------|
/// | 1 | 02-26 09:00     | Ana  | 3 Impresoras y escáneres | Teo solves 02-27 10:00; Ana rejects 03-02 09:00 "Sigue sin imprimir"; Teo solves 03-03 10:00; Ana approves |
/// | 2 | 03-02 08:00     | Beto | 31 Correo institucional  | Ula solves 03-04 09:00; Beto rejects 03-04 10:00 "No llegan los correos"; Ula solves 03-05 09:00;           |
/// |   |                 |      |                          | Beto rejects 03-31 23:30 (UTC April 1st 04:30) "Aún falla"; Ula solves 04-01 09:00                          |
/// | 3 | 03-10 08:00     | Ana  | 21 Wi-Fi                 | Teo solves 03-10 09:00 (no answer yet)                                                                     |
/// | 4 | 03-11 08:00     | Beto | 3 Impresoras y escáneres | Teo solves 03-12 09:00; Beto approves 03-12 10:00                                                          |
///
/// March: solutions proposed 5 (Teo 3: #1 again, #3, #4, none rejected; Ula 2: both rejected) → 40 %. February: 1 proposed
/// (#1), rejected → 100 %. Reopened in March: #1 once (Teo), #2 twice (Ula) → 2 tickets, 3 reopenings.
/// The reports are read on 2026-04-06 at 12:00.
/// </summary>
public sealed class QualityData : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 2, 20, 12, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    public MesaApiFactory Factory { get; }

    public QualityData()
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

        // In the order things happened (the clock only moves forward).
        var first = await OpenAsync(ana, At(2, 26, 9, 0), "Impresora no imprime", 3);
        await ActAsync(teo, At(2, 26, 9, 30), first, "assign", new { technicianId = teo.Id });
        await ActAsync(teo, At(2, 27, 10, 0), first, "solve", new { solution = "Se reinstaló el controlador." });
        var second = await OpenAsync(beto, At(3, 2, 8, 0), "No recibo correos", 31);
        await ActAsync(ula, At(3, 2, 8, 30), second, "assign", new { technicianId = ula.Id });
        await ActAsync(ana, At(3, 2, 9, 0), first, "reject", new { reason = "Sigue sin imprimir" });
        await ActAsync(teo, At(3, 3, 10, 0), first, "solve", new { solution = "Se cambió el cable de red." });
        await ActAsync(ana, At(3, 3, 11, 0), first, "approve", new { comment = "Gracias" });
        await ActAsync(ula, At(3, 4, 9, 0), second, "solve", new { solution = "Se liberó espacio del buzón." });
        await ActAsync(beto, At(3, 4, 10, 0), second, "reject", new { reason = "No llegan los correos" });
        await ActAsync(ula, At(3, 5, 9, 0), second, "solve", new { solution = "Se quitó la regla de reenvío." });
        var third = await OpenAsync(ana, At(3, 10, 8, 0), "Sin wifi en la sala", 21);
        await ActAsync(teo, At(3, 10, 8, 30), third, "assign", new { technicianId = teo.Id });
        await ActAsync(teo, At(3, 10, 9, 0), third, "solve", new { solution = "Se reinició el punto de acceso." });
        var fourth = await OpenAsync(beto, At(3, 11, 8, 0), "Impresora atascada", 3);
        await ActAsync(teo, At(3, 11, 8, 30), fourth, "assign", new { technicianId = teo.Id });
        await ActAsync(teo, At(3, 12, 9, 0), fourth, "solve", new { solution = "Se retiró el papel atascado." });
        await ActAsync(beto, At(3, 12, 10, 0), fourth, "approve", new { comment = (string?)null });
        await ActAsync(beto, At(3, 31, 23, 30), second, "reject", new { reason = "Aún falla" });
        await ActAsync(ula, At(4, 1, 9, 0), second, "solve", new { solution = "Se recreó el buzón." });
        Ids = [first, second, third, fourth];

        Clock.SetUtcNow(At(4, 6, 12, 0));
        Technician = await Factory.SignInAsync(teo.Email, MesaApiFactory.DefaultPassword);
        Admin = await Factory.AdminAsync();
        Requester = await Factory.SignInAsync(ana.Email, MesaApiFactory.DefaultPassword);
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A local Bogotá time of 2026 as an instant.</summary>
    public static DateTimeOffset At(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, ReportingData.Bogota);

    private async Task<int> OpenAsync(TestUser user, DateTimeOffset at, string title, int categoryId)
    {
        Clock.SetUtcNow(at);
        var signedIn = await Factory.SignInAsync(user.Email, MesaApiFactory.DefaultPassword);
        var ticket = await TicketApi.OpenAsync(signedIn, title, "Descripción del problema para el reporte.", "Incident", "Medium", categoryId: categoryId);
        return ticket.GetProperty("id").GetInt32();
    }

    private async Task ActAsync(TestUser user, DateTimeOffset at, int id, string action, object body)
    {
        Clock.SetUtcNow(at);
        var signedIn = await Factory.SignInAsync(user.Email, MesaApiFactory.DefaultPassword);
        await TicketApi.ActAsync(signedIn, id, action, body);
    }
}
