using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MesaServicios.Infrastructure.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ServiceLevels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SlaAutoCloseWarnAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SlaFired",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "SlaNextEscalationAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SlaOwnDueAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "SlaOwnTargetMinutes",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "SlaOwnWarnAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<double>(
                name: "SlaPausedMinutes",
                table: "Tickets",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<long>(
                name: "SlaPausedSince",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SlaResolveDueAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "SlaResolveTargetMinutes",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "SlaResolveWarnAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "SlaWarningPercent",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CalendarClosures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarClosures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ServiceLevelTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Urgency = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolveMinutes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceLevelTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkingDays",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkingDays", x => x.Day);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarClosures_EndDate",
                table: "CalendarClosures",
                column: "EndDate");

            MesaServicios.Infrastructure.Tickets.TicketServiceLevelSql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            MesaServicios.Infrastructure.Tickets.TicketServiceLevelSql.Down(migrationBuilder);

            migrationBuilder.DropTable(
                name: "CalendarClosures");

            migrationBuilder.DropTable(
                name: "ServiceLevelTargets");

            migrationBuilder.DropTable(
                name: "WorkingDays");

            migrationBuilder.DropColumn(
                name: "SlaAutoCloseWarnAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaFired",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaNextEscalationAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaOwnDueAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaOwnTargetMinutes",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaOwnWarnAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaPausedMinutes",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaPausedSince",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaResolveDueAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaResolveTargetMinutes",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaResolveWarnAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaWarningPercent",
                table: "Tickets");
        }
    }
}
