using MesaServicios.Application.Tickets.Attachments;
using MesaServicios.Infrastructure.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MesaServicios.Infrastructure.Tickets.Attachments;

public static class AttachmentsSetup
{
    /// <summary>
    /// Options (<c>Tickets:Attachments</c>), the policy, the intake, the disk store under the data directory (the
    /// metadata of each file is the ticket's own <c>TicketAttachment</c>).
    /// </summary>
    public static IServiceCollection AddTicketAttachments(this IServiceCollection services, IConfiguration configuration, DataPaths paths)
    {
        services.AddOptions<AttachmentOptions>()
            .Bind(configuration.GetSection(AttachmentOptions.Section))
            .Validate(o => o.MaxFileBytes > 0 && o.MaxFilesPerRequest > 0 && o.MaxFormFieldsBytes > 0, "Tickets:Attachments limits must be positive.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Directory), "Tickets:Attachments:Directory is required.")
            .ValidateOnStart();
        services.AddSingleton<AttachmentPolicy>();
        services.AddScoped<AttachmentIntake>();
        services.AddSingleton<IFileStore>(sp => new DiskFileStore(
            paths.EnsureDirectory(sp.GetRequiredService<IOptions<AttachmentOptions>>().Value.Directory),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DiskFileStore>>()));
        return services;
    }
}
