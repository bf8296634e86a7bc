using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Tickets.AddFollowUp;
using MesaServicios.Application.Tickets.OpenTicket;
using MesaServicios.Domain.Tickets;
using MesaServicios.WebApi.Common;
using MesaServicios.WebApi.Tickets.Attachments;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace MesaServicios.WebApi.Tickets;

/// <summary>
/// The bodies of the ticket routes that take files: JSON as before, or multipart/form-data with the same fields as
/// form fields (repeated for lists) and the files in <c>attachments</c>.
/// </summary>
internal static class TicketUploads
{
    /// <summary>
    /// The route takes <typeparamref name="TJson"/> as JSON or <typeparamref name="TForm"/> as a multipart form: both
    /// content types are accepted by routing (anything else is 415) and documented in Swagger.
    /// </summary>
    public static RouteHandlerBuilder AcceptsJsonOrAttachmentUpload<TJson, TForm>(this RouteHandlerBuilder builder)
        where TForm : notnull => builder
        .AcceptsAttachmentUpload<TForm>()
        .Accepts<TForm>("multipart/form-data", "application/json")
        .WithMetadata(new JsonBodyAlternative(typeof(TJson)));

    /// <summary>Puts buffered upload files back at their start, so a command can be sent again with them.</summary>
    public static void Rewind(IReadOnlyList<Application.Tickets.Attachments.IncomingFile> files)
    {
        foreach (var file in files.Where(f => f.Content.CanSeek))
        {
            file.Content.Position = 0;
        }
    }

    public static bool IsMultipart(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>The command of <c>POST /tickets</c> from either body; the files' streams live until the response ends.</summary>
    public static async Task<OpenTicketCommand> ReadOpenTicketAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsMultipart(request))
        {
            return await ReadJsonAsync<OpenTicketCommand>(request, cancellationToken);
        }

        var upload = await request.ReadAttachmentUploadAsync(cancellationToken);
        var fields = new FieldParsing();
        return fields.ThrowIfInvalid(new OpenTicketCommand(
            upload.Field("title") ?? string.Empty,
            upload.Field("description") ?? string.Empty,
            fields.Enum<TicketType>(upload.Field("type"), "type", "tickets.type_invalid"),
            fields.Enum<Urgency>(upload.Field("urgency"), "urgency", "tickets.urgency_invalid"),
            fields.Parse<int>(upload.Field("categoryId"), "categoryId"),
            upload.Fields.TryGetValue("observers", out var observers) ? observers.Select(o => o ?? string.Empty).ToList() : null,
            upload.Field("contactPhone"),
            fields.Parse<int>(upload.Field("referencesTicketId"), "referencesTicketId"),
            fields.Parse<Guid>(upload.Field("equipmentItemId"), "equipmentItemId"))
        {
            Attachments = upload.Files,
        });
    }

    /// <summary>The command of <c>POST /tickets/{id}/follow-ups</c> from either body.</summary>
    public static async Task<AddFollowUpCommand> ReadFollowUpAsync(HttpRequest request, int ticketId, int? expectedVersion, CancellationToken cancellationToken)
    {
        if (!IsMultipart(request))
        {
            var body = await ReadJsonAsync<FollowUpRequest>(request, cancellationToken);
            return new AddFollowUpCommand(ticketId, body.Content, body.IsPrivate, expectedVersion);
        }

        var upload = await request.ReadAttachmentUploadAsync(cancellationToken);
        var fields = new FieldParsing();
        var isPrivate = fields.Parse<bool>(upload.Field("isPrivate"), "isPrivate") ?? false;
        return fields.ThrowIfInvalid(new AddFollowUpCommand(ticketId, upload.Field("content") ?? string.Empty, isPrivate, expectedVersion)
        {
            Attachments = upload.Files,
        });
    }

    private static async Task<T> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            throw new BadHttpRequestException("Expected application/json or multipart/form-data.", StatusCodes.Status415UnsupportedMediaType);
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        return await request.ReadFromJsonAsync<T>(options, cancellationToken)
            ?? throw new BadHttpRequestException("The request body is required.", StatusCodes.Status400BadRequest);
    }
}

/// <summary>The multipart form of <c>POST /api/v1/tickets</c> (Swagger only; the JSON body has the same fields).</summary>
public sealed class OpenTicketForm
{
    public string Title { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    /// <summary>Incident or Request.</summary>
    public TicketType Type { get; init; }

    /// <summary>VeryLow, Low, Medium (default), High, VeryHigh.</summary>
    public Urgency? Urgency { get; init; }

    public int? CategoryId { get; init; }

    /// <summary>User ids or institutional e-mails; repeat the field for each one.</summary>
    public IReadOnlyList<string>? Observers { get; init; }

    public string? ContactPhone { get; init; }

    public int? ReferencesTicketId { get; init; }

    /// <summary>Optional: an item checked out to me (see <c>GET /api/v1/me/equipment</c>) the ticket is about.</summary>
    public Guid? EquipmentItemId { get; init; }

    /// <summary>The files (at most <c>Tickets:Attachments:MaxFilesPerRequest</c>, each at most <c>MaxFileBytes</c>); repeat the field.</summary>
    public IFormFileCollection? Attachments { get; init; }
}

/// <summary>The multipart form of <c>POST /api/v1/tickets/{id}/follow-ups</c> (Swagger only).</summary>
public sealed class FollowUpForm
{
    public string Content { get; init; } = string.Empty;

    /// <summary>true: visible to the desk only.</summary>
    public bool IsPrivate { get; init; }

    /// <summary>The files, linked to the follow-up; repeat the field.</summary>
    public IFormFileCollection? Attachments { get; init; }
}
