using MesaServicios.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MesaServicios.Infrastructure.Reporting;

/// <summary>The claim of each month's report: the month is the key, so a second claim of it fails in the database.</summary>
internal sealed class MonthlyReportDispatchConfiguration : IEntityTypeConfiguration<MonthlyReportDispatch>
{
    public void Configure(EntityTypeBuilder<MonthlyReportDispatch> builder)
    {
        builder.ToTable("MonthlyReportDispatches");
        builder.HasKey(d => d.Month);
        builder.Property(d => d.Month).HasMaxLength(7).ValueGeneratedNever();
    }
}
