using MesaServicios.Domain.Reservations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MesaServicios.Infrastructure.Reservations;

internal sealed class ReservationConfiguration : IEntityTypeConfiguration<Reservation>
{
    public void Configure(EntityTypeBuilder<Reservation> builder)
    {
        builder.ToTable("Reservations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Purpose).HasMaxLength(Reservation.PurposeMaxLength).IsRequired();
        builder.Property(r => r.Status).HasConversion<int>();
        builder.Property(r => r.ReturnCondition).HasConversion<int?>();
        builder.Property(r => r.ReturnNotes).HasMaxLength(Reservation.TextMaxLength);
        builder.Property(r => r.CancelReason).HasMaxLength(Reservation.TextMaxLength);
        builder.Property(r => r.IdempotencyKey).HasMaxLength(100);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.Window);
        builder.Ignore(r => r.IsActive);
        builder.Ignore(r => r.IsHeld);
        builder.Ignore(r => r.DomainEvents);
        builder.HasOne<EquipmentItem>().WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Restrict);

        // The overlap check, an item's calendar and availability: a range seek on (ItemId, StartsAt), covering.
        builder.HasIndex(r => new { r.ItemId, r.StartsAt, r.EndsAt, r.Status });
        // Items still out (availability, bookings, the desk's day): only CheckedOut and Overdue rows, a few among many, so
        // a partial index that the planner scans whole in microseconds (a full index on Status is judged by averages).
        builder.HasIndex(r => new { r.ItemId, r.EndsAt, r.Status }, "IX_Reservations_Held").HasFilter("\"Status\" IN (2, 6)");
        // My reservations, my equipment.
        builder.HasIndex(r => new { r.HolderId, r.StartsAt });
        // The jobs and the desk's day: by status and time.
        builder.HasIndex(r => new { r.Status, r.StartsAt });
        builder.HasIndex(r => new { r.Status, r.EndsAt });
        // The equipment report's late returns: only bookings returned after their end (a few among the returns), so a
        // creation writes nothing to it and a check-in at most one entry. No status in it: with one, SQLite's planner
        // prefers the (Status, EndsAt) range and reads every return of the period.
        builder.HasIndex(r => r.EndsAt, "IX_Reservations_ReturnedLate").HasFilter("\"ReturnedAt\" > \"EndsAt\"");
        // A retried creation finds its first answer; two concurrent ones cannot both insert.
        builder.HasIndex(r => new { r.BookedById, r.IdempotencyKey }).IsUnique().HasFilter("\"IdempotencyKey\" IS NOT NULL");
    }
}

internal sealed class EquipmentItemConfiguration : IEntityTypeConfiguration<EquipmentItem>
{
    public void Configure(EntityTypeBuilder<EquipmentItem> builder)
    {
        builder.ToTable("EquipmentItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Code).HasMaxLength(EquipmentItem.CodeMaxLength).IsRequired();
        builder.Property(i => i.Name).HasMaxLength(EquipmentItem.NameMaxLength).IsRequired();
        builder.Property(i => i.Location).HasMaxLength(EquipmentItem.LocationMaxLength);
        builder.Property(i => i.Notes).HasMaxLength(EquipmentItem.NotesMaxLength);
        builder.Property(i => i.MaintenanceReason).HasMaxLength(EquipmentItem.NotesMaxLength);
        builder.Property(i => i.State).HasConversion<int>();
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne<MaterialType>().WithMany().HasForeignKey(i => i.MaterialTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.Code).IsUnique();
        builder.HasIndex(i => new { i.MaterialTypeId, i.State });
    }
}

/// <summary>Material types, seeded (by the migration, once) with what the institution lends.</summary>
internal sealed class MaterialTypeConfiguration : IEntityTypeConfiguration<MaterialType>
{
    private static readonly DateTimeOffset Seeded = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public void Configure(EntityTypeBuilder<MaterialType> builder)
    {
        builder.ToTable("MaterialTypes");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedOnAdd();
        builder.Property(t => t.Name).HasMaxLength(MaterialType.NameMaxLength).IsRequired();
        builder.Property(t => t.EnglishName).HasMaxLength(MaterialType.NameMaxLength);
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasData(Defaults().Select(t => new { t.Id, t.Name, t.EnglishName, IsActive = true, CreatedAt = Seeded, UpdatedAt = Seeded }));
    }

    private static IEnumerable<(int Id, string Name, string EnglishName)> Defaults() =>
    [
        (1, "Portátil", "Laptop"),
        (2, "Videobeam", "Projector"),
        (3, "Cámara", "Camera"),
        (4, "Parlante", "Speaker"),
        (5, "Micrófono", "Microphone"),
        (6, "Extensión", "Extension cord"),
        (7, "Tableta", "Tablet"),
        (8, "Apuntador láser", "Laser pointer"),
        (9, "Adaptador HDMI", "HDMI adapter"),
    ];
}
