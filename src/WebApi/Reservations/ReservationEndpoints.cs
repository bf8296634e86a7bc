using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Paging;
using MesaServicios.Application.Reservations;
using MesaServicios.Application.Reservations.BookReservation;
using MesaServicios.Application.Reservations.CancelReservation;
using MesaServicios.Application.Reservations.CheckIn;
using MesaServicios.Application.Reservations.CheckOut;
using MesaServicios.Application.Reservations.DamageTicket;
using MesaServicios.Application.Reservations.DeskDay;
using MesaServicios.Application.Reservations.GetReservation;
using MesaServicios.Application.Reservations.ListMyReservations;
using MesaServicios.Application.Reservations.MyEquipment;
using MesaServicios.Application.Reservations.SearchReservations;
using MesaServicios.Domain.Reservations;
using MesaServicios.WebApi.Common;
using Microsoft.AspNetCore.Mvc;

namespace MesaServicios.WebApi.Reservations;

/// <summary>Body of <c>POST /api/v1/reservations/{id}/check-in</c>.</summary>
/// <param name="Condition">Good or Damaged (a damaged item goes to maintenance; describe the damage in the notes).</param>
/// <param name="Notes">Condition notes.</param>
public sealed record CheckInRequest(ReturnCondition? Condition, string? Notes);

/// <summary>Body of <c>POST /api/v1/reservations/{id}/damage-ticket</c> (every field optional).</summary>
/// <param name="Title">The ticket's title (5 to 150 characters); by default one naming the item.</param>
/// <param name="Details">What the desk adds to the description (the return's condition notes are always included).</param>
/// <param name="Urgency">The ticket's urgency (Medium by default).</param>
public sealed record DamageTicketRequest(string? Title, string? Details, MesaServicios.Domain.Tickets.Urgency? Urgency);

/// <summary>Body of <c>POST /api/v1/reservations/{id}/cancel</c>: the reason (required from the desk).</summary>
public sealed record CancelReservationRequest(string? Reason);

internal static class ReservationEndpoints
{
    private const string Tag = "Reservations";

