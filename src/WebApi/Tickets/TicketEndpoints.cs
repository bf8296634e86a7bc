using System.Globalization;
using System.Text;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Paging;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Tickets;
using MesaServicios.Application.Tickets.AddFollowUp;
using MesaServicios.Application.Tickets.ApproveTicket;
using MesaServicios.Application.Tickets.AssignTicket;
using MesaServicios.Application.Tickets.Attachments;
using MesaServicios.Application.Tickets.GetTicket;
using MesaServicios.Application.Tickets.ListMyTickets;
using MesaServicios.Application.Tickets.Observers;
using MesaServicios.Application.Tickets.OpenTicket;
using MesaServicios.Application.Tickets.OpenTicketOnBehalf;
using MesaServicios.Application.Tickets.PutPending;
using MesaServicios.Application.Tickets.Queue;
using MesaServicios.Application.Tickets.RejectTicket;
using MesaServicios.Application.Tickets.SearchTickets;
using MesaServicios.Application.Tickets.SetCategory;
using MesaServicios.Application.Tickets.SetImpact;
using MesaServicios.Application.Tickets.SolveTicket;
using MesaServicios.Domain.Tickets;
using MesaServicios.WebApi.Common;
using MesaServicios.WebApi.Tickets.Attachments;
using Microsoft.AspNetCore.Mvc;

namespace MesaServicios.WebApi.Tickets;

/// <summary>
/// Query string of <c>GET /api/v1/tickets</c>. Values arrive as text and are read here, so a wrong one is a
/// field error that names the parameter (not a bare 400).
/// </summary>
public sealed class SearchTicketsRequest
{
    /// <summary>One or more statuses (repeat the parameter): New, InProgress, Pending, Solved, Closed.</summary>
    public string[]? Status { get; init; }

    /// <summary>Incident or Request.</summary>
    public string? Type { get; init; }

    /// <summary>VeryLow, Low, Medium, High, VeryHigh.</summary>
    public string? Urgency { get; init; }

    /// <summary>VeryLow, Low, Medium, High, VeryHigh.</summary>
    public string? Priority { get; init; }

    /// <summary>A category; its subcategories are included ("Hardware" finds the printer tickets too).</summary>
    public string? CategoryId { get; init; }

    public string? AssignedTechnicianId { get; init; }

    /// <summary>true: only tickets nobody owns.</summary>
    public string? Unassigned { get; init; }

    public string? RequesterId { get; init; }

    /// <summary>Part of the requester's department (dependencia), in any case and with or without accents.</summary>
    public string? Department { get; init; }

    public string? ObserverId { get; init; }

    /// <summary>ISO 8601 date-time, inclusive.</summary>
    public string? CreatedFrom { get; init; }

    /// <summary>ISO 8601 date-time, inclusive.</summary>
    public string? CreatedTo { get; init; }

    /// <summary>Words in the title or description, all of them, each as a word or its beginning ("impreso" finds "impresora"), in any case and with or without accents ("impresion" finds "Impresión"); punctuation only separates words.</summary>
    public string? Text { get; init; }

    /// <summary>true: open tickets that missed a running target (time to own while unowned, time to resolve while not paused).</summary>
    public string? Overdue { get; init; }

    /// <summary>Open tickets with a running target due within this many hours.</summary>
    public string? DueWithinHours { get; init; }

    /// <summary>id, createdAt, updatedAt, priority, urgency, status, title, dueAt (time to resolve); "-" first for descending. Default -createdAt.</summary>
    public string? Sort { get; init; }

    public string? Page { get; init; }

    public string? PageSize { get; init; }

    /// <summary>A material type id: only tickets about equipment of that type.</summary>
    public string? MaterialType { get; init; }

