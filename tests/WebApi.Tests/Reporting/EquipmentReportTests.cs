using System.Net;
using System.Text;
using System.Text.Json;
using Mediator;
using MesaServicios.Application.Reservations.NoShows;
using MesaServicios.WebApi.Tests.Reservations;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Reporting;

/// <summary>
/// The equipment report over a week worked out by hand (Bogotá times; default calendar Mon–Fri 07:00–17:00, so the week
/// of March 2nd–6th 2026 has 50 bookable business hours). Items: L1 and L2 laptops (Portátil), P1 a projector (Videobeam).
///
/// | booking | item | who  | window                  | then                                            | business hours in the week |
/// |---------|------|------|-------------------------|-------------------------------------------------|----------------------------|
/// | B1      | L1   | Ana  | 03-02 09:00–12:00       | out 09:00, back 11:30                           | 3                          |
/// | B2      | L1   | Beto | 03-03 14:00–03-04 10:00 | out 14:00, back 03-04 11:15 (75 min late)       | 3 + 3 = 6                  |
/// | B3      | P1   | Ana  | 03-05 08:00–10:00       | never picked up: no-show                        | — (not counted)            |
/// | B4      | P1   | Beto | 03-06 15:00–18:00       | out 15:00, never back (still out on 04-06 12:00) | 2                         |
/// | B5      | L2   | Ana  | 03-09 09:00–10:00       | (next week)                                     | —                          |
/// | B6      | L2   | Beto | 03-04 09:00–11:00       | cancelled                                        | —                          |
/// </summary>
public sealed class EquipmentData : IAsyncLifetime
{
    private readonly ReservationsApiFactory factory = new();

    public TestUser Technician { get; private set; } = null!;

    public TestUser Requester { get; private set; } = null!;

    public Guid B2 { get; private set; }

    public Guid B3 { get; private set; }

    public Guid B4 { get; private set; }

    private static DateTimeOffset At(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, ReportingData.Bogota);

    public async Task InitializeAsync()
    {
        factory.Clock.SetUtcNow(At(3, 2, 8, 0));
        var cast = await ReservationCast.For(factory);
        var l1 = await ReservationApi.CreateItemAsync(cast.Administrator, ReservationApi.Laptop, "L1", "Portátil uno");
        var l2 = await ReservationApi.CreateItemAsync(cast.Administrator, ReservationApi.Laptop, "L2", "Portátil dos");
        var p1 = await ReservationApi.CreateItemAsync(cast.Administrator, ReservationApi.Projector, "P1", "Videobeam uno");
        var b1 = (await ReservationApi.BookOkAsync(cast.Ana, l1, At(3, 2, 9, 0), At(3, 2, 12, 0))).Id();
        B2 = (await ReservationApi.BookOkAsync(cast.Beto, l1, At(3, 3, 14, 0), At(3, 4, 10, 0))).Id();
        B3 = (await ReservationApi.BookOkAsync(cast.Ana, p1, At(3, 5, 8, 0), At(3, 5, 10, 0))).Id();
        B4 = (await ReservationApi.BookOkAsync(cast.Beto, p1, At(3, 6, 15, 0), At(3, 6, 18, 0))).Id();
        await ReservationApi.BookOkAsync(cast.Ana, l2, At(3, 9, 9, 0), At(3, 9, 10, 0));
        var b6 = (await ReservationApi.BookOkAsync(cast.Beto, l2, At(3, 4, 9, 0), At(3, 4, 11, 0))).Id();
        await ReservationApi.ActAsync(cast.Beto, b6, "cancel", new { reason = "Ya no la necesito" });

        factory.Clock.SetUtcNow(At(3, 2, 9, 0));
        await ReservationApi.ActAsync(cast.Technician, b1, "check-out");
        factory.Clock.SetUtcNow(At(3, 2, 11, 30));
        await ReservationApi.ActAsync(cast.Technician, b1, "check-in", new { condition = "Good" });
        factory.Clock.SetUtcNow(At(3, 3, 14, 0));
        await ReservationApi.ActAsync(cast.Technician, B2, "check-out");
        factory.Clock.SetUtcNow(At(3, 4, 11, 15));
        await ReservationApi.ActAsync(cast.Technician, B2, "check-in", new { condition = "Good" });
        factory.Clock.SetUtcNow(At(3, 5, 8, 31));
        await factory.WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(new MarkNoShowsRequest()));
        factory.Clock.SetUtcNow(At(3, 6, 15, 0));
        await ReservationApi.ActAsync(cast.Technician, B4, "check-out");
        factory.Clock.SetUtcNow(At(4, 6, 12, 0));
        Technician = await factory.SignInAsync(cast.Technician.Email, MesaApiFactory.DefaultPassword);
        Requester = await factory.SignInAsync(cast.Ana.Email, MesaApiFactory.DefaultPassword);
    }

    public Task DisposeAsync()
    {
        factory.Dispose();
        return Task.CompletedTask;
    }

}

/// <summary>The equipment report over <see cref="EquipmentData"/>.</summary>
public sealed class EquipmentReportTests(EquipmentData data) : IClassFixture<EquipmentData>
{
    private const string Week = "from=2026-03-02&to=2026-03-06";

    private async Task<JsonElement> GetAsync(string url) =>
        await (await (await data.Technician.Client.GetAsync(url)).EnsureSuccessAsync()).JsonAsync();

