using Hangfire;
using MesaServicios.Application.Reservations;
using MesaServicios.Infrastructure.Common.Jobs;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.Infrastructure.Reservations;

/// <summary>The Reservations module's services: options, its tables, the overlap guard and its jobs.</summary>
public static class ReservationsSetup
{
    public static IServiceCollection AddReservations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReservationsOptions>().Bind(configuration.GetSection(ReservationsOptions.Section))
            .Validate(ReservationsOptions.IsValid, "Reservations: MaxDurationHours 1..744, MaxDaysAhead ≥ 1, minutes ≥ 0, OfficeHoursStart/End both \"HH:mm\" (start before end) or neither, TimeZone a known id.")
            .ValidateOnStart();
        services.AddScoped<IReservationsDbContext>(sp => sp.GetRequiredService<MesaDbContext>());
        // Provider-specific adapter of a port: chosen here, in the module's setup, from Database:Provider.
        if (DatabaseOptions.ProviderOf(configuration) == DatabaseProvider.Postgres)
        {
            services.AddScoped<IReservationOverlapGuard, PostgresReservationOverlapGuard>();
        }
        else
        {
            services.AddScoped<IReservationOverlapGuard, SqliteReservationOverlapGuard>();
        }

        services.AddScoped<MarkNoShowsJob>();
        services.AddScoped<SendReservationRemindersJob>();
        services.AddScoped<MarkOverdueReservationsJob>();
        services.AddRecurringJobs<ReservationsRecurringJobs>();
        return services;
    }
}

/// <summary>The module's recurring jobs, every five minutes (each is idempotent; a late run catches up).</summary>
internal sealed class ReservationsRecurringJobs : IRecurringJobRegistration
{
    public void Register(IRecurringJobManager jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.AddOrUpdate<MarkNoShowsJob>(MarkNoShowsJob.RecurringId, job => job.RunAsync(CancellationToken.None), "*/5 * * * *");
        jobs.AddOrUpdate<SendReservationRemindersJob>(SendReservationRemindersJob.RecurringId, job => job.RunAsync(CancellationToken.None), "*/5 * * * *");
        jobs.AddOrUpdate<MarkOverdueReservationsJob>(MarkOverdueReservationsJob.RecurringId, job => job.RunAsync(CancellationToken.None), "*/5 * * * *");
    }
}