    public SearchTicketsQuery ToQuery()
    {
        var fields = new FieldParsing();
        var statuses = (Status ?? []).Select(s => fields.Enum<TicketStatus>(s, "status", "tickets.status_invalid")).OfType<TicketStatus>().ToList();
        return fields.ThrowIfInvalid(new SearchTicketsQuery(
            statuses,
            fields.Enum<TicketType>(Type, "type", "tickets.type_invalid"),
            fields.Enum<Urgency>(Urgency, "urgency", "tickets.urgency_invalid"),
            fields.Enum<Priority>(Priority, "priority", "common.invalid_value"),
            fields.Parse<int>(CategoryId, "categoryId"),
            fields.Parse<Guid>(AssignedTechnicianId, "assignedTechnicianId"),
            fields.Parse<bool>(Unassigned, "unassigned"),
            fields.Parse<Guid>(RequesterId, "requesterId"),
            Department,
            fields.Parse<Guid>(ObserverId, "observerId"),
            fields.Parse<DateTimeOffset>(CreatedFrom, "createdFrom"),
            fields.Parse<DateTimeOffset>(CreatedTo, "createdTo"),
            Text,
            Sort,
            fields.Parse<int>(Page, "page") ?? 1,
            fields.Parse<int>(PageSize, "pageSize") ?? Paging.DefaultPageSize,
            fields.Parse<bool>(Overdue, "overdue"),
            fields.Parse<int>(DueWithinHours, "dueWithinHours"),
            fields.Parse<int>(MaterialType, "materialType")));
    }
}

internal static class TicketEndpoints
{
    private const string Tag = "Tickets";

    public static IEndpointRouteBuilder MapTicketEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me/tickets", async (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ListMyTicketsQuery(page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithTags(Tag)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("My tickets: those I requested and those I observe, newest first (number, status, title, type, urgency, dates), paged with the total.")
            .Produces<PagedResult<TicketListItem>>()
            .ProducesValidationProblem();

        var group = app.MapGroup("/api/v1/tickets").WithTags(Tag).RequireAuthorization(Policies.SignedIn);

