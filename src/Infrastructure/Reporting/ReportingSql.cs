using Microsoft.EntityFrameworkCore.Migrations;

namespace MesaServicios.Infrastructure.Reporting;

/// <summary>
/// Hand-written SQL of the Reporting module, called from the migration in one line each way: two covering indexes
/// on the Tickets table so that every report reads an index range instead of the table rows.
/// <list type="bullet">
/// <item><c>IX_Tickets_Reporting_Opened</c>: the period (CreatedAt) first, then every column a report groups or filters
/// by. Counts, trend, top categories and the filters are answered from the index alone.</item>
/// <item><c>IX_Tickets_Reporting_Solved</c>: the same by SolvedAt, partial (<c>SolvedAt IS NOT NULL</c>): the "solved"
/// trend and the workload. A new ticket is not in it, so opening a ticket does not pay for it.</item>
/// </list>
/// PostgreSQL can declare the same with <c>INCLUDE (…)</c> columns.
/// </summary>
public static class ReportingSql
{
    private const string Columns = "\"Type\", \"Urgency\", \"Priority\", \"Status\", \"Source\", \"CategoryId\", \"AssignedTechnicianId\", \"RequesterDepartment\"";

    public static void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"CREATE INDEX IF NOT EXISTS \"IX_Tickets_Reporting_Opened\" ON \"Tickets\" (\"CreatedAt\", {Columns});");
        migrationBuilder.Sql($"CREATE INDEX IF NOT EXISTS \"IX_Tickets_Reporting_Solved\" ON \"Tickets\" (\"SolvedAt\", {Columns}) WHERE \"SolvedAt\" IS NOT NULL;");
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Tickets_Reporting_Solved\";");
        migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Tickets_Reporting_Opened\";");
    }
}
