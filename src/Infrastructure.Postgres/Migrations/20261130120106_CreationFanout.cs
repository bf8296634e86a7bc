using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MesaServicios.Infrastructure.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CreationFanout : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Recipients",
                table: "OutboxEmails",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Recipients",
                table: "OutboxEmails");
        }
    }
}
