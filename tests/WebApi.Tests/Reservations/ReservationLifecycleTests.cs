using System.Net;
using System.Net.Http.Json;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Reservations;

public sealed class ReservationLifecycleTests : IClassFixture<ReservationsApiFactory>
{
    private readonly ReservationsApiFactory _factory;

    public ReservationLifecycleTests(ReservationsApiFactory factory) => _factory = factory;

    private DateTimeOffset Now => _factory.Clock.GetUtcNow();

    [Fact]
    public async Task Book_HandOver_Return_IsTheWholeLoop()
    {
        var cast = await ReservationCast.For(_factory);
        var item = await ReservationApi.CreateItemAsync(cast.Administrator);
        var start = Now.AddHours(1);

        var response = await ReservationApi.BookAsync(cast.Ana, item, start, start.AddHours(2), "Clase de Física II, salón 204");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booked = await response.JsonAsync();
        Assert.Equal("Reserved", booked.Status());
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal($"/api/v1/reservations/{booked.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("Ana Docente", booked.GetProperty("holder").GetProperty("name").GetString());
        Assert.Equal("Portátil", booked.GetProperty("item").GetProperty("materialType").GetString());
        Assert.Equal(new[] { "Cancel" }, booked.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!).ToArray());

        _factory.Clock.Advance(TimeSpan.FromMinutes(45));
        var handedOver = await ReservationApi.ActAsync(cast.Technician, booked.Id(), "check-out");
        Assert.Equal("CheckedOut", handedOver.Status());
        var mine = await (await (await cast.Ana.Client.GetAsync("/api/v1/me/equipment")).EnsureSuccessAsync()).JsonAsync();
        Assert.Contains(mine.EnumerateArray(), e => e.GetProperty("itemId").GetGuid() == item);

        var returned = await ReservationApi.ActAsync(cast.Technician, booked.Id(), "check-in", new { condition = "Good", notes = "Completo, con cargador" });
        Assert.Equal("Returned", returned.Status());
        Assert.Equal("Good", returned.GetProperty("returnCondition").GetString());
        Assert.DoesNotContain((await (await (await cast.Ana.Client.GetAsync("/api/v1/me/equipment")).EnsureSuccessAsync()).JsonAsync()).EnumerateArray(), e => e.GetProperty("itemId").GetGuid() == item);
    }

    [Fact]
    public async Task BackToBackBookings_AreFine_OverlappingOnesAre409()
    {
        var cast = await ReservationCast.For(_factory);
        var item = await ReservationApi.CreateItemAsync(cast.Administrator);
        var start = Now.AddDays(1);
        await ReservationApi.BookOkAsync(cast.Ana, item, start, start.AddHours(2));

        Assert.Equal(HttpStatusCode.Created, (await ReservationApi.BookAsync(cast.Beto, item, start.AddHours(2), start.AddHours(3))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ReservationApi.BookAsync(cast.Beto, item, start.AddHours(-1), start)).StatusCode);
        var problem = await (await ReservationApi.BookAsync(cast.Beto, item, start.AddMinutes(30), start.AddMinutes(90))).ProblemAsync(HttpStatusCode.Conflict, "reservations.overlap");
        Assert.Equal(start, problem.GetProperty("conflict").GetProperty("start").GetDateTimeOffset());
    }

    [Fact]
    public async Task ACancelledBooking_FreesItsWindow()
    {
        var cast = await ReservationCast.For(_factory);
        var item = await ReservationApi.CreateItemAsync(cast.Administrator);
        var start = Now.AddDays(1);
        var first = await ReservationApi.BookOkAsync(cast.Ana, item, start, start.AddHours(2));

        var cancelled = await ReservationApi.ActAsync(cast.Ana, first.Id(), "cancel");

        Assert.Equal("Cancelled", cancelled.Status());
        Assert.Equal(HttpStatusCode.Created, (await ReservationApi.BookAsync(cast.Beto, item, start, start.AddHours(2))).StatusCode);
    }

