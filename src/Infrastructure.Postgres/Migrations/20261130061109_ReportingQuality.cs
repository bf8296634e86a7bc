using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MesaServicios.Infrastructure.Postgres.Migrations
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
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Recipients = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<long>(type: "bigint", nullable: false)
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
