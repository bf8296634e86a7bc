using Mediator;
using MesaServicios.Application.Users;
using MesaServicios.Application.Users.CreateUser;
using MesaServicios.WebApi.Common;

namespace MesaServicios.WebApi.Users;

internal static class UserAdminEndpoints
{
    public static IEndpointRouteBuilder MapUserAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Users (administration)").RequireAuthorization(Policies.Administrator);

        group.MapPost("/", async (CreateUserCommand command, ISender sender, CancellationToken ct) =>
            {
                var user = await sender.Send(command, ct);
                return Results.Created($"/api/v1/users/{user.Id}", user);
            })
            .WithSummary("Create an account (institutional e-mail). Without a password the person sets one through \"forgot password\".")
            .Produces<UserProfile>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }
}
