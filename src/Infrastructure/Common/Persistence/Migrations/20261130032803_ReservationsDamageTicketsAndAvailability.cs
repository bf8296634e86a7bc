using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MesaServicios.Infrastructure.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReservationsDamageTicketsAndAvailability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DamageTicketId",
                table: "Reservations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reservations_Held",
                table: "Reservations",
                columns: new[] { "ItemId", "EndsAt", "Status" },
                filter: "\"Status\" IN (2, 6)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reservations_Held",
                table: "Reservations");

            migrationBuilder.DropColumn(
                name: "DamageTicketId",
                table: "Reservations");
        }
    }
}
