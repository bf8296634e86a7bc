using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Reservations;

/// <summary>A ticket may name equipment only while the requester holds it ("en su poder"); it then shows and filters by it.</summary>
public sealed class EquipmentOnTicketsTests : IClassFixture<ReservationsApiFactory>
{
    private readonly ReservationsApiFactory _factory;

    public EquipmentOnTicketsTests(ReservationsApiFactory factory) => _factory = factory;

    /// <summary>An item of the given type checked out to <paramref name="holder"/> now.</summary>
    private async Task<Guid> HeldItemAsync(ReservationCast cast, TestUser holder, int materialTypeId = ReservationApi.Projector, string name = "Videobeam Epson")
    {
        var item = await ReservationApi.CreateItemAsync(cast.Administrator, materialTypeId, name: name);
        var now = _factory.Clock.GetUtcNow();
        var reservation = await ReservationApi.BookOkAsync(holder, item, now.AddMinutes(5), now.AddHours(3));
        await ReservationApi.ActAsync(cast.Technician, reservation.Id(), "check-out");
        return item;
    }

    private static object Ticket(Guid? equipmentItemId) => new
    {
        title = "El videobeam no enciende",
        description = "El videobeam que me entregaron no enciende en el salón 204.",
        type = "Incident",
        equipmentItemId,
    };

