using MesaServicios.Application.Audit;
using MesaServicios.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Common.Persistence;

public sealed partial class MesaDbContext : IAuditDbContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditPurge> AuditPurges => Set<AuditPurge>();
}
