using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MesaServicios.Infrastructure.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TicketSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_CategoryId",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CategoryId_Status_CreatedAt",
                table: "Tickets",
                columns: new[] { "CategoryId", "Status", "CreatedAt" },
                filter: "\"CategoryId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_RequesterDepartment_CreatedAt",
                table: "Tickets",
                columns: new[] { "RequesterDepartment", "CreatedAt" },
                filter: "\"RequesterDepartment\" IS NOT NULL");

            MesaServicios.Infrastructure.Tickets.TicketsSql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            MesaServicios.Infrastructure.Tickets.TicketsSql.Down(migrationBuilder);

            migrationBuilder.DropIndex(
                name: "IX_Tickets_CategoryId_Status_CreatedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_RequesterDepartment_CreatedAt",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CategoryId",
                table: "Tickets",
                column: "CategoryId",
                filter: "\"CategoryId\" IS NOT NULL");
        }
    }
}
