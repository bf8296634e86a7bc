using MesaServicios.Domain.Tickets.Attachments;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Tickets.Attachments;

/// <summary>The attachments' metadata table (part of the Tickets module).</summary>
public interface IAttachmentsDbContext
{
    DbSet<AttachmentMetadata> Attachments { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
