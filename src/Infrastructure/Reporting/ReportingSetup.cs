using MesaServicios.Application.Reporting;
using MesaServicios.Infrastructure.Common.Jobs;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.Infrastructure.Reporting;

internal static class ReportingSetup
{
    /// <summary>The reports' store in the engine's own SQL: SQLite, or PostgreSQL with <c>Database:Provider=Postgres</c>.</summary>
    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration configuration)
    {
        if (DatabaseOptions.ProviderOf(configuration) == DatabaseProvider.Postgres)
        {
            services.AddScoped<IReportingStore, PostgresReportingStore>();
            services.AddScoped<IQualityReportingStore, QualityReportingStore>();
        }
        else
        {
            services.AddScoped<IReportingStore, SqliteReportingStore>();
            services.AddSingleton<ReportingColumnStore>();
            services.AddHostedService<ReportingColumnStoreLoader>();
            services.AddScoped<IQualityReportingStore, SqliteQualityReportingStore>();
        }

        services.AddScoped<PortableSql>();
        services.AddScoped<IEquipmentReportingStore, EquipmentReportingStore>();
        services.AddScoped<IReportingDbContext>(sp => sp.GetRequiredService<MesaDbContext>());
        services.AddScoped<SendMonthlyReportJob>();
        services.AddRecurringJobs<ReportingRecurringJobs>();
        return services;
    }
}
