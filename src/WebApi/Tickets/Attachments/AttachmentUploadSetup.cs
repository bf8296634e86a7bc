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

    /// <summary>Documents a multipart upload endpoint: the form it accepts and its 413 answer.</summary>
    public static RouteHandlerBuilder AcceptsAttachmentUpload(this RouteHandlerBuilder builder) => builder
        .Accepts<IFormCollection>("multipart/form-data")
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesValidationProblem();
}
