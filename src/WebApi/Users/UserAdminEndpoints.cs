using Mediator;
using MesaServicios.Application.Common.Paging;
using MesaServicios.Application.Users;
using MesaServicios.Application.Users.ChangeUserRole;
using MesaServicios.Application.Users.CreateUser;
using MesaServicios.Application.Users.DeactivateUser;
using MesaServicios.Application.Users.GetUser;
using MesaServicios.Application.Users.ImportUsers;
using MesaServicios.Application.Users.ListUsers;
using MesaServicios.Application.Users.UpdateUser;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Common;
using Microsoft.AspNetCore.Mvc;

namespace MesaServicios.WebApi.Users;

/// <summary>Body of an administrator's update of an account.</summary>
public sealed record UpdateUserRequest(string FullName, string? Department, string? Phone, string? Language);

/// <summary>Body of a role change.</summary>
public sealed record ChangeUserRoleRequest(UserRole Role);

internal static class UserAdminEndpoints
{
    /// <summary>Largest CSV accepted by the import (2 MB); the import also stops at 5000 rows.</summary>
    public const long MaxImportBytes = 2 * 1024 * 1024;

    public static IEndpointRouteBuilder MapUserAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Users (administration)").RequireAuthorization(Policies.Administrator);

        group.MapGet("/", async (
                ISender sender,
                CancellationToken ct,
                [FromQuery] string? search,
                [FromQuery] UserRole? role,
                [FromQuery] bool? active,
                [FromQuery] string? sort,
                [FromQuery] int? page,
                [FromQuery] int? pageSize) =>
                Results.Ok(await sender.Send(new ListUsersQuery(search, role, active, sort, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithSummary("List accounts: search text over name, e-mail and department; filter by role and active; sort by name, email or createdAt (prefix '-' for descending); pages of at most 100.")
            .Produces<PagedResult<UserProfile>>()
            .ProducesValidationProblem();

        group.MapPost("/", async (CreateUserCommand command, ISender sender, CancellationToken ct) =>
            {
                var user = await sender.Send(command, ct);
                return Results.Created($"/api/v1/users/{user.Id}", user);
            })
            .WithSummary("Create an account (institutional e-mail). Without a password the person receives a \"set your password\" e-mail.")
            .WithDescription("Example body: `{ \"email\": \"tecnico.redes@iescinoc.edu.co\", \"fullName\": \"Andrés Cardona\", \"department\": \"Oficina TIC\", \"phone\": \"3104567890\", \"role\": \"Technician\", \"language\": \"es\" }`")
            .Produces<UserProfile>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/import", async (HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                var content = await ReadImportFileAsync(request, ct);
                return Results.Ok(await sender.Send(new ImportUsersCommand(content), ct));
            })
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes + (64 * 1024)))
            .WithSummary("Create or update accounts from a CSV file (field 'file', UTF-8, ',' or ';'; columns email, name, department, phone, role — or correo, nombre, dependencia, teléfono, rol). At most 2 MB and 5000 rows.")
            .WithDescription("Each row gets its line, e-mail, outcome (created | updated | rejected) and reasons. Good rows apply even when others are rejected. New accounts receive a \"set your password\" e-mail.")
            .Produces<ImportUsersResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        group.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new GetUserQuery(id), ct)))
            .WithSummary("One account.")
            .Produces<UserProfile>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id:guid}", async (Guid id, UpdateUserRequest request, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new UpdateUserCommand(id, request.FullName, request.Department, request.Phone, request.Language), ct)))
            .WithSummary("Update an account's full name, department (dependencia), phone and language (es | en).")
            .WithDescription("Example body: `{ \"fullName\": \"Andrés Cardona Ríos\", \"department\": \"Oficina TIC\", \"phone\": \"3104567890\", \"language\": \"es\" }`")
            .Produces<UserProfile>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/role", async (Guid id, ChangeUserRoleRequest request, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ChangeUserRoleCommand(id, request.Role), ct)))
            .WithSummary("Change an account's role (Requester, Technician, Administrator); its sessions end. The last active administrator cannot be demoted (409).")
            .WithDescription("Example body: `{ \"role\": \"Technician\" }`")
            .Produces<UserProfile>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/deactivate", async (Guid id, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new DeactivateUserCommand(id), ct)))
            .WithSummary("Deactivate an account: it cannot sign in and its sessions end at once. The last active administrator cannot be deactivated (409).")
            .Produces<UserProfile>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/reactivate", async (Guid id, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ReactivateUserCommand(id), ct)))
            .WithSummary("Reactivate an account.")
            .Produces<UserProfile>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static async Task<byte[]> ReadImportFileAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxImportBytes + (64 * 1024))
        {
            throw new BadHttpRequestException("The file is too large.", StatusCodes.Status413PayloadTooLarge);
        }

        IFormFile? file = null;
        if (request.HasFormContentType)
        {
            try
            {
                file = (await request.ReadFormAsync(ct)).Files.GetFile("file");
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException)
            {
                // A malformed or empty multipart body is treated as a missing file.
            }
        }

        if (file is null || file.Length == 0)
        {
            throw new FluentValidation.ValidationException(
            [
                new FluentValidation.Results.ValidationFailure("file", Application.Common.Localization.Messages.Get("users.import_file_required")),
            ]);
        }

        if (file.Length > MaxImportBytes)
        {
            throw new BadHttpRequestException("The file is too large.", StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
