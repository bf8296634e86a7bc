using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MesaServicios.Infrastructure.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OutboxBodies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OutboxBodies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TextBody = table.Column<string>(type: "text", nullable: false),
                    HtmlBody = table.Column<string>(type: "text", nullable: true),
                    TextNameAt = table.Column<int>(type: "integer", nullable: true),
                    HtmlNameAt = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxBodies", x => x.Id);
                });

            migrationBuilder.AddColumn<Guid>(
                name: "BodyId",
                table: "OutboxEmails",
                type: "uuid",
                nullable: true);

            MesaServicios.Infrastructure.Notifications.NotificationsPostgresSql.Up(migrationBuilder);

            migrationBuilder.DropColumn(
                name: "HtmlBody",
                table: "OutboxEmails");

            migrationBuilder.DropColumn(
                name: "TextBody",
                table: "OutboxEmails");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEmails_BodyId",
                table: "OutboxEmails",
                column: "BodyId",
                filter: "\"BodyId\" IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "FK_OutboxEmails_OutboxBodies_BodyId",
                table: "OutboxEmails",
                column: "BodyId",
                principalTable: "OutboxBodies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OutboxEmails_OutboxBodies_BodyId",
                table: "OutboxEmails");

            migrationBuilder.DropIndex(
                name: "IX_OutboxEmails_BodyId",
                table: "OutboxEmails");

            migrationBuilder.AddColumn<string>(
                name: "HtmlBody",
                table: "OutboxEmails",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TextBody",
                table: "OutboxEmails",
                type: "text",
                nullable: false,
                defaultValue: "");

            MesaServicios.Infrastructure.Notifications.NotificationsPostgresSql.Down(migrationBuilder);

            migrationBuilder.DropColumn(
                name: "BodyId",
                table: "OutboxEmails");

            migrationBuilder.DropTable(
                name: "OutboxBodies");
        }
    }
}
