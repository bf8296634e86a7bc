using System.Net;
using Mediator;
using MesaServicios.Application.Reporting.MonthlyReport;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Reporting;

/// <summary>
/// The monthly report job through the real host, on a timeline worked out by hand (Bogotá times; default calendar
/// Mon–Fri 07:00–17:00; November 2nd 2026 is a holiday, so November's first business day is Tuesday 3rd; December's is
/// Tuesday 1st). Two administrators: the first one (Spanish) and Eve (English).
///
/// | #  | opened      | by   | category                 | then                                                                                   |
/// |----|-------------|------|--------------------------|----------------------------------------------------------------------------------------|
/// | O1 | 10-05 09:00 | Ana  | 3 Impresoras y escáneres | stays open                                                                             |
/// | O2 | 10-06 09:00 | Ana  | 21 Wi-Fi                 | Teo assigns 10:00, solves 10-07 09:00, Ana approves 10:00                              |
/// | N1 | 11-03 09:00 | Beto | 3 Impresoras y escáneres | Teo assigns 10:00, solves 11-04 09:00, Beto rejects 10:00, Teo solves 11-05 09:00, Beto approves 10:00 |
/// | N2 | 11-10 09:00 | Beto | 3 Impresoras y escáneres | stays open                                                                             |
/// | N3 | 11-11 09:00 | Ana  | 31 Correo institucional  | Teo assigns 10:00, solves 11-12 09:00 (no answer)                                      |
///
/// November against October: opened 3/2, solved 2/1, closed 1/1, open at month end 2 (O1, N2)/1 (O1), time to own p50
/// 60/60, time to resolve p50 600/600 (N3: 480 + 120; O2 likewise), rejected solutions 1 of 3 = 33.3 %/0 of 1 = 0 %,
/// reopened 1/0. Top category: Impresoras y escáneres 2/1.
/// </summary>
public sealed class MonthlyReportData : IAsyncLifetime
{
    public MesaApiFactory Factory { get; } = new MesaApiFactory().With("Auth:AccessTokenMinutes", "200000");

    public Dictionary<string, MonthlyReportOutcome> Outcomes { get; } = [];

    public List<MonthlyReportOutcome> ConcurrentOutcomes { get; } = [];

    public Guid EveId { get; private set; }

    public TestUser Admin { get; private set; } = null!;

