using MesaServicios.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MesaServicios.Infrastructure.Common.Persistence.Migrations
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
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            NotificationsSql.CreationFanoutDown(migrationBuilder);
        }
    }
}
