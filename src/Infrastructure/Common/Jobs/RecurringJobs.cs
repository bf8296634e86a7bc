using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.Infrastructure.Common.Jobs;

/// <summary>
/// A module's recurring jobs. Each module registers one (<c>services.AddRecurringJobs&lt;X&gt;()</c>) in its own
/// setup; Common knows none of them.
/// </summary>
public interface IRecurringJobRegistration
{
    /// <summary>Adds or updates (or removes, when switched off) the module's recurring jobs; idempotent.</summary>
    void Register(IRecurringJobManager jobs);
}

/// <summary>Every recurring job of the desk, registered (idempotently) at start.</summary>
public static class RecurringJobs
{
    public static IServiceCollection AddRecurringJobs<TRegistration>(this IServiceCollection services)
        where TRegistration : class, IRecurringJobRegistration
    {
        services.AddSingleton<IRecurringJobRegistration, TRegistration>();
        return services;
    }

    public static void Register(IRecurringJobManager jobs, IEnumerable<IRecurringJobRegistration> registrations)
    {
        foreach (var registration in registrations)
        {
            registration.Register(jobs);
        }
    }
}
