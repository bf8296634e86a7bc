using Mediator;
using MesaServicios.Application.Common.Paging;
using MesaServicios.Application.Inbox.Triage;
using MesaServicios.WebApi.Common;

namespace MesaServicios.WebApi.Inbox;

internal static class TriageEndpoints
{
    /// <summary>Body of the convert action.</summary>
    public sealed record ConvertRequest(string Type, Guid RequesterId);

    /// <summary>Body of the discard action.</summary>
    public sealed record DiscardRequest(string Reason);

    public static IEndpointRouteBuilder MapTriageEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/inbox/triage").WithTags("Inbox triage").RequireAuthorization(Policies.Technician);

        group.MapGet("/", async (ISender sender, CancellationToken ct, int page = 1, int pageSize = Paging.DefaultPageSize) =>
                Results.Ok(await sender.Send(new ListTriageQuery(page, pageSize), ct)))
            .WithSummary("List the inbound e-mails held for a technician, oldest first, with the reason they were held.")
            .Produces<PagedResult<TriageItem>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new GetTriageMessageQuery(id), ct)))
            .WithSummary("Read one held e-mail: headers, text body and the list of attachments.")
            .Produces<TriageMessageDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/{id:guid}/convert", async (Guid id, ConvertRequest body, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ConvertTriageMessageCommand(id, body.Type, body.RequesterId), ct)))
            .WithSummary("Turn a held e-mail into a ticket of the chosen type for the chosen requester.")
            .WithDescription("Example body: `{ \"type\": \"Incident\", \"requesterId\": \"3f2b8c1e-5d4a-4e7b-9c1d-2a6f8e0b7c45\" }`")
            .Produces<ConvertedTriageMessage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{id:guid}/discard", async (Guid id, DiscardRequest body, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DiscardTriageMessageCommand(id, body.Reason), ct);
                return Results.NoContent();
            })
            .WithSummary("Discard a held e-mail, keeping the reason with it.")
            .WithDescription("Example body: `{ \"reason\": \"Publicidad, no es una solicitud\" }`")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }
}
