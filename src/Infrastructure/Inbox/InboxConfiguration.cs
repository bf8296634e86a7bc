using MesaServicios.Domain.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MesaServicios.Infrastructure.Inbox;

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("InboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Mailbox).HasMaxLength(300).IsRequired();
        builder.Property(m => m.MessageKey).HasMaxLength(500).IsRequired();
        builder.Property(m => m.MessageId).HasMaxLength(1000);
        builder.Property(m => m.FromAddress).HasMaxLength(320).IsRequired();
        builder.Property(m => m.FromName).HasMaxLength(200);
        builder.Property(m => m.Subject).HasMaxLength(500).IsRequired();
        builder.Property(m => m.Raw).IsRequired();
        builder.Property(m => m.Status).HasConversion<int>();
        builder.Property(m => m.Reason).HasMaxLength(1000);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.Ignore(m => m.IsFinal);

        // One record per message and mailbox, whatever the number of runs, nodes or crashes.
        builder.HasIndex(m => new { m.Mailbox, m.MessageKey }).IsUnique();
        builder.HasIndex(m => m.MessageId);
        builder.HasIndex(m => new { m.Status, m.ReceivedAt });
    }
}

internal sealed class UndeliverableAddressConfiguration : IEntityTypeConfiguration<UndeliverableAddress>
{
    public void Configure(EntityTypeBuilder<UndeliverableAddress> builder)
    {
        builder.ToTable("UndeliverableAddresses");
        builder.HasKey(u => u.Email);
        builder.Property(u => u.Email).HasMaxLength(320);
        builder.Property(u => u.Diagnostic).HasMaxLength(500);
    }
}

internal sealed class InboxAutoReplyConfiguration : IEntityTypeConfiguration<InboxAutoReply>
{
    public void Configure(EntityTypeBuilder<InboxAutoReply> builder)
    {
        builder.ToTable("InboxAutoReplies");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Email).HasMaxLength(320).IsRequired();
        builder.Property(r => r.Kind).HasMaxLength(100).IsRequired();
        builder.HasIndex(r => new { r.Email, r.SentAt });
    }
}

internal sealed class InboxLeaseConfiguration : IEntityTypeConfiguration<InboxLease>
{
    public void Configure(EntityTypeBuilder<InboxLease> builder)
    {
        builder.ToTable("InboxLeases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(100);
    }
}
