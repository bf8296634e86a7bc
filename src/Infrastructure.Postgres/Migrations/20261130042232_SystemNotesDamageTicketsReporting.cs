using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MesaServicios.Infrastructure.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SystemNotesDamageTicketsReporting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "AuthorId",
                table: "TicketFollowUps",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<int>(
                name: "DamageTicketId",
                table: "Reservations",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reservations_Held",
                table: "Reservations",
                columns: new[] { "ItemId", "EndsAt", "Status" },
                filter: "\"Status\" IN (2, 6)");

            MesaServicios.Infrastructure.Reporting.ReportingSql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            MesaServicios.Infrastructure.Reporting.ReportingSql.Down(migrationBuilder);

            migrationBuilder.DropIndex(
                name: "IX_Reservations_Held",
                table: "Reservations");

            migrationBuilder.DropColumn(
                name: "DamageTicketId",
                table: "Reservations");

            migrationBuilder.AlterColumn<Guid>(
                name: "AuthorId",
                table: "TicketFollowUps",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