    public TestUser Technician { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var clock = Factory.Clock;
        clock.SetUtcNow(At(10, 1, 8, 0));
        var ana = await Factory.CreateUserAsync(fullName: "Ana", department: "Biblioteca");
        var beto = await Factory.CreateUserAsync(fullName: "Beto", department: "Tesorería");
        var teo = await Factory.CreateUserAsync(UserRole.Technician, fullName: "Teo Técnico");
        var eve = await Factory.CreateUserAsync(UserRole.Administrator, fullName: "Eve Admin", language: "en");
        EveId = eve.Id;

        await OpenAsync(ana, At(10, 5, 9, 0), "Impresora no imprime", 3);
        var o2 = await OpenAsync(ana, At(10, 6, 9, 0), "Sin wifi en la sala", 21);
        await ActAsync(teo, At(10, 6, 10, 0), o2, "assign", new { technicianId = teo.Id });
        await ActAsync(teo, At(10, 7, 9, 0), o2, "solve", new { solution = "Se reinició el punto de acceso." });
        await ActAsync(ana, At(10, 7, 10, 0), o2, "approve", new { comment = "Gracias" });

        Outcomes["2026-11-02"] = await RunAtAsync(At(11, 2, 7, 0));   // a holiday (Monday)
        Outcomes["2026-11-03"] = await RunAtAsync(At(11, 3, 7, 0));   // October's report
        Outcomes["2026-11-03 again"] = await RunAtAsync(At(11, 3, 8, 0));

        var n1 = await OpenAsync(beto, At(11, 3, 9, 0), "Impresora atascada", 3);
        await ActAsync(teo, At(11, 3, 10, 0), n1, "assign", new { technicianId = teo.Id });
        await ActAsync(teo, At(11, 4, 9, 0), n1, "solve", new { solution = "Se retiró el papel." });
        await ActAsync(beto, At(11, 4, 10, 0), n1, "reject", new { reason = "Sigue atascada" });
        await ActAsync(teo, At(11, 5, 9, 0), n1, "solve", new { solution = "Se cambió el rodillo." });
        await ActAsync(beto, At(11, 5, 10, 0), n1, "approve", new { comment = (string?)null });
        await OpenAsync(beto, At(11, 10, 9, 0), "Impresora sin tóner", 3);
        var n3 = await OpenAsync(ana, At(11, 11, 9, 0), "Crear cuenta de correo", 31);
        await ActAsync(teo, At(11, 11, 10, 0), n3, "assign", new { technicianId = teo.Id });
        await ActAsync(teo, At(11, 12, 9, 0), n3, "solve", new { solution = "Cuenta creada." });

        Outcomes["2026-11-30"] = await RunAtAsync(At(11, 30, 12, 0));
        clock.SetUtcNow(At(12, 1, 7, 0));
        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => RunAsync())));
        ConcurrentOutcomes.AddRange(runs);
        Outcomes["2026-12-02"] = await RunAtAsync(At(12, 2, 7, 0));

        Admin = await Factory.AdminAsync();
        Technician = await Factory.SignInAsync(teo.Email, MesaApiFactory.DefaultPassword);
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    public static DateTimeOffset At(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, ReportingData.Bogota);

    public Task<List<(Guid? To, string Subject, string Text, string? Html)>> MailsAsync() =>
        Factory.WithDbAsync(async db => (await db.OutboxEmails.Where(m => m.Kind == "reporting.monthly").ToListAsync())
            .Select(m => (m.RecipientUserId, m.Subject, m.TextBody, m.HtmlBody)).ToList());

    private async Task<MonthlyReportOutcome> RunAtAsync(DateTimeOffset at)
    {
        Factory.Clock.SetUtcNow(at);
        return await RunAsync();
    }

    private Task<MonthlyReportOutcome> RunAsync() =>
        Factory.WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(new SendMonthlyReportRequest()));

    private async Task<int> OpenAsync(TestUser user, DateTimeOffset at, string title, int categoryId)
    {
        Factory.Clock.SetUtcNow(at);
        var signedIn = await Factory.SignInAsync(user.Email, MesaApiFactory.DefaultPassword);
        return (await TicketApi.OpenAsync(signedIn, title, "Descripción del problema para el reporte.", "Incident", "Medium", categoryId: categoryId)).GetProperty("id").GetInt32();
    }

    private async Task ActAsync(TestUser user, DateTimeOffset at, int id, string action, object body)
    {
        Factory.Clock.SetUtcNow(at);
        var signedIn = await Factory.SignInAsync(user.Email, MesaApiFactory.DefaultPassword);
        await TicketApi.ActAsync(signedIn, id, action, body);
    }
}

public sealed class MonthlyReportJobTests(MonthlyReportData data) : IClassFixture<MonthlyReportData>
{
    [Fact]
    public void Job_SendsOnlyOnTheFirstBusinessDayOfTheMonth_AndOnce()
    {
        Assert.Equal(MonthlyReportOutcome.NotDue, data.Outcomes["2026-11-02"]);
        Assert.Equal(MonthlyReportOutcome.Sent, data.Outcomes["2026-11-03"]);
        Assert.Equal(MonthlyReportOutcome.AlreadySent, data.Outcomes["2026-11-03 again"]);
        Assert.Equal(MonthlyReportOutcome.NotDue, data.Outcomes["2026-11-30"]);
        Assert.Equal(MonthlyReportOutcome.NotDue, data.Outcomes["2026-12-02"]);
    }

