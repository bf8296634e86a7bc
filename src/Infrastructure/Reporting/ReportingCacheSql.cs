using Microsoft.EntityFrameworkCore.Migrations;

namespace MesaServicios.Infrastructure.Reporting;

/// <summary>
/// Hand-written SQL of the reports' in-memory column store (<see cref="ReportingColumnStore"/>), SQLite set only,
/// called from the <c>ReportingColumnStore</c> migration in one line each way. An append-only log of changed tickets:
/// every UPDATE or DELETE of a ticket row, whoever makes it (EF, <c>ExecuteUpdate</c>, hand SQL), appends the ticket's
/// id under an AUTOINCREMENT sequence, in commit order (SQLite has one writer at a time). The store re-reads those
/// tickets on its next read. There is no INSERT trigger: new tickets are found by their id, so opening a ticket writes
/// nothing more than before. The log is outside the EF model (not copied by move-desk; PostgreSQL has none).
/// </summary>
public static class ReportingCacheSql
{
    public const string Table = "ReportingTicketChanges";

    public static void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"CREATE TABLE IF NOT EXISTS \"{Table}\" (\"Seq\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \"TicketId\" INTEGER NOT NULL);");
        migrationBuilder.Sql($"CREATE TRIGGER IF NOT EXISTS \"TR_Tickets_ReportingChanged\" AFTER UPDATE ON \"Tickets\" BEGIN INSERT INTO \"{Table}\" (\"TicketId\") VALUES (NEW.\"Id\"); END;");
        migrationBuilder.Sql($"CREATE TRIGGER IF NOT EXISTS \"TR_Tickets_ReportingDeleted\" AFTER DELETE ON \"Tickets\" BEGIN INSERT INTO \"{Table}\" (\"TicketId\") VALUES (OLD.\"Id\"); END;");
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_Tickets_ReportingDeleted\";");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_Tickets_ReportingChanged\";");
        migrationBuilder.Sql($"DROP TABLE IF EXISTS \"{Table}\";");
    }
}
