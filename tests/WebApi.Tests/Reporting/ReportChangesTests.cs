using System.Globalization;
using System.Text.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace MesaServicios.WebApi.Tests.Reporting;

/// <summary>
/// A change to a ticket after it was opened (assignment, category, urgency, solution, rejected solution) is what the
/// next report counts: the reports read what the ticket is now, whatever they keep or aggregate to be fast. One
/// ticket, opened Monday 2026-03-02 09:00 in Bogotá (Medium, category 3), then changed step by step through the API;
/// every expected figure is worked out by hand.
/// </summary>
public sealed class ReportChangesTests : IDisposable
{
    private const string March = "from=2026-03-01&to=2026-03-31";

    private readonly FakeTimeProvider _clock = new(ReportingData.At(2026, 3, 2, 9, 0)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
    private readonly MesaApiFactory _factory;

    public ReportChangesTests()
    {
        _factory = new MesaApiFactory().WithServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_clock);
        });
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task EveryChangeAfterOpening_IsReflectedByTheNextReports()
    {
        var ana = await _factory.CreateUserAsync(fullName: "Ana", department: "Biblioteca");
        var teoUser = await _factory.CreateUserAsync(UserRole.Technician, fullName: "Teo Técnico");
        var requester = await _factory.SignInAsync(ana.Email, MesaApiFactory.DefaultPassword);
        var teo = await _factory.SignInAsync(teoUser.Email, MesaApiFactory.DefaultPassword);
        var teoKey = teoUser.Id.ToString().ToUpperInvariant();
        var id = (await TicketApi.OpenAsync(requester, "Impresora no imprime", "La impresora del bloque B no imprime.", "Incident", "Medium", categoryId: 3)).GetProperty("id").GetInt32();

        Assert.Equal("New=1", await CountsAsync(teo, "status"));
        Assert.Equal("=1", await CountsAsync(teo, "technician"));
        Assert.Equal("3=1", await CountsAsync(teo, "category"));
        Assert.Equal("Medium=1", await CountsAsync(teo, "urgency"));
        Assert.Equal("0/0/1", await ComplianceAsync(teo, "Medium"));
        Assert.Equal("1/0/0 own - resolve -", await TimesAsync(teo, "Medium"));

        // Assigned after 30 business minutes: In progress, Teo's, owned.
        _clock.SetUtcNow(ReportingData.At(2026, 3, 2, 9, 30));
        (requester, teo) = (await _factory.SignInAsync(ana.Email, MesaApiFactory.DefaultPassword), await _factory.SignInAsync(teoUser.Email, MesaApiFactory.DefaultPassword));
        await TicketApi.ActAsync(teo, id, "assign", new { technicianId = teoUser.Id });
        Assert.Equal("InProgress=1", await CountsAsync(teo, "status"));
        Assert.Equal($"{teoKey}=1", (await CountsAsync(teo, "technician")).ToUpperInvariant());
        Assert.Equal("1/1/0 own 30 resolve -", await TimesAsync(teo, "Medium"));

        // Recategorised and made more urgent: counted under the new category and urgency only.
        await TicketApi.ActAsync(teo, id, "category", new { categoryId = 21 });
        await TicketApi.ActAsync(teo, id, "urgency", new { urgency = "High" });
        Assert.Equal("21=1", await CountsAsync(teo, "category"));
        Assert.Equal("High=1", await CountsAsync(teo, "urgency"));
        Assert.Equal("0/0/1", await ComplianceAsync(teo, "High"));
        Assert.Equal("0/0/0", await ComplianceAsync(teo, "Medium"));

        // Solved after 120 business minutes, within High's targets (240 to own, 1,200 to resolve): met.
        _clock.SetUtcNow(ReportingData.At(2026, 3, 2, 11, 0));
        (requester, teo) = (await _factory.SignInAsync(ana.Email, MesaApiFactory.DefaultPassword), await _factory.SignInAsync(teoUser.Email, MesaApiFactory.DefaultPassword));
        await TicketApi.ActAsync(teo, id, "solve", new { solution = "Se reinstaló el controlador de la impresora." });
        Assert.Equal("Solved=1", await CountsAsync(teo, "status"));
        Assert.Equal("1/0/0", await ComplianceAsync(teo, "High"));
        Assert.Equal("1/1/1 own 30 resolve 120", await TimesAsync(teo, "High"));
        Assert.Equal("1/120", await WorkloadAsync(teo));

        // The requester rejects the solution: In progress again, no longer solved, running.
        _clock.SetUtcNow(ReportingData.At(2026, 3, 2, 11, 30));
        (requester, teo) = (await _factory.SignInAsync(ana.Email, MesaApiFactory.DefaultPassword), await _factory.SignInAsync(teoUser.Email, MesaApiFactory.DefaultPassword));
        await TicketApi.ActAsync(requester, id, "reject", new { reason = "Sigue sin imprimir." });
        Assert.Equal("InProgress=1", await CountsAsync(teo, "status"));
        Assert.Equal("0/0/1", await ComplianceAsync(teo, "High"));
        Assert.Equal("1/1/0 own 30 resolve -", await TimesAsync(teo, "High"));
        Assert.Equal("0/-", await WorkloadAsync(teo));
    }

    private static async Task<JsonElement> GetAsync(TestUser user, string url) =>
        await (await (await user.Client.GetAsync(url)).EnsureSuccessAsync()).JsonAsync();

    /// <summary>The groups with tickets, "key=count;…".</summary>
    private static async Task<string> CountsAsync(TestUser user, string by)
    {
        var report = await GetAsync(user, $"/api/v1/reports/tickets/counts?by={by}&{March}");
        return string.Join(';', report.GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("count").GetInt32() > 0)
            .Select(r => $"{r.GetProperty("key").GetString()}={r.GetProperty("count").GetInt32()}"));
    }

    /// <summary>"met/missed/running" of one urgency.</summary>
    private static async Task<string> ComplianceAsync(TestUser user, string urgency)
    {
        var report = await GetAsync(user, $"/api/v1/reports/service-levels?{March}");
        var row = report.GetProperty("byUrgency").EnumerateArray().Single(r => r.GetProperty("key").GetString() == urgency);
        return $"{row.GetProperty("met").GetInt32()}/{row.GetProperty("missed").GetInt32()}/{row.GetProperty("running").GetInt32()}";
    }

    /// <summary>"tickets/owned/solved own p50 resolve p50" of one urgency.</summary>
    private static async Task<string> TimesAsync(TestUser user, string urgency)
    {
        var report = await GetAsync(user, $"/api/v1/reports/times?{March}");
        var row = report.GetProperty("byUrgency").EnumerateArray().Single(r => r.GetProperty("key").GetString() == urgency);
        return $"{row.GetProperty("tickets").GetInt32()}/{row.GetProperty("owned").GetInt32()}/{row.GetProperty("solved").GetInt32()} own {Number(row.GetProperty("ownP50"))} resolve {Number(row.GetProperty("resolveP50"))}";
    }

    /// <summary>Teo's "solved in the period/median time to resolve".</summary>
    private static async Task<string> WorkloadAsync(TestUser user)
    {
        var report = await GetAsync(user, $"/api/v1/reports/workload?{March}");
        var row = report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Teo Técnico");
        return $"{row.GetProperty("solvedInPeriod").GetInt32()}/{Number(row.GetProperty("medianResolveMinutes"))}";
    }

    private static string Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? "-" : value.GetDouble().ToString(CultureInfo.InvariantCulture);
}
