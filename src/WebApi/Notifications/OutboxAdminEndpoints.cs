using Mediator;
using MesaServicios.Application.Common.Paging;
using MesaServicios.Application.Notifications.Admin;
using MesaServicios.WebApi.Common;

namespace MesaServicios.WebApi.Notifications;

internal static class OutboxAdminEndpoints
{
    public static IEndpointRouteBuilder MapOutboxAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/outbox").WithTags("Outbox (administration)").RequireAuthorization(Policies.Administrator);

        group.MapGet("/", async (string? status, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ListOutboxEmailsQuery(status, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithSummary("Outgoing e-mails, newest first; status=Pending | Sent | DeadLettered (e.g. the dead letters to re-queue).")
            .Produces<PagedResult<OutboxEmailItem>>()
            .ProducesValidationProblem();

        group.MapPost("/{id:guid}/requeue", async (Guid id, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new RequeueOutboxEmailCommand(id), ct)))
            .WithSummary("Give a dead-lettered e-mail a fresh set of delivery attempts, starting now.")
            .Produces<OutboxEmailItem>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }
}