    [Fact]
    public async Task TwoConcurrentRuns_OnTheFirstBusinessDay_SendOneMailPerAdministrator()
    {
        Assert.Equal([MonthlyReportOutcome.AlreadySent, MonthlyReportOutcome.Sent], data.ConcurrentOutcomes.Order());
        var mails = await data.MailsAsync();
        // October's report (sent November 3rd) and November's (December 1st), each to both administrators.
        Assert.Equal(4, mails.Count);
        Assert.Equal(2, mails.Count(m => m.To == data.EveId));
        Assert.Equal(2, mails.Count(m => m.Subject.EndsWith("noviembre 2026", StringComparison.Ordinal) || m.Subject.EndsWith("November 2026", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SpanishMail_HasTheFiguresOfNovember_AgainstOctober()
    {
        var mail = (await data.MailsAsync()).Single(m => m.To != data.EveId && m.Subject.Contains("noviembre", StringComparison.Ordinal));

        Assert.Equal("Reporte mensual de la mesa de servicios: noviembre 2026", mail.Subject);
        Assert.Contains("- Tickets abiertos: 3 (mes anterior: 2; +50,0 %)", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- Tickets solucionados: 2 (mes anterior: 1; +100,0 %)", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- Tickets cerrados: 1 (mes anterior: 1; 0,0 %)", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- Pendientes al cierre del mes: 2 (mes anterior: 1; +100,0 %)", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- Tiempo de atención p50 (min hábiles): 60 (mes anterior: 60; 0,0 %)", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- Tiempo de solución p50 (min hábiles): 600 (mes anterior: 600; 0,0 %)", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- Soluciones rechazadas (%): 33,3 (mes anterior: 0; —)", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- Tickets reabiertos: 1 (mes anterior: 0; —)", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- Hardware › Impresoras y escáneres: 2 (mes anterior: 1; +100,0 %)", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- Cuentas y accesos › Correo institucional: 1 (mes anterior: 0; —)", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- impresora: 2 (mes anterior: 1; +100,0 %)", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HtmlMail_IsTablesWithInlineStyles_NoScriptNoExternalImage()
    {
        var mail = (await data.MailsAsync()).First(m => m.To != data.EveId);

        Assert.NotNull(mail.Html);
        Assert.Contains("<table", mail.Html, StringComparison.Ordinal);
        Assert.Contains("style=\"", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", mail.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", mail.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", mail.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", mail.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task EnglishAdministrator_GetsTheReportInEnglish()
    {
        var mail = (await data.MailsAsync()).Single(m => m.To == data.EveId && m.Subject.Contains("November", StringComparison.Ordinal));

        Assert.Equal("Service desk monthly report: November 2026", mail.Subject);
        Assert.StartsWith("Hello Eve Admin,", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- Tickets opened: 3 (month before: 2; +50.0 %)", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- Rejected solutions (%): 33.3 (month before: 0; —)", mail.Text, StringComparison.Ordinal);
        Assert.Contains("<td style=\"padding:4px 8px;border:1px solid #d0d7de;\">Tickets reopened</td>", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_IsForAdministrators_AsJsonOrHtml()
    {
        var json = await (await (await data.Admin.Client.GetAsync("/api/v1/reports/monthly?month=2026-11")).EnsureSuccessAsync()).JsonAsync();
        var opened = json.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "opened");
        Assert.Equal((3.0, 2.0, 50.0), (opened.GetProperty("value").GetDouble(), opened.GetProperty("previous").GetDouble(), opened.GetProperty("change").GetDouble()));

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports/monthly?month=2026-11");
        request.Headers.Accept.ParseAdd("text/html");
        var html = await data.Admin.Client.SendAsync(request);
        await html.EnsureSuccessAsync();
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Tickets abiertos", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await (await data.Technician.Client.GetAsync("/api/v1/reports/monthly?month=2026-11")).ProblemAsync(HttpStatusCode.Forbidden);
        var bad = await (await data.Admin.Client.GetAsync("/api/v1/reports/monthly?month=2026-13")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("month", out _));
    }
}
