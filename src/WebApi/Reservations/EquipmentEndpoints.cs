using Mediator;
using MesaServicios.Application.Common.Paging;
using MesaServicios.Application.Reservations;
using MesaServicios.Application.Reservations.Availability;
using MesaServicios.Application.Reservations.Catalogue;
using MesaServicios.Application.Reservations.ImportItems;
using MesaServicios.Application.Reservations.ItemCalendar;
using MesaServicios.Application.Reservations.MaterialTypes;
using MesaServicios.Domain.Reservations;
using MesaServicios.WebApi.Common;
using Microsoft.AspNetCore.Mvc;

namespace MesaServicios.WebApi.Reservations;

/// <summary>Body of <c>POST /api/v1/material-types</c> and <c>PUT /api/v1/material-types/{id}</c>.</summary>
public sealed record MaterialTypeRequest(string Name, bool IsActive = true, string? EnglishName = null);

/// <summary>Body of <c>POST /api/v1/equipment</c> and <c>PUT /api/v1/equipment/{id}</c>.</summary>
public sealed record EquipmentItemRequest(string Code, string Name, int MaterialTypeId, string? Location, string? Notes);

/// <summary>Body of <c>POST /api/v1/equipment/{id}/maintenance</c> (optional).</summary>
public sealed record MaintenanceRequest(string? Reason);

internal static class EquipmentEndpoints
{
    private const string Tag = "Equipment";

    /// <summary>Largest CSV accepted by the import (2 MB).</summary>
    public const long MaxImportBytes = 2 * 1024 * 1024;

