using MesaServicios.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MesaServicios.Infrastructure.Tickets;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("Tickets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedOnAdd();
        builder.Property(t => t.Title).HasMaxLength(Ticket.TitleMaxLength).IsRequired();
        builder.Property(t => t.Description).HasMaxLength(Ticket.DescriptionMaxLength).IsRequired();
        builder.Property(t => t.SearchText).HasMaxLength(Ticket.TitleMaxLength + 1 + Ticket.DescriptionMaxLength).IsRequired();
        builder.Property(t => t.RequesterName).HasMaxLength(150).IsRequired();
        builder.Property(t => t.RequesterDepartment).HasMaxLength(150);
        builder.Property(t => t.RequesterPhone).HasMaxLength(40);
        builder.Property(t => t.PendingReason).HasMaxLength(Ticket.TextMaxLength);
        builder.Property(t => t.Solution).HasMaxLength(Ticket.TextMaxLength);

        // Stored as numbers (GLPI's status codes; levels 1..5) so sorting by priority or urgency is numeric.
        builder.Property(t => t.Status).HasConversion<int>();
        builder.Property(t => t.Type).HasConversion<int>();
        builder.Property(t => t.Urgency).HasConversion<int>();
        builder.Property(t => t.Impact).HasConversion<int>();
        builder.Property(t => t.Priority).HasConversion<int>();
        builder.Property(t => t.Source).HasConversion<int>();

        // Incremented by the aggregate on every change; a stale write updates no row → DbUpdateConcurrencyException.
        builder.Property(t => t.Version).IsConcurrencyToken();

        builder.Ignore(t => t.Requester);
        builder.Ignore(t => t.ActiveObserverIds);
        builder.Ignore(t => t.DomainEvents);

        builder.HasMany(t => t.FollowUps).WithOne().HasForeignKey(f => f.TicketId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Solutions).WithOne().HasForeignKey(s => s.TicketId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.History).WithOne().HasForeignKey(h => h.TicketId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Observers).WithOne().HasForeignKey(o => o.TicketId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Attachments).WithOne().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(t => t.FollowUps).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(t => t.Solutions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(t => t.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(t => t.Observers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(t => t.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasOne<TicketCategory>().WithMany().HasForeignKey(t => t.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(t => t.ReferencesTicketId).OnDelete(DeleteBehavior.Restrict);

        // Hot paths: my tickets (requester, newest first), the queue (open, oldest first), search filters, auto-close.
        // Indexes on columns that a new ticket leaves empty are partial (IS NOT NULL; an equality or range filter
        // implies it, so queries still use them): opening a ticket then touches five indexes instead of eight.
        builder.HasIndex(t => new { t.RequesterId, t.CreatedAt });
        builder.HasIndex(t => new { t.Status, t.CreatedAt });
        builder.HasIndex(t => new { t.AssignedTechnicianId, t.Status });
        builder.HasIndex(t => new { t.Status, t.SolvedAt }).HasFilter("\"SolvedAt\" IS NOT NULL");
        builder.HasIndex(t => t.CreatedAt);
        // The desk's search by category (with its subcategories) and status, newest first, counted from the index.
        builder.HasIndex(t => new { t.CategoryId, t.Status, t.CreatedAt }).HasFilter("\"CategoryId\" IS NOT NULL");
        // The search by department (an IN of the matching names), newest first; also the distinct names, one seek each.
        builder.HasIndex(t => new { t.RequesterDepartment, t.CreatedAt }).HasFilter("\"RequesterDepartment\" IS NOT NULL");
        builder.HasIndex(t => t.ReferencesTicketId).HasFilter("\"ReferencesTicketId\" IS NOT NULL");

        // The equipment a ticket is about: a snapshot in the ticket's own row (empty on most tickets: partial index).
        builder.OwnsOne(t => t.Equipment, equipment =>
        {
            equipment.Property(e => e.ItemId).HasColumnName("EquipmentItemId");
            equipment.Property(e => e.Code).HasColumnName("EquipmentCode").HasMaxLength(40);
            equipment.Property(e => e.Name).HasColumnName("EquipmentName").HasMaxLength(150);
            equipment.Property(e => e.MaterialTypeId).HasColumnName("EquipmentMaterialTypeId");
            equipment.Property(e => e.MaterialType).HasColumnName("EquipmentMaterialType").HasMaxLength(80);
            equipment.HasIndex(e => e.MaterialTypeId).HasFilter("\"EquipmentMaterialTypeId\" IS NOT NULL");
        });
    }
}

internal sealed class TicketFollowUpConfiguration : IEntityTypeConfiguration<TicketFollowUp>
{
    public void Configure(EntityTypeBuilder<TicketFollowUp> builder)
    {
        builder.ToTable("TicketFollowUps");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Content).HasMaxLength(Ticket.TextMaxLength).IsRequired();
        builder.Property(f => f.Source).HasConversion<int>();
        builder.HasIndex(f => new { f.TicketId, f.CreatedAt });
    }
}

internal sealed class TicketSolutionConfiguration : IEntityTypeConfiguration<TicketSolution>
{
    public void Configure(EntityTypeBuilder<TicketSolution> builder)
    {
        builder.ToTable("TicketSolutions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Content).HasMaxLength(Ticket.TextMaxLength).IsRequired();
        builder.Property(s => s.DecisionComment).HasMaxLength(Ticket.TextMaxLength);
        builder.Property(s => s.Outcome).HasConversion<int>();
        builder.HasIndex(s => s.TicketId);
    }
}

internal sealed class TicketHistoryEntryConfiguration : IEntityTypeConfiguration<TicketHistoryEntry>
{
    public void Configure(EntityTypeBuilder<TicketHistoryEntry> builder)
    {
        builder.ToTable("TicketHistory");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Kind).HasConversion<int>();
        builder.Property(h => h.FromStatus).HasConversion<int?>();
        builder.Property(h => h.ToStatus).HasConversion<int?>();
        builder.Property(h => h.Text).HasMaxLength(Ticket.TextMaxLength);
        builder.HasIndex(h => new { h.TicketId, h.OccurredAt });
    }
}

internal sealed class TicketObserverConfiguration : IEntityTypeConfiguration<TicketObserver>
{
    public void Configure(EntityTypeBuilder<TicketObserver> builder)
    {
        builder.ToTable("TicketObservers");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Ignore(o => o.IsActive);
        // "Tickets I observe" reads by user; the ticket's observers by ticket.
        builder.HasIndex(o => new { o.UserId, o.TicketId });
        builder.HasIndex(o => o.TicketId);
    }
}

internal sealed class TicketAttachmentConfiguration : IEntityTypeConfiguration<TicketAttachment>
{
    public void Configure(EntityTypeBuilder<TicketAttachment> builder)
    {
        builder.ToTable("TicketAttachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(a => a.FileName).HasMaxLength(255).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(150).IsRequired();
        builder.HasOne<TicketFollowUp>().WithMany().HasForeignKey(a => a.FollowUpId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.TicketId);
        builder.HasIndex(a => a.Sha256);
    }
}

internal sealed class TicketIdempotencyRecordConfiguration : IEntityTypeConfiguration<TicketIdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<TicketIdempotencyRecord> builder)
    {
        builder.ToTable("TicketIdempotencyKeys");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Key).HasMaxLength(100).IsRequired();
        builder.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
        builder.Property(r => r.ResponseBody).IsRequired();
        // Two concurrent creations with one key: the database lets exactly one in.
        builder.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
        // Creation reads the record before its write turn: two renewals of one expired key cannot both win.
        builder.Property(r => r.CreatedAt).IsConcurrencyToken();
        builder.HasOne<Ticket>().WithMany().HasForeignKey(r => r.TicketId).OnDelete(DeleteBehavior.Restrict);
    }
}
