using Mediator;
using MesaServicios.Application.Users.DeskDirectory;
using MesaServicios.WebApi.Common;

namespace MesaServicios.WebApi.Users;

/// <summary>The desk's directory: who can take a ticket, and who someone is. Technicians and administrators only.</summary>
internal static class DeskDirectoryEndpoints
{
    public static IEndpointRouteBuilder MapDeskDirectoryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/directory").WithTags("Desk directory").RequireAuthorization(Policies.Technician);

        group.MapGet("/technicians", async (ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ListAssignableTechniciansQuery(), ct)))
            .WithSummary("Who a ticket can be assigned to: active technicians and administrators, by name (id, name, e-mail, department, role).")
            .WithDescription("Use an `id` from this list in `POST /api/v1/tickets/{id}/assign` or `/reassign`; to take a ticket yourself, `POST /api/v1/tickets/{id}/assign-to-me`.")
            .Produces<IReadOnlyList<DeskPerson>>();

        group.MapGet("/people", async (string? search, int? limit, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new FindPeopleQuery(search, limit ?? FindPeopleQuery.DefaultLimit), ct)))
            .WithSummary("Look a person up by part of the name or e-mail (at least 2 letters; active accounts; best matches first; at most `limit`, default 20, up to 50).")
            .WithDescription("Example: `GET /api/v1/directory/people?search=laura` — to open a ticket on someone's behalf (`requesterId`) or add an observer.")
            .Produces<IReadOnlyList<DeskPerson>>()
            .ProducesValidationProblem();

        return app;
    }
}
