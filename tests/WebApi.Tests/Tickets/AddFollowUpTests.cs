using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets;

public sealed class AddFollowUpTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public AddFollowUpTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task DeskPublicAnswer_OnNew_StartsWorkAndRecordsFirstResponse_PrivateNoteDoesNot()
    {
        var cast = await TicketCast.For(_factory);
        var id = await TicketApi.OpenIdAsync(cast.RequesterA);

        var afterNote = await TicketApi.ActAsync(cast.Technician, id, "follow-ups", new { content = "Revisar inventario", isPrivate = true });
        Assert.Equal("New", afterNote.Status());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, afterNote.GetProperty("firstResponseAt").ValueKind);

        var afterAnswer = await TicketApi.ActAsync(cast.Technician, id, "follow-ups", new { content = "Ya lo estamos revisando." });
        Assert.Equal("InProgress", afterAnswer.Status());
        Assert.Equal(System.Text.Json.JsonValueKind.String, afterAnswer.GetProperty("firstResponseAt").ValueKind);
    }

    [Fact]
    public async Task RequesterAnswer_OnPending_ResumesWork_ObserversDoesNot()
    {
        var cast = await TicketCast.For(_factory);
        var id = await TicketApi.OpenIdAsync(cast.RequesterA, observers: [cast.Observer.Email]);
        await TicketApi.ActAsync(cast.Technician, id, "assign", new { technicianId = cast.Technician.Id });
        await TicketApi.ActAsync(cast.Technician, id, "pending", new { reason = "¿Cuál es el número de inventario?" });

        var byObserver = await TicketApi.ActAsync(cast.Observer, id, "follow-ups", new { content = "A mí también me pasa." });
        Assert.Equal("Pending", byObserver.Status());

        var byRequester = await TicketApi.ActAsync(cast.RequesterA, id, "follow-ups", new { content = "Es el INV-2040." });
        Assert.Equal("InProgress", byRequester.Status());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, byRequester.GetProperty("pendingReason").ValueKind);
        var authors = byRequester.GetProperty("timeline").EnumerateArray()
            .Where(i => i.GetProperty("kind").GetString() == "FollowUp")
            .Select(i => i.GetProperty("actor").GetProperty("name").GetString());
        Assert.Equal(["Olga Observadora", "Ana Solicitante"], authors);
    }

    [Fact]
    public async Task RequesterAnswer_OnSolved_IsOnlyAMessage()
    {
        var cast = await TicketCast.For(_factory);
        var id = await TicketApi.OpenIdAsync(cast.RequesterA);
        await TicketApi.ActAsync(cast.Technician, id, "assign", new { technicianId = cast.Technician.Id });
        await TicketApi.ActAsync(cast.Technician, id, "solve", new { solution = "Listo." });

        var after = await TicketApi.ActAsync(cast.RequesterA, id, "follow-ups", new { content = "Gracias" });

        Assert.Equal("Solved", after.Status());
    }
}
