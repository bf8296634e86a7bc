using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MesaServicios.Infrastructure.Common.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InboxSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InboxAutoReplies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    InboxMessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxAutoReplies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Holder = table.Column<Guid>(type: "TEXT", nullable: true),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxLeases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "InboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mailbox = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MessageKey = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FromAddress = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    FromName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Raw = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    SenderNotified = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UndeliverableAddresses",
                columns: table => new
                {
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Diagnostic = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Reports = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastReportedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UndeliverableAddresses", x => x.Email);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InboxAutoReplies_Email_SentAt",
                table: "InboxAutoReplies",
                columns: new[] { "Email", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_Mailbox_MessageKey",
                table: "InboxMessages",
                columns: new[] { "Mailbox", "MessageKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_MessageId",
                table: "InboxMessages",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_Status_ReceivedAt",
                table: "InboxMessages",
                columns: new[] { "Status", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InboxAutoReplies");

            migrationBuilder.DropTable(
                name: "InboxLeases");

            migrationBuilder.DropTable(
                name: "InboxMessages");

            migrationBuilder.DropTable(
                name: "UndeliverableAddresses");
        }
    }
}
