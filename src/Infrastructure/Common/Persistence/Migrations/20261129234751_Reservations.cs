using System;
using MesaServicios.Infrastructure.Reservations;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace MesaServicios.Infrastructure.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Reservations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EquipmentCode",
                table: "Tickets",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EquipmentItemId",
                table: "Tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EquipmentMaterialType",
                table: "Tickets",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EquipmentMaterialTypeId",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EquipmentName",
                table: "Tickets",
                type: "TEXT",
                maxLength: 150,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MaterialTypes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaterialTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EquipmentItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    MaterialTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    MaintenanceReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EquipmentItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EquipmentItems_MaterialTypes_MaterialTypeId",
                        column: x => x.MaterialTypeId,
                        principalTable: "MaterialTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Reservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HolderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckedOutAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckedOutById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReturnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReturnCondition = table.Column<int>(type: "INTEGER", nullable: true),
                    ReturnNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NoShowAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OverdueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PickupReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DueSoonSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OverdueDeskNoticeSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reservations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reservations_EquipmentItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "EquipmentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "MaterialTypes",
                columns: new[] { "Id", "CreatedAt", "IsActive", "Name", "UpdatedAt" },
                values: new object[,]
                {
                    { 1, 639028224000000000L, true, "Portátil", 639028224000000000L },
                    { 2, 639028224000000000L, true, "Videobeam", 639028224000000000L },
                    { 3, 639028224000000000L, true, "Cámara", 639028224000000000L },
                    { 4, 639028224000000000L, true, "Parlante", 639028224000000000L },
                    { 5, 639028224000000000L, true, "Micrófono", 639028224000000000L },
                    { 6, 639028224000000000L, true, "Extensión", 639028224000000000L },
                    { 7, 639028224000000000L, true, "Tableta", 639028224000000000L },
                    { 8, 639028224000000000L, true, "Apuntador láser", 639028224000000000L },
                    { 9, 639028224000000000L, true, "Adaptador HDMI", 639028224000000000L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_EquipmentMaterialTypeId",
                table: "Tickets",
                column: "EquipmentMaterialTypeId",
                filter: "\"EquipmentMaterialTypeId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_EquipmentItems_Code",
                table: "EquipmentItems",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EquipmentItems_MaterialTypeId_State",
                table: "EquipmentItems",
                columns: new[] { "MaterialTypeId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_MaterialTypes_Name",
                table: "MaterialTypes",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reservations_BookedById_IdempotencyKey",
                table: "Reservations",
                columns: new[] { "BookedById", "IdempotencyKey" },
                unique: true,
                filter: "\"IdempotencyKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Reservations_HolderId_StartsAt",
                table: "Reservations",
                columns: new[] { "HolderId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reservations_ItemId_StartsAt_EndsAt_Status",
                table: "Reservations",
                columns: new[] { "ItemId", "StartsAt", "EndsAt", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Reservations_Status_EndsAt",
                table: "Reservations",
                columns: new[] { "Status", "EndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reservations_Status_StartsAt",
                table: "Reservations",
                columns: new[] { "Status", "StartsAt" });

            ReservationsSql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ReservationsSql.Down(migrationBuilder);

            migrationBuilder.DropTable(
                name: "Reservations");

            migrationBuilder.DropTable(
                name: "EquipmentItems");

            migrationBuilder.DropTable(
                name: "MaterialTypes");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_EquipmentMaterialTypeId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "EquipmentCode",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "EquipmentItemId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "EquipmentMaterialType",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "EquipmentMaterialTypeId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "EquipmentName",
                table: "Tickets");
        }
    }
}