    [Fact]
    public async Task AnItemIHold_IsAccepted_AndTheTicketShowsItsCodeNameAndType()
    {
        var cast = await ReservationCast.For(_factory);
        var item = await HeldItemAsync(cast, cast.Ana);

        var response = await cast.Ana.Client.PostAsJsonAsync("/api/v1/tickets", Ticket(item));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = await response.JsonAsync();
        var equipment = ticket.GetProperty("equipment");
        Assert.Equal(item, equipment.GetProperty("itemId").GetGuid());
        Assert.StartsWith("EQ-", equipment.GetProperty("code").GetString(), StringComparison.Ordinal);
        Assert.Equal("Videobeam Epson", equipment.GetProperty("name").GetString());
        Assert.Equal("Videobeam", equipment.GetProperty("materialType").GetString());
        var read = await (await cast.Ana.Client.GetAsync($"/api/v1/tickets/{ticket.GetProperty("id").GetInt32()}")).JsonAsync();
        Assert.Equal(item, read.GetProperty("equipment").GetProperty("itemId").GetGuid());
        var mine = await (await cast.Ana.Client.GetAsync("/api/v1/me/tickets")).JsonAsync();
        var listed = mine.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == ticket.GetProperty("id").GetInt32());
        Assert.Equal("Videobeam", listed.GetProperty("equipment").GetProperty("materialType").GetString());
    }

    [Fact]
    public async Task AnItemNotHeld_IsA400FieldError_AndNoTicketIsOpened()
    {
        var cast = await ReservationCast.For(_factory);
        var betosItem = await HeldItemAsync(cast, cast.Beto);
        var reservedOnly = await ReservationApi.CreateItemAsync(cast.Administrator);
        var start = _factory.Clock.GetUtcNow().AddDays(1);
        await ReservationApi.BookOkAsync(cast.Ana, reservedOnly, start, start.AddHours(1));
        var before = (await (await cast.Ana.Client.GetAsync("/api/v1/me/tickets")).JsonAsync()).GetProperty("total").GetInt32();

        foreach (var item in new[] { betosItem, reservedOnly, Guid.NewGuid() })
        {
            var problem = await (await cast.Ana.Client.PostAsJsonAsync("/api/v1/tickets", Ticket(item))).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.Contains("en tu poder", problem.GetProperty("errors").GetProperty("equipmentItemId")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, (await (await cast.Ana.Client.GetAsync("/api/v1/me/tickets")).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AReturnedItem_IsNoLongerAccepted()
    {
        var cast = await ReservationCast.For(_factory);
        var item = await HeldItemAsync(cast, cast.Ana);
        var reservation = (await (await cast.Ana.Client.GetAsync("/api/v1/me/equipment")).JsonAsync()).EnumerateArray().Single(r => r.GetProperty("itemId").GetGuid() == item);
        await ReservationApi.ActAsync(cast.Technician, reservation.GetProperty("id").GetGuid(), "check-in", new { condition = "Good" });

        await (await cast.Ana.Client.PostAsJsonAsync("/api/v1/tickets", Ticket(item))).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task NoItem_OpensAsBefore_WithNoEquipment()
    {
        var cast = await ReservationCast.For(_factory);
        var ticket = await (await (await cast.Ana.Client.PostAsJsonAsync("/api/v1/tickets", Ticket(null))).EnsureSuccessAsync()).JsonAsync();
        Assert.Equal(JsonValueKind.Null, ticket.GetProperty("equipment").ValueKind);
    }

    [Fact]
    public async Task Multipart_AcceptsTheItemToo()
    {
        var cast = await ReservationCast.For(_factory);
        var item = await HeldItemAsync(cast, cast.Ana, ReservationApi.Laptop, "Portátil HP");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("El portátil no carga"), "title" },
            { new StringContent("El portátil prestado no carga la batería."), "description" },
            { new StringContent("Incident"), "type" },
            { new StringContent(item.ToString()), "equipmentItemId" },
        };

        var ticket = await (await (await cast.Ana.Client.PostAsync("/api/v1/tickets", form)).EnsureSuccessAsync()).JsonAsync();

        Assert.Equal("Portátil", ticket.GetProperty("equipment").GetProperty("materialType").GetString());
        using var bad = new MultipartFormDataContent
        {
            { new StringContent("El portátil no carga"), "title" },
            { new StringContent("El portátil prestado no carga la batería."), "description" },
            { new StringContent("Incident"), "type" },
            { new StringContent("no-es-un-id"), "equipmentItemId" },
        };
        var problem = await (await cast.Ana.Client.PostAsync("/api/v1/tickets", bad)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("equipmentItemId", out _));
    }

    [Fact]
    public async Task OnBehalf_AcceptsOnlyWhatTheRequesterHolds()
    {
        var cast = await ReservationCast.For(_factory);
        var anasItem = await HeldItemAsync(cast, cast.Ana);
        object Body(Guid item) => new
        {
            requesterId = cast.Ana.Id, title = "Llamada: videobeam sin imagen", description = "Ana llamó: el videobeam no proyecta imagen.", type = "Incident", equipmentItemId = item,
        };

        var ticket = await (await (await cast.Technician.Client.PostAsJsonAsync("/api/v1/tickets/on-behalf", Body(anasItem))).EnsureSuccessAsync()).JsonAsync();
        Assert.Equal(anasItem, ticket.GetProperty("equipment").GetProperty("itemId").GetGuid());

        var betosItem = await HeldItemAsync(cast, cast.Beto);
        var problem = await (await cast.Technician.Client.PostAsJsonAsync("/api/v1/tickets/on-behalf", Body(betosItem))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("equipmentItemId", out _));
    }

    [Fact]
    public async Task Search_FiltersByMaterialType()
    {
        var cast = await ReservationCast.For(_factory);
        var camera = await HeldItemAsync(cast, cast.Beto, 3, "Cámara Canon");
        var withCamera = await (await (await cast.Beto.Client.PostAsJsonAsync("/api/v1/tickets", Ticket(camera))).EnsureSuccessAsync()).JsonAsync();
        await (await cast.Beto.Client.PostAsJsonAsync("/api/v1/tickets", Ticket(null))).EnsureSuccessAsync();

        var found = await (await (await cast.Technician.Client.GetAsync("/api/v1/tickets?materialType=3&pageSize=100")).EnsureSuccessAsync()).JsonAsync();

        var ids = found.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(withCamera.GetProperty("id").GetInt32(), ids);
        Assert.All(found.GetProperty("items").EnumerateArray(), t => Assert.Equal("Cámara", t.GetProperty("equipment").GetProperty("materialType").GetString()));
        await (await cast.Technician.Client.GetAsync("/api/v1/tickets?materialType=camara")).ProblemAsync(HttpStatusCode.BadRequest);
    }
}