    public static IEndpointRouteBuilder MapEquipmentEndpoints(this IEndpointRouteBuilder app)
    {
        var types = app.MapGroup("/api/v1/material-types").WithTags(Tag).RequireAuthorization(Policies.SignedIn);
        types.MapGet("/", async (bool? includeInactive, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ListMaterialTypesQuery(includeInactive ?? false), ct)))
            .WithSummary("The material types (Portátil, Videobeam, Cámara…), by name. includeInactive=true: also the inactive ones (administrators).")
            .Produces<IReadOnlyList<MaterialTypeItem>>();
        types.MapPost("/", async (MaterialTypeRequest body, ISender sender, CancellationToken ct) =>
            {
                var type = await sender.Send(new CreateMaterialTypeCommand(body.Name, body.EnglishName), ct);
                return Results.Created($"/api/v1/material-types/{type.Id}", type);
            })
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Add a material type (administrators).")
            .WithDescription("""Example body: `{ "name": "Tableta gráfica", "englishName": "Graphics tablet" }`""")
            .Produces<MaterialTypeItem>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        types.MapPut("/{id:int}", async (int id, MaterialTypeRequest body, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new UpdateMaterialTypeCommand(id, body.Name, body.IsActive, body.EnglishName), ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Rename, deactivate or reactivate a material type (administrators; never deleted).")
            .WithDescription("""Example body: `{ "name": "Parlante portátil", "englishName": "Portable speaker", "isActive": true }`""")
            .Produces<MaterialTypeItem>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var group = app.MapGroup("/api/v1/equipment").WithTags(Tag).RequireAuthorization(Policies.SignedIn);

        group.MapGet("/", async (string? materialTypeId, string? state, string? text, string? page, string? pageSize, ISender sender, CancellationToken ct) =>
            {
                var values = new QueryValues();
                var query = new ListEquipmentQuery(
                    values.Parse<int>(materialTypeId, "materialTypeId"),
                    values.Enum<EquipmentState>(state, "state", "equipment.state_invalid"),
                    text,
                    values.Parse<int>(page, "page") ?? 1,
                    values.Parse<int>(pageSize, "pageSize") ?? Paging.DefaultPageSize);
                return Results.Ok(await sender.Send(values.Done(query), ct));
            })
            .WithSummary("The catalogue: filter by material type, state (Available, InMaintenance, Retired) and words in the code, name or location; by code; paged (≤100).")
            .WithDescription("Example: `GET /api/v1/equipment?materialTypeId=2&state=Available&text=bloque b`")
            .Produces<PagedResult<EquipmentItemDetails>>()
            .ProducesValidationProblem();

        group.MapGet("/availability", async (string? materialTypeId, string? start, string? end, ISender sender, CancellationToken ct) =>
            {
                var values = new QueryValues();
                var query = new GetAvailabilityQuery(values.Parse<int>(materialTypeId, "materialTypeId"), values.Parse<DateTimeOffset>(start, "start"), values.Parse<DateTimeOffset>(end, "end"));
                return Results.Ok(await sender.Send(values.Done(query), ct));
            })
            .WithSummary("Items free for the whole window [start, end), optionally of one material type. Never says who holds the others.")
            .WithDescription("Example: `GET /api/v1/equipment/availability?materialTypeId=2&start=2026-03-10T14:00:00-05:00&end=2026-03-10T16:00:00-05:00` (at most 92 days).")
            .Produces<IReadOnlyList<AvailableItem>>()
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}", async (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                ReservationHttp.Ok(http, await sender.Send(new GetEquipmentItemQuery(id), ct)))
            .WithSummary("One item of the catalogue. ETag = version.")
            .Produces<EquipmentItemDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/calendar", async (Guid id, string? from, string? to, ISender sender, CancellationToken ct) =>
            {
                var values = new QueryValues();
                var query = new GetItemCalendarQuery(id, values.Parse<DateTimeOffset>(from, "from"), values.Parse<DateTimeOffset>(to, "to"));
                return Results.Ok(await sender.Send(values.Done(query), ct));
            })
            .WithSummary("An item's busy windows in [from, to) (default: the next 14 days). The desk sees whose they are; others see only that a window is taken (and which are theirs).")
            .Produces<ItemCalendar>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async (EquipmentItemRequest body, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var item = await sender.Send(new CreateEquipmentItemCommand(body.Code, body.Name, body.MaterialTypeId, body.Location, body.Notes), ct);
                http.Response.Headers.ETag = ReservationHttp.ETag(item.Version);
                return Results.Created($"/api/v1/equipment/{item.Id}", item);
            })
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Add an item to the catalogue (administrators). The inventory code is unique (stored in upper case).")
            .WithDescription("""
                Example body:
                ```json
                { "code": "PT-0042", "name": "Portátil Lenovo ThinkPad E14", "materialTypeId": 1, "location": "Oficina TIC, bloque B", "notes": "Con cargador" }
                ```
                """)
            .Produces<EquipmentItemDetails>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{id:guid}", async (Guid id, EquipmentItemRequest body, HttpContext http, ISender sender, CancellationToken ct) =>
                ReservationHttp.Ok(http, await sender.Send(new UpdateEquipmentItemCommand(id, body.Code, body.Name, body.MaterialTypeId, body.Location, body.Notes, ReservationHttp.ExpectedVersion(http.Request)), ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Edit an item (administrators). Accepts If-Match.")
            .WithDescription("""
                Example body:
                ```json
                { "code": "VB-0007", "name": "Videobeam Epson PowerLite", "materialTypeId": 2, "location": "Auditorio", "notes": null }
                ```
                """)
            .Produces<EquipmentItemDetails>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapPost("/{id:guid}/retire", async (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new RetireEquipmentItemCommand(id, ReservationHttp.ExpectedVersion(http.Request)), ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Retire an item for good (administrators). The active reservations it can no longer serve are listed for the desk. Accepts If-Match.")
            .Produces<ItemStateChange>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapPost("/{id:guid}/maintenance", async (Guid id, [FromBody] MaintenanceRequest? body, HttpContext http, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new PutItemInMaintenanceCommand(id, body?.Reason, ReservationHttp.ExpectedVersion(http.Request)), ct)))
            .RequireAuthorization(Policies.Technician)
            .WithSummary("Put an item in maintenance (desk). The reservations that collide (active, from now on) are listed so the desk can act. Accepts If-Match.")
            .WithDescription("""Example body (optional): `{ "reason": "La lámpara parpadea" }`""")
            .Produces<ItemStateChange>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapPost("/{id:guid}/maintenance/end", async (Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new EndItemMaintenanceCommand(id, ReservationHttp.ExpectedVersion(http.Request)), ct)))
            .RequireAuthorization(Policies.Technician)
            .WithSummary("Bring an item back from maintenance (desk): Available again. Accepts If-Match.")
            .Produces<ItemStateChange>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        group.MapPost("/import", async (HttpRequest request, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ImportEquipmentCommand(await ReadImportFileAsync(request, ct)), ct)))
            .RequireAuthorization(Policies.Administrator)
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes + (64 * 1024)))
            .WithSummary("Create or update items from a CSV file (field 'file', UTF-8, ',' or ';'; columns code, name, materialType, location, notes — or codigo, nombre, tipo, ubicacion, notas). At most 2 MB and 5000 rows.")
            .WithDescription("Each row gets its line, code, outcome (created | updated | rejected) and reasons; good rows apply even when others are rejected. The material type is given by name (e.g. Portátil) or id.")
            .Produces<ImportEquipmentResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

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
                new FluentValidation.Results.ValidationFailure("file", Application.Common.Localization.Messages.Get("equipment.import_file_required")),
            ]);
        }

        if (file.Length > MaxImportBytes)
        {
            throw new BadHttpRequestException("The file is too large.", StatusCodes.Status413PayloadTooLarge);
        }

        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
