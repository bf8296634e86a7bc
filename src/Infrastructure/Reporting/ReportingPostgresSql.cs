using Microsoft.EntityFrameworkCore.Migrations;

namespace MesaServicios.Infrastructure.Reporting;

/// <summary>
/// The PostgreSQL counterpart of <see cref="ReportingSql"/>, called from the PostgreSQL migration set in one line each
/// way: the same two reporting indexes on Tickets, keyed by the instant only, with the columns a report groups or
/// filters by carried as <c>INCLUDE (…)</c> payload. A period is one index range, and counts, trends and filters are
/// answered by an index-only scan (the visibility map is kept by autovacuum); the key stays one bigint, so the index
/// is smaller and cheaper to maintain on every ticket change than SQLite's all-columns key.
/// </summary>
public static class ReportingPostgresSql
{
    private const string Columns = "\"Type\", \"Urgency\", \"Priority\", \"Status\", \"Source\", \"CategoryId\", \"AssignedTechnicianId\", \"RequesterDepartment\"";

    public static void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Tickets_Reporting_Opened\";");
        migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Tickets_Reporting_Solved\";");
        migrationBuilder.Sql($"CREATE INDEX \"IX_Tickets_Reporting_Opened\" ON \"Tickets\" (\"CreatedAt\") INCLUDE ({Columns});");
        migrationBuilder.Sql($"CREATE INDEX \"IX_Tickets_Reporting_Solved\" ON \"Tickets\" (\"SolvedAt\") INCLUDE ({Columns}) WHERE \"SolvedAt\" IS NOT NULL;");
    }

    /// <summary>Back to the indexes of <see cref="ReportingSql"/>.</summary>
    public static void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Tickets_Reporting_Solved\";");
        migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Tickets_Reporting_Opened\";");
        ReportingSql.Up(migrationBuilder);
    }
}