    [Theory]
    [InlineData(-60, 60, "reservations.start_in_past")]
    [InlineData(60, 60 + (73 * 60), "reservations.too_long")]
    [InlineData(61 * 24 * 60, (61 * 24 * 60) + 60, "reservations.too_far_ahead")]
    public async Task Limits_Are422WithTheirCode_AndBookNothing(int startMinutes, int endMinutes, string code)
    {
        var cast = await ReservationCast.For(_factory);
        var item = await ReservationApi.CreateItemAsync(cast.Administrator);

        var response = await ReservationApi.BookAsync(cast.Ana, item, Now.AddMinutes(startMinutes), Now.AddMinutes(endMinutes));

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal(0, (await (await cast.Technician.Client.GetAsync($"/api/v1/reservations?itemId={item}")).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task BadInput_Is400WithEveryFieldsError_InSpanishByDefaultAndEnglishOnRequest()
    {
        var cast = await ReservationCast.For(_factory);
        var start = Now.AddHours(3);
        var body = new { itemId = Guid.Empty, start, end = start.AddHours(-1), purpose = "" };

        var spanish = await (await cast.Ana.Client.PostAsJsonAsync("/api/v1/reservations", body)).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = spanish.GetProperty("errors");
        Assert.True(errors.TryGetProperty("itemId", out _));
        Assert.True(errors.TryGetProperty("end", out var endErrors));
        Assert.True(errors.TryGetProperty("purpose", out _));
        Assert.Contains("posterior", endErrors[0].GetString(), StringComparison.Ordinal);

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reservations") { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await (await cast.Ana.Client.SendAsync(request)).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("after the start", english.GetProperty("errors").GetProperty("end")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownItem_IsAFieldError()
    {
        var cast = await ReservationCast.For(_factory);
        var problem = await (await ReservationApi.BookAsync(cast.Ana, Guid.NewGuid(), Now.AddHours(1), Now.AddHours(2))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("itemId", out _));
    }

    [Fact]
    public async Task IdempotencyKey_ARetryReturnsTheFirstReservation_AndBooksNothingMore()
    {
        var cast = await ReservationCast.For(_factory);
        var item = await ReservationApi.CreateItemAsync(cast.Administrator);
        var start = Now.AddDays(3);

        var first = await ReservationApi.BookAsync(cast.Ana, item, start, start.AddHours(1), idempotencyKey: "reserva-123");
        var retry = await ReservationApi.BookAsync(cast.Ana, item, start, start.AddHours(1), idempotencyKey: "reserva-123");
        var reused = await ReservationApi.BookAsync(cast.Ana, item, start.AddHours(5), start.AddHours(6), idempotencyKey: "reserva-123");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotency-Replayed").Single());
        Assert.Equal((await first.JsonAsync()).Id(), (await retry.JsonAsync()).Id());
        await reused.ProblemAsync(HttpStatusCode.UnprocessableEntity, "reservations.idempotency_key_reused");
        var all = await (await cast.Technician.Client.GetAsync($"/api/v1/reservations?itemId={item}")).JsonAsync();
        Assert.Equal(1, all.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task IfMatch_AStaleVersionIs412_AndChangesNothing()
    {
        var cast = await ReservationCast.For(_factory);
        var item = await ReservationApi.CreateItemAsync(cast.Administrator);
        var booked = await ReservationApi.BookOkAsync(cast.Ana, item, Now.AddMinutes(10), Now.AddHours(2));

        await (await ReservationApi.PostAsync(cast.Technician, booked.Id(), "check-out", ifMatch: 7)).ProblemAsync(HttpStatusCode.PreconditionFailed, "common.precondition_failed");
        Assert.Equal("Reserved", (await ReservationApi.GetAsync(cast.Ana, booked.Id())).Status());

        var response = await ReservationApi.PostAsync(cast.Technician, booked.Id(), "check-out", ifMatch: 1);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task IllegalTransitions_Are409WithTheAllowedActions()
    {
        var cast = await ReservationCast.For(_factory);
        var item = await ReservationApi.CreateItemAsync(cast.Administrator);
        var booked = await ReservationApi.BookOkAsync(cast.Ana, item, Now.AddMinutes(10), Now.AddHours(2));

        var problem = await (await ReservationApi.PostAsync(cast.Technician, booked.Id(), "check-in", new { condition = "Good" })).ProblemAsync(HttpStatusCode.Conflict, "reservations.invalid_transition");
        Assert.Equal("Reserved", problem.GetProperty("currentStatus").GetString());
        Assert.Contains("CheckOut", problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task TheDesk_CancelsWithAReason_ThePersonOnlyBeforeTheStart()
    {
        var cast = await ReservationCast.For(_factory);
        var item = await ReservationApi.CreateItemAsync(cast.Administrator);
        var booked = await ReservationApi.BookOkAsync(cast.Ana, item, Now.AddMinutes(10), Now.AddHours(2));
        _factory.Clock.Advance(TimeSpan.FromMinutes(15));

        await (await ReservationApi.PostAsync(cast.Ana, booked.Id(), "cancel")).ProblemAsync(HttpStatusCode.Conflict, "reservations.already_started");
        await (await ReservationApi.PostAsync(cast.Technician, booked.Id(), "cancel")).ProblemAsync(HttpStatusCode.UnprocessableEntity, "reservations.cancel_reason_required");
        var cancelled = await ReservationApi.ActAsync(cast.Technician, booked.Id(), "cancel", new { reason = "El videobeam quedó en mantenimiento" });
        Assert.Equal("Cancelled", cancelled.Status());
        Assert.Equal("El videobeam quedó en mantenimiento", cancelled.GetProperty("cancelReason").GetString());
    }

    [Fact]
    public async Task ADamagedReturn_SendsTheItemToMaintenance_AndItCannotBeBookedUntilBack()
    {
        var cast = await ReservationCast.For(_factory);
        var item = await ReservationApi.CreateItemAsync(cast.Administrator);
        var booked = await ReservationApi.BookOkAsync(cast.Ana, item, Now.AddMinutes(10), Now.AddHours(2));
        await ReservationApi.ActAsync(cast.Technician, booked.Id(), "check-out");

        var missingNotes = await (await ReservationApi.PostAsync(cast.Technician, booked.Id(), "check-in", new { condition = "Damaged" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(missingNotes.GetProperty("errors").TryGetProperty("notes", out _));
        await ReservationApi.ActAsync(cast.Technician, booked.Id(), "check-in", new { condition = "Damaged", notes = "La pantalla tiene una grieta" });

        var equipment = await (await cast.Ana.Client.GetAsync($"/api/v1/equipment/{item}")).JsonAsync();
        Assert.Equal("InMaintenance", equipment.GetProperty("state").GetString());
        Assert.Equal("La pantalla tiene una grieta", equipment.GetProperty("maintenanceReason").GetString());
        await (await ReservationApi.BookAsync(cast.Beto, item, Now.AddDays(1), Now.AddDays(1).AddHours(1))).ProblemAsync(HttpStatusCode.Conflict, "reservations.item_unavailable");

        (await cast.Technician.Client.PostAsync($"/api/v1/equipment/{item}/maintenance/end", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Created, (await ReservationApi.BookAsync(cast.Beto, item, Now.AddDays(1), Now.AddDays(1).AddHours(1))).StatusCode);
    }

    [Fact]
    public async Task TheDeskDay_ListsPickUpsReturnsAndOverdue_WithNames()
    {
        using var factory = new ReservationsApiFactory();
        var cast = await ReservationCast.For(factory);
        var now = factory.Clock.GetUtcNow(); // 08:00 in Bogotá
        var pickUp = await ReservationApi.BookOkAsync(cast.Ana, await ReservationApi.CreateItemAsync(cast.Administrator), now.AddHours(3), now.AddHours(5));
        var back = await ReservationApi.BookOkAsync(cast.Beto, await ReservationApi.CreateItemAsync(cast.Administrator), now.AddMinutes(10), now.AddHours(4));
        await ReservationApi.ActAsync(cast.Technician, back.Id(), "check-out");

        var day = await (await (await cast.Technician.Client.GetAsync("/api/v1/reservations/desk-day")).EnsureSuccessAsync()).JsonAsync();

        Assert.Equal("2026-03-02", day.GetProperty("date").GetString());
        var pickUps = day.GetProperty("pickUps").EnumerateArray().ToList();
        Assert.Equal(pickUp.Id(), Assert.Single(pickUps).GetProperty("reservation").GetProperty("id").GetGuid());
        Assert.Equal("Ana Docente", pickUps[0].GetProperty("holderName").GetString());
        Assert.Equal(back.Id(), Assert.Single(day.GetProperty("returns").EnumerateArray()).GetProperty("reservation").GetProperty("id").GetGuid());
        Assert.Empty(day.GetProperty("overdue").EnumerateArray());
    }
}
