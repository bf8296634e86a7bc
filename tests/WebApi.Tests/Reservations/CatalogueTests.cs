using System.Net;
using System.Net.Http.Json;
using System.Text;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Reservations;

/// <summary>Material types, items, maintenance (with the reservations it collides with), availability and the CSV import.</summary>
public sealed class CatalogueTests : IClassFixture<ReservationsApiFactory>
{
    private readonly ReservationsApiFactory _factory;

    public CatalogueTests(ReservationsApiFactory factory) => _factory = factory;

    [Fact]
    public async Task MaterialTypes_AreSeededInSpanish_AndManagedByAdministrators()
    {
        var cast = await ReservationCast.For(_factory);
        var seeded = (await (await cast.Ana.Client.GetAsync("/api/v1/material-types")).JsonAsync()).EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains("Portátil", seeded);
        Assert.Contains("Videobeam", seeded);
        Assert.Contains("Cámara", seeded);
        Assert.Contains("Micrófono", seeded);

        var created = await (await (await cast.Administrator.Client.PostAsJsonAsync("/api/v1/material-types", new { name = "Tableta gráfica" })).EnsureSuccessAsync()).JsonAsync();
        await (await cast.Administrator.Client.PostAsJsonAsync("/api/v1/material-types", new { name = "tableta GRÁFICA" })).ProblemAsync(HttpStatusCode.Conflict, "equipment.material_type_taken");
        var id = created.GetProperty("id").GetInt32();
        await (await cast.Administrator.Client.PutAsJsonAsync($"/api/v1/material-types/{id}", new { name = "Tableta gráfica", isActive = false })).EnsureSuccessAsync();

        var visible = (await (await cast.Ana.Client.GetAsync("/api/v1/material-types")).JsonAsync()).EnumerateArray().Select(t => t.GetProperty("id").GetInt32());
        Assert.DoesNotContain(id, visible);
        var problem = await (await cast.Administrator.Client.PostAsJsonAsync("/api/v1/equipment", new { code = "TG-1", name = "Wacom", materialTypeId = id })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("materialTypeId", out _));
    }

