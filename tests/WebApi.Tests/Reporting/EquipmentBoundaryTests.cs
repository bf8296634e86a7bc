using System.Text.Json;
using Mediator;
using MesaServicios.Application.Reservations.NoShows;
using MesaServicios.WebApi.Tests.Reservations;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Reporting;

/// <summary>
/// The equipment report over September 2026 worked out by hand, with bookings across its edges (Bogotá times; default
/// calendar Mon–Fri 07:00–17:00 and no holiday in September: 22 working days, 220 bookable business hours). Items: X1, X2
/// and X3 laptops (Portátil; X2 and X3 retired in the month), Y1 a projector (Videobeam).
///
/// | booking | item | window                     | then                                   | business hours in September | starts in September |
/// |---------|------|----------------------------|----------------------------------------|-----------------------------|---------------------|
/// | C1      | X1   | Mon 08-31 15:00–09-01 09:00 | out 15:00, back 09-01 08:50 (on time) | 2 (09-01 07:00–09:00)       | no                  |
/// | C2      | X1   | Fri 09-04 16:00–Mon 09-07 08:00 | out 16:00, back 09-07 09:30 (90 min late) | 1 + 1 = 2 (the weekend not) | yes, 64 h   |
/// | C3      | Y1   | Wed 09-30 16:00–10-01 10:00 | out 16:00, back 10-01 10:30 (late, but ends in October) | 1 | yes, 18 h          |
/// | C4      | Y1   | Thu 09-10 09:00–11:00      | never picked up: no-show               | — (not counted)             | yes, 2 h            |
/// | C5      | X2   | Tue 09-15 10:00–12:00      | out 10:00, back 11:50; X2 then retired | 2                           | yes, 2 h            |
/// | C6      | X3   | Wed 09-16 09:00–10:00      | no-show; X3 then retired               | — (X3 not listed at all)    | yes, 1 h            |
/// </summary>
public sealed class EquipmentBoundaryData : IAsyncLifetime
{
    private readonly ReservationsApiFactory factory = new();

    public TestUser Technician { get; private set; } = null!;

    public Guid C2 { get; private set; }

    public Guid C4 { get; private set; }

    public Guid C6 { get; private set; }

    private static DateTimeOffset At(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, ReportingData.Bogota);

