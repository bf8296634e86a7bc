using Mediator;
using MesaServicios.Application.Tickets.ChangeUrgency;
using MesaServicios.Application.Tickets.ExplainServiceLevel;
using MesaServicios.Application.Tickets.GetTicket;
using MesaServicios.Application.Tickets.RecomputeDueDates;
using MesaServicios.Domain.Tickets;
using MesaServicios.WebApi.Common;

namespace MesaServicios.WebApi.Tickets;

/// <summary>Body of <c>POST /tickets/{id}/urgency</c>.</summary>
public sealed record UrgencyRequest(Urgency? Urgency);

internal static class TicketServiceLevelEndpoints
{
    public static IEndpointRouteBuilder MapTicketServiceLevelEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tickets").WithTags("Tickets").RequireAuthorization(Policies.SignedIn);

        group.MapGet("/{id:int}/sla", async (int id, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new GetTicketServiceLevelQuery(id), ct)))
            .WithSummary("Explain the ticket's due dates: targets, the time since creation in segments (running, paused, outside hours, holidays, closures) with business minutes, the escalation levels and what happens next. For whoever may read the ticket.")
            .Produces<TicketServiceLevelExplanation>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:int}/urgency", async (int id, UrgencyRequest body, HttpContext http, ISender sender, CancellationToken ct) =>
                TicketHttp.Ok(http, await sender.Send(new ChangeTicketUrgencyCommand(id, body.Urgency, TicketHttp.ExpectedVersion(http.Request)), ct)))
            .RequireAuthorization(Policies.Technician)
            .WithSummary("Change the urgency (desk): the priority is recomputed from the matrix and the due dates from the urgency's targets. Recorded in the history.")
            .WithDescription("Example body:\n```json\n{ \"urgency\": \"VeryHigh\" }\n```\nSend `If-Match: \"<version>\"` (the ETag you read) to fail with 412 if the ticket changed meanwhile.")
            .Produces<TicketDetails>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        app.MapPost("/api/v1/service-levels/recompute", async (ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new RecomputeDueDatesRequest(), ct)))
            .WithTags("Service levels")
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Apply the targets in force to every open ticket (administrators): their due dates move; each changed ticket records it in its history. Running it again changes nothing.")
            .Produces<RecomputeDueDatesReport>();

        return app;
    }
}
