using MesaServicios.Domain.Tickets.Attachments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MesaServicios.Infrastructure.Tickets.Attachments;

internal sealed class AttachmentMetadataConfiguration : IEntityTypeConfiguration<AttachmentMetadata>
{
    public void Configure(EntityTypeBuilder<AttachmentMetadata> builder)
    {
        builder.ToTable("Attachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Sha256).HasMaxLength(AttachmentMetadata.Sha256Length).IsFixedLength().IsUnicode(false).IsRequired();
        builder.Property(a => a.FileName).HasMaxLength(AttachmentMetadata.FileNameMaxLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(AttachmentMetadata.ContentTypeMaxLength).IsUnicode(false).IsRequired();
        builder.HasIndex(a => a.Sha256);
        builder.HasIndex(a => a.UploadedBy);
    }
}
