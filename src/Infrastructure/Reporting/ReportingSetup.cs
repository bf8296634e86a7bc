using MesaServicios.Application.Reporting;
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
        return services;
    }
}
