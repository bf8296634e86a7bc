using MesaServicios.Domain.ServiceLevels;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.ServiceLevels;

/// <summary>The ServiceLevels module's tables: the working week, the closures and the targets.</summary>
public interface IServiceLevelsDbContext
{
    DbSet<WorkingDay> WorkingDays { get; }

    DbSet<CalendarClosure> CalendarClosures { get; }

    DbSet<ServiceLevelTarget> ServiceLevelTargets { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
