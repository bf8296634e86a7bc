using Mediator;
using MesaServicios.Application.Tickets.Categories;
using MesaServicios.Application.Tickets.Categories.CreateTicketCategory;
using MesaServicios.Application.Tickets.Categories.ListTicketCategories;
using MesaServicios.Application.Tickets.Categories.UpdateTicketCategory;
using MesaServicios.WebApi.Common;

namespace MesaServicios.WebApi.Tickets;

/// <summary>Body of category creation and update.</summary>
public sealed record CategoryBody(string Name, int? ParentId, bool IsActive = true);

internal static class TicketCategoryEndpoints
{
    public static IEndpointRouteBuilder MapTicketCategoryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/ticket-categories").WithTags("Ticket categories").RequireAuthorization(Policies.SignedIn);

        group.MapGet("/", async (bool? includeInactive, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ListTicketCategoriesQuery(includeInactive ?? false), ct)))
            .WithSummary("The category tree (flat, parents first, with each one's path). Administrators may ask for inactive ones too.")
            .Produces<IReadOnlyList<TicketCategoryDto>>();

        group.MapPost("/", async (CategoryBody body, ISender sender, CancellationToken ct) =>
            {
                var category = await sender.Send(new CreateTicketCategoryCommand(body.Name, body.ParentId), ct);
                return Results.Created($"/api/v1/ticket-categories/{category.Id}", category);
            })
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Add a category, optionally under a parent (administrators).")
            .WithDescription("""Example body: `{ "name": "Tabletas", "parentId": 1 }`""")
            .Produces<TicketCategoryDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{id:int}", async (int id, CategoryBody body, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new UpdateTicketCategoryCommand(id, body.Name, body.ParentId, body.IsActive), ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Rename, move, deactivate or reactivate a category (administrators). Categories are never deleted.")
            .WithDescription("""Example body: `{ "name": "Impresoras", "parentId": 1, "isActive": false }`""")
            .Produces<TicketCategoryDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }
}