    [Fact]
    public async Task InventoryCodes_AreUnique_InAnyCase()
    {
        var cast = await ReservationCast.For(_factory);
        await ReservationApi.CreateItemAsync(cast.Administrator, code: "cam-0001", name: "Cámara Nikon");
        var problem = await (await cast.Administrator.Client.PostAsJsonAsync("/api/v1/equipment", new { code = " CAM-0001 ", name = "Otra", materialTypeId = 3 }))
            .ProblemAsync(HttpStatusCode.Conflict, "equipment.code_taken");
        Assert.Equal("code", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Maintenance_ListsTheReservationsThatCollide_AndAvailabilityLeavesTheItemOut()
    {
        var cast = await ReservationCast.For(_factory);
        var item = await ReservationApi.CreateItemAsync(cast.Administrator, ReservationApi.Projector, name: "Videobeam Sala 3");
        var now = _factory.Clock.GetUtcNow();
        var tomorrow = await ReservationApi.BookOkAsync(cast.Ana, item, now.AddDays(1), now.AddDays(1).AddHours(2));
        var cancelled = await ReservationApi.BookOkAsync(cast.Beto, item, now.AddDays(2), now.AddDays(2).AddHours(2));
        await ReservationApi.ActAsync(cast.Beto, cancelled.Id(), "cancel");

        var change = await (await (await cast.Technician.Client.PostAsJsonAsync($"/api/v1/equipment/{item}/maintenance", new { reason = "La lámpara parpadea" })).EnsureSuccessAsync()).JsonAsync();

        Assert.Equal("InMaintenance", change.GetProperty("item").GetProperty("state").GetString());
        var colliding = Assert.Single(change.GetProperty("collidingReservations").EnumerateArray());
        Assert.Equal(tomorrow.Id(), colliding.GetProperty("id").GetGuid());
        var window = $"start={Uri.EscapeDataString(now.AddDays(3).ToString("O"))}&end={Uri.EscapeDataString(now.AddDays(3).AddHours(1).ToString("O"))}";
        var free = await (await (await cast.Ana.Client.GetAsync($"/api/v1/equipment/availability?materialTypeId={ReservationApi.Projector}&{window}")).EnsureSuccessAsync()).JsonAsync();
        Assert.DoesNotContain(free.EnumerateArray(), i => i.GetProperty("id").GetGuid() == item);
        await (await cast.Technician.Client.PostAsync($"/api/v1/equipment/{item}/maintenance", null)).ProblemAsync(HttpStatusCode.Conflict, "equipment.invalid_transition");
    }

    [Fact]
    public async Task Availability_ListsTheFreeItemsOfTheType_ForTheWholeWindow()
    {
        var cast = await ReservationCast.For(_factory);
        var booked = await ReservationApi.CreateItemAsync(cast.Administrator, 5, name: "Micrófono inalámbrico A");
        var free = await ReservationApi.CreateItemAsync(cast.Administrator, 5, name: "Micrófono inalámbrico B");
        var other = await ReservationApi.CreateItemAsync(cast.Administrator, 4, name: "Parlante");
        var start = _factory.Clock.GetUtcNow().AddDays(5);
        await ReservationApi.BookOkAsync(cast.Ana, booked, start.AddHours(1), start.AddHours(2));

        var inWindow = await (await (await cast.Beto.Client.GetAsync($"/api/v1/equipment/availability?materialTypeId=5&start={Uri.EscapeDataString(start.ToString("O"))}&end={Uri.EscapeDataString(start.AddHours(3).ToString("O"))}")).EnsureSuccessAsync()).JsonAsync();
        var before = await (await cast.Beto.Client.GetAsync($"/api/v1/equipment/availability?materialTypeId=5&start={Uri.EscapeDataString(start.ToString("O"))}&end={Uri.EscapeDataString(start.AddHours(1).ToString("O"))}")).JsonAsync();

        var ids = inWindow.EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(free, ids);
        Assert.DoesNotContain(booked, ids);
        Assert.DoesNotContain(other, ids);
        Assert.Contains(booked, before.EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        Assert.DoesNotContain("holder", inWindow.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var problem = await (await cast.Beto.Client.GetAsync("/api/v1/equipment/availability?start=ayer&end=2026-03-10T10:00:00Z")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("start", out _));
    }

    [Fact]
    public async Task Import_CreatesAndUpdates_WithAReportPerRow()
    {
        var cast = await ReservationCast.For(_factory);
        await ReservationApi.CreateItemAsync(cast.Administrator, code: "IMP-0001", name: "Nombre viejo");
        var csv = """
            codigo;nombre;tipo;ubicacion;notas
            IMP-0001;Portátil Dell Latitude;Portátil;Bloque A;
            IMP-0002;Videobeam Epson;videobeam;Auditorio;Con control
            IMP-0003;Sin tipo;Nave espacial;;
            ;Sin código;Cámara;;
            imp-0002;Repetido;Cámara;;
            """;
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "equipos.csv" } };

        var report = await (await (await cast.Administrator.Client.PostAsync("/api/v1/equipment/import", form)).EnsureSuccessAsync()).JsonAsync();

        Assert.Equal(1, report.GetProperty("created").GetInt32());
        Assert.Equal(1, report.GetProperty("updated").GetInt32());
        Assert.Equal(3, report.GetProperty("rejected").GetInt32());
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(new[] { "updated", "created", "rejected", "rejected", "rejected" }, rows.Select(r => r.GetProperty("outcome").GetString()!).ToArray());
        Assert.Equal(4, rows[2].GetProperty("line").GetInt32());
        Assert.Equal("equipment.material_type_unknown", rows[2].GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("equipment.code_invalid", rows[3].GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("equipment.import_duplicate_in_file", rows[4].GetProperty("errors")[0].GetProperty("code").GetString());

        var list = await (await cast.Ana.Client.GetAsync("/api/v1/equipment?text=imp-000&pageSize=100")).JsonAsync();
        var items = list.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!);
        Assert.Equal(2, items.Count);
        Assert.Equal("Portátil Dell Latitude", items["IMP-0001"].GetProperty("name").GetString());
        Assert.Equal("Videobeam", items["IMP-0002"].GetProperty("materialType").GetString());
    }

    [Fact]
    public async Task Import_WithoutACodeColumn_IsAFileError_AndChangesNothing()
    {
        var cast = await ReservationCast.For(_factory);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("nombre,tipo\nX,Portátil\n")), "file", "equipos.csv" } };
        var problem = await (await cast.Administrator.Client.PostAsync("/api/v1/equipment/import", form)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task Edit_HonoursIfMatch()
    {
        var cast = await ReservationCast.For(_factory);
        var item = await ReservationApi.CreateItemAsync(cast.Administrator, code: "EDIT-1");
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/equipment/{item}") { Content = JsonContent.Create(new { code = "EDIT-1", name = "Nuevo nombre", materialTypeId = 1 }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"5\"");
        await (await cast.Administrator.Client.SendAsync(stale)).ProblemAsync(HttpStatusCode.PreconditionFailed, "common.precondition_failed");

        var fresh = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/equipment/{item}") { Content = JsonContent.Create(new { code = "EDIT-1", name = "Nuevo nombre", materialTypeId = 1 }) };
        fresh.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var response = await cast.Administrator.Client.SendAsync(fresh);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
    }
}
