using MesaServicios.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MesaServicios.Infrastructure.Tickets;

/// <summary>The category tree, seeded (by the migration, once) with the usual areas of a university ICT office.</summary>
internal sealed class TicketCategoryConfiguration : IEntityTypeConfiguration<TicketCategory>
{
    private static readonly DateTimeOffset Seeded = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public void Configure(EntityTypeBuilder<TicketCategory> builder)
    {
        builder.ToTable("TicketCategories");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.Name).HasMaxLength(100).IsRequired();
        builder.HasOne<TicketCategory>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ParentId, c.Name });
        builder.HasData(Defaults().Select(c => new
        {
            c.Id,
            c.Name,
            c.ParentId,
            IsActive = true,
            CreatedAt = Seeded,
            UpdatedAt = Seeded,
        }));
    }

    private static IEnumerable<(int Id, string Name, int? ParentId)> Defaults() =>
    [
        (1, "Hardware", null),
        (2, "Equipo de cómputo", 1),
        (3, "Impresoras y escáneres", 1),
        (4, "Periféricos", 1),
        (10, "Software", null),
        (11, "Sistema operativo", 10),
        (12, "Ofimática", 10),
        (13, "Aplicaciones institucionales", 10),
        (14, "Antivirus y seguridad", 10),
        (20, "Redes e internet", null),
        (21, "Wi-Fi", 20),
        (22, "Cableado", 20),
        (23, "VPN y acceso remoto", 20),
        (30, "Cuentas y accesos", null),
        (31, "Correo institucional", 30),
        (32, "Plataforma académica", 30),
        (33, "Restablecimiento de contraseña", 30),
        (40, "Audiovisuales", null),
        (41, "Videobeam", 40),
        (42, "Sonido y videoconferencia", 40),
        (50, "Solicitudes", null),
        (51, "Información", 50),
        (52, "Préstamo de equipos", 50),
        (53, "Instalación de software", 50),
        (54, "Creación de cuentas", 50),
    ];
}
