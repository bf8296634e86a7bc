using Mediator;
using MesaServicios.Application.Common.Backup;

namespace MesaServicios.WebApi.Common;

internal static class BackupEndpoints
{
    public static IEndpointRouteBuilder MapBackupEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/admin/backups", async (ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new CreateBackupRequest(), ct);
                return Results.Created((string?)null, result);
            })
            .WithTags("Operations (administration)")
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Takes a consistent copy of the running desk (SQLite): every database with VACUUM INTO, then keys, attachments and mail folders, into <data>/backups/<UTC time>/. No body; people keep working meanwhile.")
            .WithDescription("Answers 201 with the folder, the time and each file copied. On PostgreSQL answers 409 `common.backup_use_server_tools`: use pg_dump (docs/operations.md).")
            .Produces<BackupResult>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
