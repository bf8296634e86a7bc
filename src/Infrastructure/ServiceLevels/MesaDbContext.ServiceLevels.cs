using MesaServicios.Application.ServiceLevels;
using MesaServicios.Domain.ServiceLevels;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Common.Persistence;

public sealed partial class MesaDbContext : IServiceLevelsDbContext
{
    public DbSet<WorkingDay> WorkingDays => Set<WorkingDay>();

    public DbSet<CalendarClosure> CalendarClosures => Set<CalendarClosure>();

    public DbSet<ServiceLevelTarget> ServiceLevelTargets => Set<ServiceLevelTarget>();
}
