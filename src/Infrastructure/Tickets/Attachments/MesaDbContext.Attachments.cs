using MesaServicios.Application.Tickets.Attachments;
using MesaServicios.Domain.Tickets.Attachments;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Common.Persistence;

public sealed partial class MesaDbContext : IAttachmentsDbContext
{
    public DbSet<AttachmentMetadata> Attachments => Set<AttachmentMetadata>();
}
