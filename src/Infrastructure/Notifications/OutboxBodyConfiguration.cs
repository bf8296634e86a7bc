using MesaServicios.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MesaServicios.Infrastructure.Notifications;

internal sealed class OutboxBodyConfiguration : IEntityTypeConfiguration<OutboxBody>
{
    public void Configure(EntityTypeBuilder<OutboxBody> builder)
    {
        builder.ToTable("OutboxBodies");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.TextBody).IsRequired();
    }
}
