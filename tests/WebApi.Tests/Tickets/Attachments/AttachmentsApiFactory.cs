using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Tickets.Attachments;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tickets.Attachments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MesaServicios.WebApi.Tests.Tickets.Attachments;

/// <summary>
/// The real host with small attachment limits and two test-only routes that use the attachment helpers the way
/// the ticket endpoints do (upload → intake → metadata; metadata → store → download). The routes are added after
/// the application's pipeline, so its problem responses, localization and limits apply.
/// </summary>
public sealed class AttachmentsApiFactory : MesaApiFactory
{
    public const int MaxFileBytes = 4096;
    public const int MaxFiles = 3;
    public const int MaxFormFieldsBytes = 8192;

    public AttachmentsApiFactory()
    {
        With("Tickets:Attachments:MaxFileBytes", MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        With("Tickets:Attachments:MaxFilesPerRequest", MaxFiles.ToString(System.Globalization.CultureInfo.InvariantCulture));
        With("Tickets:Attachments:MaxFormFieldsBytes", MaxFormFieldsBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestRoutes>());
    }

    private sealed class TestRoutes : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/test/attachments", branch => branch.Run(HandleAsync));
        };

        private static async Task HandleAsync(HttpContext context)
        {
            var services = context.RequestServices;
            var db = services.GetRequiredService<IAttachmentsDbContext>();
            if (HttpMethods.IsPost(context.Request.Method))
            {
                await using var upload = await context.Request.ReadAttachmentUploadAsync(context.RequestAborted);
                var stored = await services.GetRequiredService<AttachmentIntake>().StoreAllOrThrowAsync(upload.Files, context.RequestAborted);
                var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
                var rows = stored.Select(s => s.ToMetadata(null, now)).ToArray();
                db.Attachments.AddRange(rows);
                await db.SaveChangesAsync(context.RequestAborted);
                await context.Response.WriteAsJsonAsync(rows.Select(r => new { r.Id, r.FileName, r.ContentType, r.SizeBytes, r.Sha256 }));
                return;
            }

            var id = Guid.Parse(context.Request.Path.Value!.Trim('/'));
            var metadata = await db.Attachments.FindAsync([id], context.RequestAborted)
                ?? throw Application.Common.Errors.NotFound("attachments.not_found", id);
            var content = await services.GetRequiredService<IFileStore>().OpenAsync(metadata, context.RequestAborted);
            await AttachmentDownloads.Download(content).ExecuteAsync(context);
        }
    }
}
