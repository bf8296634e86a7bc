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
                name: "IX_Reservations_StartsAt_EndsAt_Status_ItemId",
                table: "Reservations",
                columns: new[] { "StartsAt", "EndsAt", "Status", "ItemId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reservations_StartsAt_EndsAt_Status_ItemId",
                table: "Reservations");

            migrationBuilder.DropColumn(
                name: "DamageTicketId",
                table: "Reservations");
        }
    }
}