    public static IEndpointRouteBuilder MapReservationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me/reservations", async (string? activeOnly, string? page, string? pageSize, ISender sender, CancellationToken ct) =>
            {
                var values = new QueryValues();
                var query = new ListMyReservationsQuery(values.Parse<bool>(activeOnly, "activeOnly") ?? false, values.Parse<int>(page, "page") ?? 1, values.Parse<int>(pageSize, "pageSize") ?? Paging.DefaultPageSize);
                return Results.Ok(await sender.Send(values.Done(query), ct));
            })
            .WithTags(Tag)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("My reservations, latest start first; activeOnly=true keeps Reserved, CheckedOut and Overdue. Paged (≤100).")
            .Produces<PagedResult<ReservationListItem>>()
            .ProducesValidationProblem();

        app.MapGet("/api/v1/me/equipment", async (ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new GetMyEquipmentQuery(), ct)))
            .WithTags(Tag)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("The equipment in my possession (\"en su poder\"): checked out to me and not yet returned. A ticket may name one of these (equipmentItemId).")
            .Produces<IReadOnlyList<ReservationListItem>>();

        var group = app.MapGroup("/api/v1/reservations").WithTags(Tag).RequireAuthorization(Policies.SignedIn);

        group.MapPost("/", BookAsync)
            .WithSummary("Book an item for [start, end) with a purpose. Honors Idempotency-Key: a retry returns the first reservation and books nothing. 409 reservations.overlap names the window already taken.")
            .WithDescription("""
                Example body:
                ```json
                { "itemId": "0193a2b4-0000-7000-8000-0000000000aa", "start": "2026-03-10T14:00:00-05:00", "end": "2026-03-10T16:00:00-05:00",
                  "purpose": "Clase de Física II, salón 204" }
                ```
                Windows are half-open: a booking ending at 16:00 and one starting at 16:00 do not overlap. Limits:
                `Reservations:MaxDurationHours`, `MaxDaysAhead`, optional office hours. The desk may add `"holderId"` to book
                for someone else. The response carries `ETag: "<version>"` and `Location`.
                """)
            .Produces<ReservationDetails>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/", async (
                [FromQuery] string[]? status, string? itemId, string? holderId, string? from, string? to, string? page, string? pageSize, ISender sender, CancellationToken ct) =>
            {
                var values = new QueryValues();
                var statuses = (status ?? []).Select(s => values.Enum<ReservationStatus>(s, "status", "reservations.status_invalid")).OfType<ReservationStatus>().ToList();
                var query = new SearchReservationsQuery(
                    statuses,
                    values.Parse<Guid>(itemId, "itemId"),
                    values.Parse<Guid>(holderId, "holderId"),
                    values.Parse<DateTimeOffset>(from, "from"),
                    values.Parse<DateTimeOffset>(to, "to"),
                    values.Parse<int>(page, "page") ?? 1,
                    values.Parse<int>(pageSize, "pageSize") ?? Paging.DefaultPageSize);
                return Results.Ok(await sender.Send(values.Done(query), ct));
            })
            .RequireAuthorization(Policies.Technician)
            .WithSummary("Search reservations (desk): by status (repeat), item, person and a window they overlap; earliest start first; paged (≤100).")
            .WithDescription("Example: `GET /api/v1/reservations?status=Reserved&status=CheckedOut&from=2026-03-10T00:00:00-05:00&to=2026-03-11T00:00:00-05:00`")
            .Produces<PagedResult<ReservationListItem>>()
            .ProducesValidationProblem();

        group.MapGet("/desk-day", async (string? date, ISender sender, CancellationToken ct) =>
            {
                var values = new QueryValues();
                var query = new GetDeskDayQuery(values.Parse<DateOnly>(date, "date"));
                return Results.Ok(await sender.Send(values.Done(query), ct));
            })
            .RequireAuthorization(Policies.Technician)
            .WithSummary("The desk's day (today by default, institution's time zone): pick-ups due, returns due, every overdue item and the bookings an overdue item blocks (blockedByOverdue), with the people's names.")
            .WithDescription("Example: `GET /api/v1/reservations/desk-day?date=2026-03-10`")
            .Produces<DeskDay>()
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}", async (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                ReservationHttp.Ok(http, await sender.Send(new GetReservationQuery(id), ct)))
            .WithSummary("One reservation (mine, or any for the desk; another person's is 404) with the actions I may take now. ETag = version.")
            .Produces<ReservationDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/check-out", async (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                ReservationHttp.Ok(http, await sender.Send(new CheckOutReservationCommand(id, ReservationHttp.ExpectedVersion(http.Request)), ct)))
            .RequireAuthorization(Policies.Technician)
            .WithSummary("Hand the item over (desk): the reservation becomes CheckedOut, the item is in the person's possession. From shortly before the start until the end. Accepts If-Match.")
            .Produces<ReservationDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapPost("/{id:guid}/check-in", async (Guid id, CheckInRequest body, HttpContext http, ISender sender, CancellationToken ct) =>
                ReservationHttp.Ok(http, await sender.Send(new CheckInReservationCommand(id, body.Condition, body.Notes, ReservationHttp.ExpectedVersion(http.Request)), ct)))
            .RequireAuthorization(Policies.Technician)
            .WithSummary("Take the item back (desk) with its condition: Returned. A damaged item goes to maintenance. Accepts If-Match.")
            .WithDescription("""Example body: `{ "condition": "Damaged", "notes": "Pantalla rayada en la esquina inferior" }`""")
            .Produces<ReservationDetails>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapPost("/{id:guid}/damage-ticket", async (Guid id, [FromBody] DamageTicketRequest? body, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new OpenDamageTicketCommand(id, body?.Title, body?.Details, body?.Urgency, ReservationHttp.ExpectedVersion(http.Request)), ct);
                http.Response.Headers.ETag = ReservationHttp.ETag(result.Reservation.Version);
                return Results.Created($"/api/v1/tickets/{result.TicketId}", result);
            })
            .RequireAuthorization(Policies.Technician)
            .WithSummary("Open a ticket from an item returned damaged (desk): an incident about the item for the person who had it, with the return's notes in its description. Once per reservation (409 reservations.damage_ticket_exists names the ticket). Accepts If-Match.")
            .WithDescription("""
                Example body (every field optional):
                ```json
                { "title": "Portátil PT-0042 con la pantalla rota", "details": "Revisar garantía con el proveedor", "urgency": "High" }
                ```
                The ticket is opened on the person's behalf (source Phone, requester = the reservation's holder) and names the item,
                so it shows the item's code, name and material type. `Location` points to the ticket; the body carries `ticketId`
                and the reservation, whose `damageTicketId` now names the ticket.
                """)
            .Produces<DamageTicketResult>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapPost("/{id:guid}/cancel", async (Guid id, [FromBody] CancelReservationRequest? body, HttpContext http, ISender sender, CancellationToken ct) =>
                ReservationHttp.Ok(http, await sender.Send(new CancelReservationCommand(id, body?.Reason, ReservationHttp.ExpectedVersion(http.Request)), ct)))
            .WithSummary("Cancel a reservation: the person before it starts, the desk at any time while reserved (with a reason; the person is told). Accepts If-Match.")
            .WithDescription("""Example body: `{ "reason": "El equipo quedó en mantenimiento" }` (optional for the person himself)""")
            .Produces<ReservationDetails>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        return app;
    }

    private static async Task<IResult> BookAsync(BookReservationCommand command, HttpContext http, ISender sender, CancellationToken ct)
    {
        var key = http.Request.Headers.TryGetValue("Idempotency-Key", out var values) ? values.ToString() : null;
        var message = command with { IdempotencyKey = key };
        BookReservationResult result;
        try
        {
            result = await sender.Send(message, ct);
        }
        catch (ConcurrencyConflictException) when (key is not null)
        {
            // A concurrent request with the same key booked first (another node): answer as it did.
            result = await sender.Send(message, ct);
        }

        http.Response.Headers.ETag = ReservationHttp.ETag(result.Reservation.Version);
        if (result.Replayed)
        {
            http.Response.Headers["Idempotency-Replayed"] = "true";
        }

        return Results.Created($"/api/v1/reservations/{result.Reservation.Id}", result.Reservation);
    }
}
