using MesaServicios.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MesaServicios.Infrastructure.Tickets;

/// <summary>
/// The ticket's service-level clock, a value object stored in columns of the Tickets table (prefix <c>Sla</c>).
/// <c>SlaNextEscalationAt</c> has a partial index: the escalation job reads only the tickets whose next level is
/// due, however many are open.
/// </summary>
internal sealed class TicketServiceLevelConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ComplexProperty(t => t.ServiceLevel, sla =>
        {
            sla.Property(c => c.OwnTargetMinutes).HasColumnName("SlaOwnTargetMinutes");
            sla.Property(c => c.ResolveTargetMinutes).HasColumnName("SlaResolveTargetMinutes");
            sla.Property(c => c.WarningPercent).HasColumnName("SlaWarningPercent");
            sla.Property(c => c.OwnWarnAt).HasColumnName("SlaOwnWarnAt");
            sla.Property(c => c.OwnDueAt).HasColumnName("SlaOwnDueAt");
            sla.Property(c => c.ResolveWarnAt).HasColumnName("SlaResolveWarnAt");
            sla.Property(c => c.ResolveDueAt).HasColumnName("SlaResolveDueAt");
            sla.Property(c => c.PausedMinutes).HasColumnName("SlaPausedMinutes");
            sla.Property(c => c.PausedSince).HasColumnName("SlaPausedSince");
            sla.Property(c => c.AutoCloseWarnAt).HasColumnName("SlaAutoCloseWarnAt");
            sla.Property(c => c.Fired).HasColumnName("SlaFired").HasConversion<int>();
            sla.Property(c => c.NextEscalationAt).HasColumnName("SlaNextEscalationAt");
            sla.Ignore(c => c.IsRunning);
            sla.Ignore(c => c.IsPaused);
        });
    }
}
