using MesaServicios.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Audit;

/// <summary>The Audit module's table. Entries are added and read, never changed.</summary>
public interface IAuditDbContext
{
    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<AuditPurge> AuditPurges { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
