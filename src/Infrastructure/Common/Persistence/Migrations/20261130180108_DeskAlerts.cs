using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MesaServicios.Infrastructure.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DeskAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DeskSince",
                table: "Users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeskAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExceptUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ExceptOtherUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeskAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DeskAlertWatermarks",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReadUpTo = table.Column<long>(type: "INTEGER", nullable: false),
                    MarkedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeskAlertWatermarks", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "DeskAlertReads",
                columns: table => new
                {
                    AlertId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeskAlertReads", x => new { x.UserId, x.AlertId });
                    table.ForeignKey(
                        name: "FK_DeskAlertReads_DeskAlerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "DeskAlerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeskAlertReads_AlertId",
                table: "DeskAlertReads",
                column: "AlertId");

            migrationBuilder.CreateIndex(
                name: "IX_DeskAlerts_Language_CreatedAt_Id_ExceptUserId_ExceptOtherUserId",
                table: "DeskAlerts",
                columns: new[] { "Language", "CreatedAt", "Id", "ExceptUserId", "ExceptOtherUserId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeskAlertReads");

            migrationBuilder.DropTable(
                name: "DeskAlertWatermarks");

            migrationBuilder.DropTable(
                name: "DeskAlerts");

            migrationBuilder.DropColumn(
                name: "DeskSince",
                table: "Users");
        }
    }
}
