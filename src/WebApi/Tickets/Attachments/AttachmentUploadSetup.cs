using MesaServicios.Application.Tickets.Attachments;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace MesaServicios.WebApi.Tickets.Attachments;

public static class AttachmentUploadSetup
{
    /// <summary>
    /// Form limits that match <c>Tickets:Attachments</c>, for any endpoint that binds a form. Kestrel's global body
    /// limit stays at its default; <see cref="MultipartUploads.ReadAttachmentUploadAsync"/> raises it for its own
    /// request to every file at its largest plus the form fields, and answers 413 past that.
    /// </summary>
    public static IServiceCollection AddAttachmentUploads(this IServiceCollection services)
    {
        services.AddOptions<FormOptions>().Configure<IOptions<AttachmentOptions>>((form, attachments) =>
        {
            var limits = attachments.Value;
            form.MultipartBodyLengthLimit = limits.MaxRequestBytes;
            form.ValueLengthLimit = (int)Math.Min(int.MaxValue, limits.MaxFormFieldsBytes);
            form.ValueCountLimit = 100 + limits.MaxFilesPerRequest;
        });
        return services;
    }

    /// <summary>Documents a multipart upload endpoint that only takes files: its form and its 413/415 answers.</summary>
    public static RouteHandlerBuilder AcceptsAttachmentUpload(this RouteHandlerBuilder builder) =>
        builder.AcceptsAttachmentUpload<AttachmentUploadForm>();

    /// <summary>
    /// Documents a multipart upload endpoint: <typeparamref name="TForm"/> describes the form for Swagger only (its
    /// text fields, and an <see cref="IFormFileCollection"/> <c>Attachments</c> property for the files); the
    /// endpoint itself reads the body with <see cref="MultipartUploads.ReadAttachmentUploadAsync"/>.
    /// </summary>
    public static RouteHandlerBuilder AcceptsAttachmentUpload<TForm>(this RouteHandlerBuilder builder)
        where TForm : notnull => builder
        .Accepts<TForm>("multipart/form-data")
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesValidationProblem();
}

/// <summary>The files of an upload, as Swagger shows the form (field <c>attachments</c>, repeated).</summary>
public sealed class AttachmentUploadForm
{
    /// <summary>The files (at most <c>Tickets:Attachments:MaxFilesPerRequest</c>, each at most <c>MaxFileBytes</c>).</summary>
    public IFormFileCollection? Attachments { get; init; }
}
