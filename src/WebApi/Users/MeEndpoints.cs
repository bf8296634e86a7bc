using Mediator;
using MesaServicios.Application.Users;
using MesaServicios.Application.Users.ChangePassword;
using MesaServicios.Application.Users.GetMe;
using MesaServicios.Application.Users.UpdateMe;
using MesaServicios.WebApi.Common;

namespace MesaServicios.WebApi.Users;

internal static class MeEndpoints
{
    public static IEndpointRouteBuilder MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me").WithTags("Me").RequireAuthorization(Policies.SignedIn);

        group.MapGet("/", async (ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new GetMeQuery(), ct)))
            .WithSummary("The signed-in user's profile.")
            .Produces<UserProfile>();

        group.MapPut("/", async (UpdateMeCommand command, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(command, ct)))
            .WithSummary("Update my name, department (dependencia), phone and language (es | en).")
            .WithDescription("Example body: `{ \"fullName\": \"Laura Gómez Restrepo\", \"department\": \"Facultad de Ingeniería\", \"phone\": \"3001234567\", \"language\": \"es\" }`")
            .Produces<UserProfile>()
            .ProducesValidationProblem();

        group.MapPost("/password", async (ChangePasswordCommand command, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(command, ct);
                return Results.NoContent();
            })
            .WithSummary("Change my password (the current one is required). My other sessions end; this one goes on.")
            .WithDescription("Example body: `{ \"currentPassword\": \"Clave-Segura-2026\", \"newPassword\": \"Otra-Clave-Segura-2026\" }`")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem();

        return app;
    }
}
