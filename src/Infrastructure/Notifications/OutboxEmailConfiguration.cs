using MesaServicios.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MesaServicios.Infrastructure.Notifications;

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.ToTable("OutboxEmails");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasMaxLength(80).IsRequired();
        builder.Property(e => e.To).HasMaxLength(254).IsRequired();
        builder.Property(e => e.ToName).HasMaxLength(150);
        builder.Property(e => e.Recipients);
        builder.Property(e => e.Subject).HasMaxLength(300).IsRequired();
        builder.Property(e => e.MessageId).HasMaxLength(200).IsRequired();
        builder.HasIndex(e => e.MessageId).IsUnique();
        builder.Property(e => e.InReplyTo).HasMaxLength(200);
        builder.Property(e => e.AutoSubmitted).HasMaxLength(40);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.LastError).HasMaxLength(2000);
        builder.HasIndex(e => new { e.Status, e.NextAttemptAt });

        // The body is stored once per rendered mail and loaded with its rows (delivery, tests, administration).
        // Partial: retention removes the body and clears the pointer, so a delivered old mail keeps no index entry.
        builder.HasOne(e => e.Body).WithMany().HasForeignKey(e => e.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(e => e.Body).AutoInclude();
        builder.HasIndex(e => e.BodyId).HasFilter("\"BodyId\" IS NOT NULL");
        builder.Ignore(e => e.TextBody);
        builder.Ignore(e => e.HtmlBody);

        // Partial: only claimed rows are looked up by claim, so queuing a mail does not touch this index.
        builder.HasIndex(e => e.ClaimToken).HasFilter("\"ClaimToken\" IS NOT NULL");
    }
}