    [Fact]
    public async Task Report_TypesUtilisationNoShowsAndLateReturns_AsWorkedOutByHand()
    {
        var report = await GetAsync($"/api/v1/reports/equipment?{Week}");

        Assert.Equal("50.0", EquipmentReportRows.Number(report.GetProperty("bookableHours")));
        Assert.Equal(
            ["1:Portátil:2:23.0", "2:Videobeam:2:5.0"],
            EquipmentReportRows.Types(report));
        Assert.Equal(
            ["L1:2:9.0:18.0", "P1:1:2.0:4.0", "L2:0:0.0:0.0"],
            EquipmentReportRows.Items(report));
        var noShow = Assert.Single(report.GetProperty("noShows").EnumerateArray());
        Assert.Equal((data.B3, "P1", "Ana Docente"), (noShow.GetProperty("reservationId").GetGuid(), noShow.GetProperty("code").GetString(), noShow.GetProperty("holder").GetString()));
        // B2 came back at 11:15 for a 10:00 end; B4 (end 03-06 18:00) is still out on 04-06 12:00: 30 days and 18 hours.
        Assert.Equal(
            [$"{data.B2}:L1:False:75.0", $"{data.B4}:P1:True:44280.0"],
            report.GetProperty("lateReturns").EnumerateArray().Select(r => $"{r.GetProperty("reservationId").GetGuid()}:{r.GetProperty("code").GetString()}:{r.GetProperty("stillOut").GetBoolean()}:{EquipmentReportRows.Number(r.GetProperty("minutesLate"))}"));
    }

    [Fact]
    public async Task Report_ForOneMaterialType_LeavesTheOthersOut()
    {
        var report = await GetAsync($"/api/v1/reports/equipment?{Week}&materialTypeId={ReservationApi.Projector}");

        Assert.Equal(["Videobeam"], report.GetProperty("materialTypes").EnumerateArray().Select(r => r.GetProperty("materialType").GetString()));
        Assert.Equal(["P1"], report.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Single(report.GetProperty("noShows").EnumerateArray());
        Assert.Equal(data.B4, Assert.Single(report.GetProperty("lateReturns").EnumerateArray()).GetProperty("reservationId").GetGuid());
    }

    [Fact]
    public async Task Report_PeriodIsLocalDays_TheNextWeekHasOnlyItsOwnBooking()
    {
        // Monday 9th to Friday 13th: only B5 (1 hour of L2) out of 50 bookable hours.
        var report = await GetAsync("/api/v1/reports/equipment?from=2026-03-09&to=2026-03-13");

        Assert.Equal(["1:Portátil:1:1.0"], EquipmentReportRows.Types(report));
        Assert.Equal("L2:1:1.0:2.0", EquipmentReportRows.Items(report).First());
        Assert.Empty(report.GetProperty("noShows").EnumerateArray());
        Assert.Empty(report.GetProperty("lateReturns").EnumerateArray());
    }

    [Fact]
    public async Task Report_Csv_OfTypes_InEnglish_UsesTheEnglishNames()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/equipment?{Week}");
        request.Headers.Accept.ParseAdd("text/csv");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var response = await data.Technician.Client.SendAsync(request);

        var bytes = await (await response.EnsureSuccessAsync()).Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("Key,Material type,Reservations,Hours booked\r\n1,Laptop,2,23.0\r\n2,Projector,2,5.0\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task Report_Csv_OfLateReturns_WithLocalTimes()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/equipment?{Week}&view=late-returns");
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await data.Technician.Client.SendAsync(request);

        var lines = Encoding.UTF8.GetString((await (await response.EnsureSuccessAsync()).Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "Código,Equipo,Tipo de material,Persona,Inicio,Fin,Devuelto,Aún prestado,Minutos de retraso",
                "L1,Portátil uno,Portátil,Beto Estudiante,2026-03-03 14:00,2026-03-04 10:00,2026-03-04 11:15,No,75.0",
                "P1,Videobeam uno,Videobeam,Beto Estudiante,2026-03-06 15:00,2026-03-06 18:00,,Sí,44280.0",
            ],
            lines);
    }

    [Fact]
    public async Task Report_BadViewOrType_IsAProblem_AndRequestersAreForbidden()
    {
        await (await data.Technician.Client.GetAsync($"/api/v1/reports/equipment?{Week}&view=everything")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await data.Technician.Client.GetAsync($"/api/v1/reports/equipment?{Week}&materialTypeId=abc")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await data.Requester.Client.GetAsync($"/api/v1/reports/equipment?{Week}")).ProblemAsync(HttpStatusCode.Forbidden);
    }
}

/// <summary>The equipment report's rows as short strings, compared with the figures worked out by hand.</summary>
internal static class EquipmentReportRows
{
    /// <summary>One decimal, or "-" for null.</summary>
    public static string Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? "-" : value.GetDouble().ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"id:name:reservations:hours" per material type.</summary>
    public static IEnumerable<string> Types(JsonElement report) =>
        report.GetProperty("materialTypes").EnumerateArray().Select(r => $"{r.GetProperty("materialTypeId").GetInt32()}:{r.GetProperty("materialType").GetString()}:{r.GetProperty("reservations").GetInt32()}:{Number(r.GetProperty("hours"))}");

    /// <summary>"code:reservations:booked hours:utilisation %" per item.</summary>
    public static IEnumerable<string> Items(JsonElement report) =>
        report.GetProperty("items").EnumerateArray().Select(r => $"{r.GetProperty("code").GetString()}:{r.GetProperty("reservations").GetInt32()}:{Number(r.GetProperty("bookedHours"))}:{Number(r.GetProperty("utilisationPercent"))}");
}
