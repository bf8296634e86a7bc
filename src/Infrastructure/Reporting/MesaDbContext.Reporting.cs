using MesaServicios.Application.Reporting;
using MesaServicios.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Common.Persistence;

public sealed partial class MesaDbContext : IReportingDbContext
{
    public DbSet<MonthlyReportDispatch> MonthlyReportDispatches => Set<MonthlyReportDispatch>();
}
