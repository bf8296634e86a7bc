using MesaServicios.Domain.ServiceLevels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MesaServicios.Infrastructure.ServiceLevels;

internal sealed class WorkingDayConfiguration : IEntityTypeConfiguration<WorkingDay>
{
    public void Configure(EntityTypeBuilder<WorkingDay> builder)
    {
        builder.ToTable("WorkingDays");
        builder.HasKey(d => d.Day);
        builder.Property(d => d.Day).HasConversion<int>().ValueGeneratedNever();
        builder.Ignore(d => d.Minutes);
    }
}

internal sealed class CalendarClosureConfiguration : IEntityTypeConfiguration<CalendarClosure>
{
    public void Configure(EntityTypeBuilder<CalendarClosure> builder)
    {
        builder.ToTable("CalendarClosures");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Reason).HasMaxLength(CalendarClosure.ReasonMaxLength).IsRequired();
        builder.HasIndex(c => c.EndDate);
    }
}

internal sealed class ServiceLevelTargetConfiguration : IEntityTypeConfiguration<ServiceLevelTarget>
{
    public void Configure(EntityTypeBuilder<ServiceLevelTarget> builder)
    {
        builder.ToTable("ServiceLevelTargets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedOnAdd();
        builder.Property(t => t.Urgency).HasConversion<int>();
        builder.Property(t => t.Type).HasConversion<int?>();
    }
}
