using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.WebApi.Tests.Reservations;

/// <summary>
/// A damaged return sends the item to maintenance, and the desk may open one ticket from it: an incident about the
/// item for the person who had it, with the return's notes in its description. Only the desk; only once.
/// </summary>
public sealed class DamageTicketTests : IClassFixture<ReservationsApiFactory>
{
    private const string Notes = "Pantalla rayada en la esquina inferior y una bisagra floja";

    private readonly ReservationsApiFactory _factory;

    public DamageTicketTests(ReservationsApiFactory factory) => _factory = factory;

    /// <summary>A reservation of <paramref name="holder"/> handed over and taken back in the given condition.</summary>
    private async Task<(Guid Item, JsonElement Reservation)> ReturnedAsync(ReservationCast cast, TestUser holder, string condition = "Damaged")
    {
        var item = await ReservationApi.CreateItemAsync(cast.Administrator, ReservationApi.Projector, name: "Videobeam Epson X41");
        var now = _factory.Clock.GetUtcNow();
        var booked = await ReservationApi.BookOkAsync(holder, item, now.AddMinutes(5), now.AddHours(3));
        await ReservationApi.ActAsync(cast.Technician, booked.Id(), "check-out");
        var returned = await ReservationApi.ActAsync(cast.Technician, booked.Id(), "check-in", new { condition, notes = condition == "Damaged" ? Notes : null });
        return (item, returned);
    }

    [Fact]
    public async Task TheDesk_OpensATicketFromADamagedReturn_ForTheHolder_AboutTheItem_WithTheNotes()
    {
        var cast = await ReservationCast.For(_factory);
        var (item, returned) = await ReturnedAsync(cast, cast.Ana);
        var itemState = await (await cast.Technician.Client.GetAsync($"/api/v1/equipment/{item}")).JsonAsync();
        Assert.Equal("InMaintenance", itemState.GetProperty("state").GetString());

        var response = await ReservationApi.PostAsync(cast.Technician, returned.Id(), "damage-ticket", new { urgency = "High" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        var ticketId = body.GetProperty("ticketId").GetInt32();
        Assert.Equal($"/api/v1/tickets/{ticketId}", response.Headers.Location?.OriginalString);
        Assert.Equal(ticketId, body.GetProperty("reservation").GetProperty("damageTicketId").GetInt32());
        Assert.Equal($"\"{body.GetProperty("reservation").GetProperty("version").GetInt32()}\"", response.Headers.ETag?.Tag);

        // The holder sees it as his own ticket, about the item, with the condition notes.
        var ticket = await (await (await cast.Ana.Client.GetAsync($"/api/v1/tickets/{ticketId}")).EnsureSuccessAsync()).JsonAsync();
        Assert.Equal(cast.Ana.Id, ticket.GetProperty("requester").GetProperty("id").GetGuid());
        Assert.Equal("Incident", ticket.GetProperty("type").GetString());
        Assert.Equal("High", ticket.GetProperty("urgency").GetString());
        Assert.Equal(item, ticket.GetProperty("equipment").GetProperty("itemId").GetGuid());
        Assert.Equal("Videobeam", ticket.GetProperty("equipment").GetProperty("materialType").GetString());
        Assert.Contains("Videobeam Epson X41", ticket.GetProperty("title").GetString());
        Assert.Contains(Notes, ticket.GetProperty("description").GetString());
        var reservation = await ReservationApi.GetAsync(cast.Ana, returned.Id());
        Assert.Equal(ticketId, reservation.GetProperty("damageTicketId").GetInt32());
    }

    [Fact]
    public async Task OnlyOneTicketPerDamagedReturn_TheSecondIs409NamingTheFirst()
    {
        var cast = await ReservationCast.For(_factory);
        var (_, returned) = await ReturnedAsync(cast, cast.Beto);
        var first = await ReservationApi.ActAsync(cast.Technician, returned.Id(), "damage-ticket", new { title = "Videobeam devuelto con la lámpara rota", details = "Revisar garantía" });
        var ticketId = first.GetProperty("ticketId").GetInt32();

        var problem = await (await ReservationApi.PostAsync(cast.Administrator, returned.Id(), "damage-ticket")).ProblemAsync(HttpStatusCode.Conflict, "reservations.damage_ticket_exists");

        Assert.Equal(ticketId, problem.GetProperty("ticketId").GetInt32());
        var ticket = await (await cast.Technician.Client.GetAsync($"/api/v1/tickets/{ticketId}")).JsonAsync();
        Assert.Equal("Videobeam devuelto con la lámpara rota", ticket.GetProperty("title").GetString());
        Assert.Contains("Revisar garantía", ticket.GetProperty("description").GetString());
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Tickets.CountAsync(t => t.RequesterId == cast.Beto.Id && t.Title == "Videobeam devuelto con la lámpara rota")));
    }

    [Fact]
    public async Task TheHolder_CannotOpenIt_AnotherRequesterGets404_AndNothingIsOpened()
    {
        var cast = await ReservationCast.For(_factory);
        var (_, returned) = await ReturnedAsync(cast, cast.Ana);
        var before = await _factory.WithDbAsync(db => db.Tickets.CountAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await ReservationApi.PostAsync(cast.Ana, returned.Id(), "damage-ticket")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ReservationApi.PostAsync(cast.Beto, returned.Id(), "damage-ticket")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.Anonymous().PostAsJsonAsync($"/api/v1/reservations/{returned.Id()}/damage-ticket", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ReservationApi.PostAsync(cast.Technician, Guid.CreateVersion7(), "damage-ticket")).StatusCode);

        Assert.Equal(before, await _factory.WithDbAsync(db => db.Tickets.CountAsync()));
        Assert.Equal(JsonValueKind.Null, (await ReservationApi.GetAsync(cast.Ana, returned.Id())).GetProperty("damageTicketId").ValueKind);
    }

    [Fact]
    public async Task AGoodReturn_OrAReservationNotReturned_Is409_AndABadTitleIsAFieldError()
    {
        var cast = await ReservationCast.For(_factory);
        var (_, good) = await ReturnedAsync(cast, cast.Ana, "Good");
        var item = await ReservationApi.CreateItemAsync(cast.Administrator);
        var now = _factory.Clock.GetUtcNow();
        var reserved = await ReservationApi.BookOkAsync(cast.Ana, item, now.AddDays(1), now.AddDays(1).AddHours(2));
        var (_, damaged) = await ReturnedAsync(cast, cast.Beto);

        await (await ReservationApi.PostAsync(cast.Technician, good.Id(), "damage-ticket")).ProblemAsync(HttpStatusCode.Conflict, "reservations.not_damaged");
        await (await ReservationApi.PostAsync(cast.Technician, reserved.Id(), "damage-ticket")).ProblemAsync(HttpStatusCode.Conflict, "reservations.not_damaged");
        var problem = await (await ReservationApi.PostAsync(cast.Technician, damaged.Id(), "damage-ticket", new { title = "x" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await ReservationApi.PostAsync(cast.Technician, damaged.Id(), "damage-ticket", ifMatch: 1)).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await ReservationApi.GetAsync(cast.Beto, damaged.Id())).GetProperty("damageTicketId").ValueKind);
    }
}
