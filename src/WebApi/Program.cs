using System.Globalization;
using System.Text.Json.Serialization;
using Hangfire;
using MesaServicios.Application;
using MesaServicios.Application.Common.Behaviors;
using MesaServicios.Application.Common.Security;
using MesaServicios.Infrastructure;
using MesaServicios.Infrastructure.Common.Jobs;
using MesaServicios.Infrastructure.Common.Persistence;
using MesaServicios.WebApi.Common;
using MesaServicios.WebApi.HelpCenter;
using MesaServicios.WebApi.Tickets.Attachments;
using MesaServicios.WebApi.Notifications;
using MesaServicios.WebApi.Inbox;
using MesaServicios.WebApi.Tickets;
using MesaServicios.WebApi.ServiceLevels;
using MesaServicios.WebApi.Reservations;
using MesaServicios.WebApi.Users;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

if (MoveDeskCommandLine.Requested(args))
{
    return await MoveDeskCommandLine.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.PipelineBehaviors =
    [
        typeof(LoggingBehavior<,>),
        typeof(ValidationBehavior<,>),
        typeof(TransactionBehavior<,>),
    ];
});

builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton<MesaServicios.Application.Common.IPublicAddress, PublicAddress>();
builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();
builder.Services.AddExceptionHandler<ProblemResponses>();
builder.Services.AddProblemDetails();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    // Enums travel as names only: "1" or 1 for an enum is refused.
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
    o.SerializerOptions.AllowDuplicateProperties = false;
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
});
builder.Services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => o.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false)));
builder.Services.AddMesaAuthentication();
builder.Services.AddMesaSwagger();
builder.Services.AddMesaCors();
builder.Services.AddMesaRateLimiting(builder.Configuration);
builder.Services.AddAttachmentUploads();
builder.Services.AddHsts(hsts =>
{
    hsts.MaxAge = TimeSpan.FromDays(365);
    hsts.IncludeSubDomains = false;
});

var app = builder.Build();

try
{
    _ = app.Services.GetRequiredService<MesaServicios.Infrastructure.Users.SigningKeyProvider>();
    _ = CorsSetup.Origins(app.Configuration);
    await app.Services.InitializeDatabaseAsync();
}
catch (MesaServicios.Infrastructure.Common.StartupRefusedException refused)
{
    // One clear line, no stack trace: the configuration is wrong, not the code.
    app.Logger.LogCritical("Start-up refused: {Reason}", refused.Message);
    await app.DisposeAsync();
    return 1;
}

var cultures = new[] { new CultureInfo("es-CO"), new CultureInfo("es"), new CultureInfo("en"), new CultureInfo("en-US") };
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture("es-CO"),
    SupportedCultures = cultures,
    SupportedUICultures = cultures,
    RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()],
});
app.UseExceptionHandler();
app.UseMesaSecurityHeaders();
app.UseMesaCors();
app.UseStatusCodePages(async context =>
{
    var http = context.HttpContext;
    if (http.Response.HasStarted || http.Response.ContentLength > 0 || !string.IsNullOrEmpty(http.Response.ContentType))
    {
        return;
    }

    var code = http.Response.StatusCode switch
    {
        404 => "common.not_found",
        405 => "common.bad_request",
        413 => "common.payload_too_large",
        415 => "common.bad_request",
        429 => "common.too_many_requests",
        _ => "common.bad_request",
    };
    await http.Response.WriteAsJsonAsync(ProblemResponses.Build(http, http.Response.StatusCode, code), (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
});
app.UseMesaRateLimiting();
app.UseAuthentication();
app.UseAuthorization();
app.UseHangfireDashboardGuard();
app.UseJsonBodyCheck();
app.UseTextInputCheck();

app.UseMesaSwagger();
app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions
{
    Predicate = check => check.Tags.Contains("ready"),
    // "Healthy", or the status followed by each failing check and why (e.g. "storage: Storage full: …").
    ResponseWriter = (http, report) => http.Response.WriteAsync(report.Status == HealthStatus.Healthy
        ? "Healthy"
        : report.Status + "\n" + string.Join("\n", report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description}"))),
}).AllowAnonymous();
app.MapHangfireDashboardWithAuthorizationPolicy(Policies.Administrator, "/hangfire", new DashboardOptions
{
    DashboardTitle = "Mesa de Servicios — trabajos en segundo plano",
    AppPath = "/swagger",
});

app.MapAuthEndpoints();
app.MapMeEndpoints();
app.MapUserAdminEndpoints();
app.MapDeskDirectoryEndpoints();
app.MapDashboardSignInEndpoints();
MesaServicios.WebApi.BuiltInPages.BuiltInPageEndpoints.MapBuiltInPageEndpoints(app);
app.MapMyNotificationEndpoints();
app.MapOutboxAdminEndpoints();
app.MapActionLinkEndpoints();
app.MapTriageEndpoints();
app.MapTicketEndpoints();
app.MapTicketCategoryEndpoints();
app.MapServiceLevelEndpoints();
app.MapTicketServiceLevelEndpoints();
app.MapHelpEndpoints();
app.MapReferenceEndpoints();
app.MapEquipmentEndpoints();
app.MapReservationEndpoints();
MesaServicios.WebApi.Audit.AuditEndpoints.MapAuditEndpoints(app);
MesaServicios.WebApi.Reporting.ReportingEndpoints.MapReportingEndpoints(app);
MesaServicios.WebApi.Common.BackupEndpoints.MapBackupEndpoints(app);

if (app.Services.GetRequiredService<IOptions<JobsOptions>>().Value.Enabled)
{
    RecurringJobs.Register(
        app.Services.GetRequiredService<IRecurringJobManager>(),
        app.Services.GetServices<IRecurringJobRegistration>());
}

await app.RunWithStartupBannerAsync();
return 0;

/// <summary>Entry point; public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