    public async Task InitializeAsync()
    {
        factory.Clock.SetUtcNow(At(8, 31, 8, 0));
        var cast = await ReservationCast.For(factory);
        var x1 = await ReservationApi.CreateItemAsync(cast.Administrator, ReservationApi.Laptop, "X1", "Portátil equis uno");
        var x2 = await ReservationApi.CreateItemAsync(cast.Administrator, ReservationApi.Laptop, "X2", "Portátil equis dos");
        var x3 = await ReservationApi.CreateItemAsync(cast.Administrator, ReservationApi.Laptop, "X3", "Portátil equis tres");
        var y1 = await ReservationApi.CreateItemAsync(cast.Administrator, ReservationApi.Projector, "Y1", "Videobeam ye uno");
        var c1 = (await ReservationApi.BookOkAsync(cast.Ana, x1, At(8, 31, 15, 0), At(9, 1, 9, 0))).Id();
        C2 = (await ReservationApi.BookOkAsync(cast.Beto, x1, At(9, 4, 16, 0), At(9, 7, 8, 0))).Id();
        var c3 = (await ReservationApi.BookOkAsync(cast.Ana, y1, At(9, 30, 16, 0), At(10, 1, 10, 0))).Id();
        C4 = (await ReservationApi.BookOkAsync(cast.Beto, y1, At(9, 10, 9, 0), At(9, 10, 11, 0))).Id();
        var c5 = (await ReservationApi.BookOkAsync(cast.Ana, x2, At(9, 15, 10, 0), At(9, 15, 12, 0))).Id();
        C6 = (await ReservationApi.BookOkAsync(cast.Beto, x3, At(9, 16, 9, 0), At(9, 16, 10, 0))).Id();

        await ActAtAsync(cast.Technician, c1, "check-out", At(8, 31, 15, 0));
        await ActAtAsync(cast.Technician, c1, "check-in", At(9, 1, 8, 50), new { condition = "Good" });
        await ActAtAsync(cast.Technician, C2, "check-out", At(9, 4, 16, 0));
        await ActAtAsync(cast.Technician, C2, "check-in", At(9, 7, 9, 30), new { condition = "Good" });
        factory.Clock.SetUtcNow(At(9, 10, 9, 31));
        await factory.WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(new MarkNoShowsRequest()));
        // Sessions last 14 days: the desk signs in again.
        var technician = await factory.SignInAsync(cast.Technician.Email, MesaApiFactory.DefaultPassword);
        var administrator = await factory.AdminAsync();
        await ActAtAsync(technician, c5, "check-out", At(9, 15, 10, 0));
        await ActAtAsync(technician, c5, "check-in", At(9, 15, 11, 50), new { condition = "Good" });
        await (await administrator.Client.PostAsync($"/api/v1/equipment/{x2}/retire", null)).EnsureSuccessAsync();
        factory.Clock.SetUtcNow(At(9, 16, 9, 31));
        await factory.WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(new MarkNoShowsRequest()));
        await (await administrator.Client.PostAsync($"/api/v1/equipment/{x3}/retire", null)).EnsureSuccessAsync();
        factory.Clock.SetUtcNow(At(9, 30, 15, 59));
        technician = await factory.SignInAsync(cast.Technician.Email, MesaApiFactory.DefaultPassword);
        await ActAtAsync(technician, c3, "check-out", At(9, 30, 16, 0));
        await ActAtAsync(technician, c3, "check-in", At(10, 1, 10, 30), new { condition = "Good" });
        factory.Clock.SetUtcNow(At(10, 5, 12, 0));
        Technician = await factory.SignInAsync(cast.Technician.Email, MesaApiFactory.DefaultPassword);
    }

    private async Task ActAtAsync(TestUser user, Guid reservation, string action, DateTimeOffset at, object? body = null)
    {
        factory.Clock.SetUtcNow(at);
        await ReservationApi.ActAsync(user, reservation, action, body);
    }

    public Task DisposeAsync()
    {
        factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The equipment report over <see cref="EquipmentBoundaryData"/>: bookings clipped at the month's edges, across a weekend, retired items.</summary>
public sealed class EquipmentBoundaryTests(EquipmentBoundaryData data) : IClassFixture<EquipmentBoundaryData>
{
    private const string September = "from=2026-09-01&to=2026-09-30";

    private async Task<JsonElement> GetAsync(string url) =>
        await (await (await data.Technician.Client.GetAsync(url)).EnsureSuccessAsync()).JsonAsync();

    [Fact]
    public async Task Report_ClipsBookingsAtTheMonthsEdges_SkipsTheWeekend_AndListsRetiredItemsOnlyWhenUsed()
    {
        var report = await GetAsync($"/api/v1/reports/equipment?{September}");

        Assert.Equal("220.0", EquipmentReportRows.Number(report.GetProperty("bookableHours")));
        // Starting in September, no-shows included: C2, C5, C6 (64 + 2 + 1 h) and C3, C4 (18 + 2 h); C1 started in August.
        Assert.Equal(
            ["1:Portátil:3:67.0", "2:Videobeam:2:20.0"],
            EquipmentReportRows.Types(report));
        // X1 4 h of 220 (C1's September part and C2 without its weekend), X2 retired but used, Y1 only C3's first hour;
        // X3 retired with nothing but a no-show: not listed.
        Assert.Equal(
            ["X1:1:4.0:1.8", "X2:1:2.0:0.9", "Y1:1:1.0:0.5"],
            EquipmentReportRows.Items(report));
        Assert.Equal(
            [$"{data.C4}:Y1", $"{data.C6}:X3"],
            report.GetProperty("noShows").EnumerateArray().Select(r => $"{r.GetProperty("reservationId").GetGuid()}:{r.GetProperty("code").GetString()}"));
        // C2 came back 90 minutes late; C3 too, but it ends in October.
        Assert.Equal(
            [$"{data.C2}:X1:False:90.0"],
            report.GetProperty("lateReturns").EnumerateArray().Select(r => $"{r.GetProperty("reservationId").GetGuid()}:{r.GetProperty("code").GetString()}:{r.GetProperty("stillOut").GetBoolean()}:{EquipmentReportRows.Number(r.GetProperty("minutesLate"))}"));
    }

    [Fact]
    public async Task Report_OfLaptops_ListsOnlyTheirNoShowsAndLateReturns()
    {
        var report = await GetAsync($"/api/v1/reports/equipment?{September}&materialTypeId={ReservationApi.Laptop}");

        Assert.Equal(["1:Portátil:3:67.0"], EquipmentReportRows.Types(report));
        Assert.Equal(["X1", "X2"], report.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Equal([$"{data.C6}:X3"], report.GetProperty("noShows").EnumerateArray().Select(r => $"{r.GetProperty("reservationId").GetGuid()}:{r.GetProperty("code").GetString()}"));
        Assert.Equal([$"{data.C2}:X1"], report.GetProperty("lateReturns").EnumerateArray().Select(r => $"{r.GetProperty("reservationId").GetGuid()}:{r.GetProperty("code").GetString()}"));
    }

    [Fact]
    public async Task Report_OfTheFirstWeek_CountsOnlyItsShareOfTheBookingAcrossTheWeekend()
    {
        // Tuesday 1st to Friday 4th (40 bookable hours): C1's 2 hours on the 1st and C2's Friday hour, not its Monday one.
        var report = await GetAsync("/api/v1/reports/equipment?from=2026-09-01&to=2026-09-04");

        Assert.Equal("40.0", EquipmentReportRows.Number(report.GetProperty("bookableHours")));
        Assert.Equal(["1:Portátil:1:64.0"], EquipmentReportRows.Types(report));
        Assert.Equal(
            ["X1:1:3.0:7.5", "Y1:0:0.0:0.0"],
            EquipmentReportRows.Items(report));
        // C2 ends on Monday the 7th, outside the week: not a late return of it.
        Assert.Empty(report.GetProperty("lateReturns").EnumerateArray());
    }
}
