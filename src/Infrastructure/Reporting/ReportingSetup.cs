using MesaServicios.Application.Reporting;
using MesaServicios.Infrastructure.Common.Jobs;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.Infrastructure.Reporting;

internal static class ReportingSetup
{
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddScoped<IReportingStore, SqliteReportingStore>();
        services.AddScoped<PortableSql>();
        services.AddScoped<IQualityReportingStore, QualityReportingStore>();
        services.AddScoped<IEquipmentReportingStore, EquipmentReportingStore>();
        services.AddScoped<IReportingDbContext>(sp => sp.GetRequiredService<MesaDbContext>());
        services.AddScoped<SendMonthlyReportJob>();
        services.AddRecurringJobs<ReportingRecurringJobs>();
        return services;
    }
}
