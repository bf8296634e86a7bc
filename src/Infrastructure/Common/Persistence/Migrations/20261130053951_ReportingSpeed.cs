using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MesaServicios.Infrastructure.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReportingSpeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "OwnBusinessMinutes",
                table: "Tickets",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ResolveBusinessMinutes",
                table: "Tickets",
                type: "REAL",
                nullable: true);

            MesaServicios.Infrastructure.Reporting.ReportingSpeedSql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            MesaServicios.Infrastructure.Reporting.ReportingSpeedSql.Down(migrationBuilder);

            migrationBuilder.DropColumn(
                name: "OwnBusinessMinutes",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ResolveBusinessMinutes",
                table: "Tickets");
        }
    }
}