        group.MapPost("/", OpenAsync)
            .WithSummary("Open a ticket (requester). Honors Idempotency-Key: a retry with the same key within 24 h returns the first answer and creates nothing.")
            .WithDescription("""
                Example body:
                ```json
                { "title": "La impresora del bloque B no imprime", "description": "Desde esta mañana la impresora del segundo piso muestra error de papel atascado.",
                  "type": "Incident", "urgency": "High", "categoryId": 3, "observers": ["companero@iescinoc.edu.co"], "contactPhone": "3001234567" }
                ```
                `type`: Incident | Request. `urgency`: VeryLow | Low | Medium (default) | High | VeryHigh. Observers by user id or e-mail.
                `referencesTicketId` (optional): an earlier ticket of mine this one follows up on (e.g. a closed one).
                `equipmentItemId` (optional): an item in my possession (`GET /api/v1/me/equipment`) the ticket is about; any
                other item is a 400 field error. The ticket then shows its code, name and material type.
                The response carries `ETag: "<version>"` and `Location`.

                With files, send `multipart/form-data` instead: the same fields as form fields (`observers` repeated) and
                the files in `attachments` (repeated). Files are checked all-or-nothing with the other fields (errors
                name `attachments[i]`); a body over the attachment limits answers 413. Idempotency-Key works the same.
                """)
            .Produces<TicketDetails>(StatusCodes.Status201Created)
            .AcceptsJsonOrAttachmentUpload<OpenTicketCommand, OpenTicketForm>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/on-behalf", async (OpenTicketOnBehalfCommand command, HttpContext http, ISender sender, CancellationToken ct) =>
                TicketHttp.Created(http, await sender.Send(command, ct)))
            .RequireAuthorization(Policies.Technician)
            .WithSummary("Open a ticket for a requester who called the desk (source Phone); his snapshot comes from his profile.")
            .WithDescription("""
                Example body:
                ```json
                { "requesterId": "0193a2b4-0000-7000-8000-000000000001", "title": "Sin acceso al correo institucional",
                  "description": "Llamó a la mesa: no puede iniciar sesión en el correo desde ayer.", "type": "Request", "urgency": "Medium" }
                ```
                `equipmentItemId` (optional): an item checked out to that requester now.
                """)
            .Produces<TicketDetails>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        group.MapGet("/", async ([AsParameters] SearchTicketsRequest request, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(request.ToQuery(), ct)))
            .RequireAuthorization(Policies.Technician)
            .WithSummary("Search tickets (desk): filters by status, type, urgency, priority, category, technician, requester, department, observer, creation dates, text the material type of the equipment and due dates; sorted; paged (≤100) with the total.")
            .WithDescription("Example: `GET /api/v1/tickets?status=New&status=InProgress&urgency=High&text=impresora&sort=-priority&page=1&pageSize=20`; due dates: `GET /api/v1/tickets?overdue=true&sort=dueAt` or `?dueWithinHours=4`. Each item carries `ownDueAt`, `resolveDueAt` and `slaState` (OnTrack, AtRisk, Breached, Met).")
            .Produces<PagedResult<TicketListItem>>()
            .ProducesValidationProblem();

        group.MapGet("/queue", async (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new GetTicketQueueQuery(page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .RequireAuthorization(Policies.Technician)
            .WithSummary("My work queue (desk): open tickets unassigned or assigned to me, oldest first.")
            .Produces<PagedResult<TicketListItem>>()
            .ProducesValidationProblem();

        group.MapGet("/{id:int}", async (int id, HttpContext http, ISender sender, CancellationToken ct) =>
                TicketHttp.Ok(http, await sender.Send(new GetTicketQuery(id), ct)))
            .WithSummary("A ticket with its timeline (follow-ups, status changes, assignments, solutions, approvals) and the actions I may take now. ETag = version.")
            .Produces<TicketDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:int}/follow-ups", async (int id, HttpContext http, ISender sender, CancellationToken ct) =>
                TicketHttp.Ok(http, await sender.Send(await TicketUploads.ReadFollowUpAsync(http.Request, id, TicketHttp.ExpectedVersion(http.Request), ct), ct)))
            .WithSummary("Add a follow-up, optionally with files: public (requester, observers, desk) or private (desk only). A requester's answer on a Pending ticket resumes it.")
            .WithDescription("""
                Example body (JSON):
                ```json
                { "content": "Ya reinicié el equipo y el problema continúa.", "isPrivate": false }
                ```
                With files, send `multipart/form-data`: fields `content`, `isPrivate` and the files in `attachments`
                (repeated); they are linked to the follow-up (errors name `attachments[i]`; 413 past the limits).
                Send `If-Match: "<version>"` (the ETag you read) to fail with 412 if the ticket changed meanwhile.
                """)
            .AcceptsJsonOrAttachmentUpload<FollowUpRequest, FollowUpForm>()
            .Produces<TicketDetails>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapGet("/{id:int}/attachments/{attachmentId:guid}", async (int id, Guid attachmentId, ISender sender, CancellationToken ct) =>
                AttachmentDownloads.Download(await sender.Send(new GetTicketAttachmentQuery(id, attachmentId), ct)))
            .WithSummary("Download a file of the ticket, for whoever may read the ticket (a file on a private follow-up: desk only). Served as an attachment with its checked type, ETag (If-None-Match → 304) and nosniff.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapAction(group, "/{id:int}/observers", (int id, ObserverRequest body, int? version) => new AddObserverCommand(id, body.User, version),
            "Add an observer by user id or e-mail (requester or desk).",
            """{ "user": "companero@iescinoc.edu.co" }""");

        group.MapDelete("/{id:int}/observers/{userId:guid}", async (int id, Guid userId, HttpContext http, ISender sender, CancellationToken ct) =>
                TicketHttp.Ok(http, await sender.Send(new RemoveObserverCommand(id, userId, TicketHttp.ExpectedVersion(http.Request)), ct)))
            .WithSummary("Remove an observer (requester or desk). The removal is recorded in the history. Accepts If-Match.")
            .Produces<TicketDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapPost("/{id:int}/approve", async (int id, [FromBody] ApproveRequest? body, HttpContext http, ISender sender, CancellationToken ct) =>
                TicketHttp.Ok(http, await sender.Send(new ApproveTicketCommand(id, body?.Comment, TicketHttp.ExpectedVersion(http.Request)), ct)))
            .WithSummary("Approve the solution (requester only; optional comment): the ticket closes. Accepts If-Match.")
            .WithDescription("""Example body (optional): `{ "comment": "Gracias, ya funciona." }`""")
            .Produces<TicketDetails>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        MapAction(group, "/{id:int}/reject", (int id, RejectRequest body, int? version) => new RejectTicketCommand(id, body.Reason, version),
            "Reject the solution (requester only; a reason is required): the ticket goes back to In progress and the technician is told.",
            """{ "reason": "La impresora sigue sin imprimir a color." }""");

        MapAction(group, "/{id:int}/assign", (int id, AssignRequest body, int? version) => new AssignTicketCommand(id, body.TechnicianId, version),
            "Assign an unassigned ticket to a technician (desk). A New ticket becomes In progress.",
            """{ "technicianId": "0193a2b4-0000-7000-8000-000000000002" }""", Policies.Technician);

        MapAction(group, "/{id:int}/reassign", (int id, AssignRequest body, int? version) => new ReassignTicketCommand(id, body.TechnicianId, version),
            "Hand an assigned ticket to another technician (desk).",
            """{ "technicianId": "0193a2b4-0000-7000-8000-000000000003" }""", Policies.Technician);

        group.MapPost("/{id:int}/unassign", async (int id, HttpContext http, ISender sender, CancellationToken ct) =>
                TicketHttp.Ok(http, await sender.Send(new UnassignTicketCommand(id, TicketHttp.ExpectedVersion(http.Request)), ct)))
            .RequireAuthorization(Policies.Technician)
            .WithSummary("Take the ticket off its technician (desk). Accepts If-Match.")
            .Produces<TicketDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapPost("/{id:int}/assign-to-me", async (int id, HttpContext http, ICurrentUser currentUser, ISender sender, CancellationToken ct) =>
                TicketHttp.Ok(http, await sender.Send(new AssignTicketCommand(id, currentUser.RequiredUserId, TicketHttp.ExpectedVersion(http.Request)), ct)))
            .RequireAuthorization(Policies.Technician)
            .WithSummary("Take an unassigned ticket myself (desk): no body, no id to look up. A New ticket becomes In progress. Accepts If-Match.")
            .Produces<TicketDetails>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        MapAction(group, "/{id:int}/impact", (int id, ImpactRequest body, int? version) => new SetTicketImpactCommand(id, body.Impact, version),
            "Set the impact (desk); the priority is recomputed from the urgency × impact matrix.",
            """{ "impact": "High" }""", Policies.Technician);

        MapAction(group, "/{id:int}/category", (int id, CategoryRequest body, int? version) => new SetTicketCategoryCommand(id, body.CategoryId, version),
            "File the ticket under a category (desk); null clears it.",
            """{ "categoryId": 3 }""", Policies.Technician);

        MapAction(group, "/{id:int}/pending", (int id, PendingRequest body, int? version) => new PutTicketPendingCommand(id, body.Reason, version),
            "Put an In-progress ticket on hold (desk), with the reason (waiting for the requester or a third party).",
            """{ "reason": "Esperando que el proveedor entregue el repuesto." }""", Policies.Technician);

        MapAction(group, "/{id:int}/solve", (int id, SolveRequest body, int? version) => new SolveTicketCommand(id, body.Solution, version),
            "Record the solution (desk): the ticket becomes Solved and the requester is asked to approve or reject it.",
            """{ "solution": "Se reemplazó el rodillo de alimentación y se probó la impresión." }""", Policies.Technician);

        return app;
    }

    private static async Task<IResult> OpenAsync(HttpContext http, ISender sender, CancellationToken ct)
    {
        var command = await TicketUploads.ReadOpenTicketAsync(http.Request, ct);
        var key = http.Request.Headers.TryGetValue("Idempotency-Key", out var values) ? values.ToString() : null;
        var message = command with { IdempotencyKey = key };
        OpenTicketResult result;
        try
        {
            result = await sender.Send(message, ct);
        }
        catch (ConcurrencyConflictException) when (key is not null)
        {
            // A concurrent request with the same key created the ticket first: answer as it did (the buffered
            // files are read again from their start to compare the request).
            TicketUploads.Rewind(message.Attachments);
            result = await sender.Send(message, ct);
        }

        http.Response.Headers.ETag = TicketHttp.ETag(result.Version);
        http.Response.Headers.Location = $"/api/v1/tickets/{result.TicketId}";
        if (result.Replayed)
        {
            http.Response.Headers["Idempotency-Replayed"] = "true";
        }

        return Results.Text(result.Body, "application/json", Encoding.UTF8, StatusCodes.Status201Created);
    }

    /// <summary>A POST action on one ticket with a JSON body; accepts If-Match and answers the ticket with its new ETag.</summary>
    private static void MapAction<TBody, TCommand>(
        RouteGroupBuilder group,
        string pattern,
        Func<int, TBody, int?, TCommand> toCommand,
        string summary,
        string example,
        string? policy = null)
        where TCommand : ICommand<TicketDetails>
    {
        var route = group.MapPost(pattern, async (int id, TBody body, HttpContext http, ISender sender, CancellationToken ct) =>
                TicketHttp.Ok(http, await sender.Send(toCommand(id, body, TicketHttp.ExpectedVersion(http.Request)), ct)))
            .WithSummary(summary)
            .WithDescription($"Example body:\n```json\n{example}\n```\nSend `If-Match: \"<version>\"` (the ETag you read) to fail with 412 if the ticket changed meanwhile.")
            .Produces<TicketDetails>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        if (policy is not null)
        {
            route.RequireAuthorization(policy);
        }
    }
}
