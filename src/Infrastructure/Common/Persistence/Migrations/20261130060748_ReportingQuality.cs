using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MesaServicios.Infrastructure.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReportingQuality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MonthlyReportDispatches",
                columns: table => new
                {
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyReportDispatches", x => x.Month);
                });

            MesaServicios.Infrastructure.Reporting.ReportingQualitySql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            MesaServicios.Infrastructure.Reporting.ReportingQualitySql.Down(migrationBuilder);

            migrationBuilder.DropTable(
                name: "MonthlyReportDispatches");
        }
    }
}
