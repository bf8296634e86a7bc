using MesaServicios.Application.Audit;
using MesaServicios.Domain.Audit;
using MesaServicios.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Common.Persistence;

public sealed partial class MesaDbContext : IAuditDbContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    internal DbSet<AuditPurge> AuditPurges => Set<AuditPurge>();
}
