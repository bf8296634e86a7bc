using MesaServicios.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Reporting;

/// <summary>Reporting's one table: the claim of each month's report (it reads everything else, never writes it).</summary>
public interface IReportingDbContext
{
    DbSet<MonthlyReportDispatch> MonthlyReportDispatches { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
