using Microsoft.EntityFrameworkCore.Migrations;

namespace MesaServicios.Infrastructure.Reporting;

/// <summary>
/// Hand-written SQL of the reports' speed at a million tickets, called from the <c>ReportingSpeed</c> migration in one
/// line each way (the same text on SQLite and PostgreSQL). It replaces the two covering indexes of
/// <see cref="ReportingSql"/> with wider ones that also hold everything the times, compliance, workload and title-term
/// reports read, so that no report visits the ticket rows (a 1 GB table at a million tickets):
/// <list type="bullet">
/// <item><c>IX_Tickets_Reporting_Opened</c> (replaced): the period (CreatedAt) first, then the grouping and filter
/// columns, then the clock columns, the stored business times and the title. Still the only reporting index a new
/// ticket writes (one entry, wider).</item>
/// <item><c>IX_Tickets_Reporting_Solved</c> (replaced): the same by SolvedAt, partial (<c>SolvedAt IS NOT NULL</c>):
/// the "solved" trend and the workload. A new ticket is not in it.</item>
/// </list>
/// The stored business times (<c>OwnBusinessMinutes</c>, <c>ResolveBusinessMinutes</c>) are EF-mapped ticket columns
/// filled by the domain when a ticket is owned and solved; tickets stored before them keep NULL and the reports measure
/// those on the calendar as before (same figures, only slower).
/// </summary>
public static class ReportingSpeedSql
{
    private const string Groups = "\"Type\", \"Urgency\", \"Priority\", \"Status\", \"Source\", \"CategoryId\", \"AssignedTechnicianId\", \"RequesterDepartment\"";

    private const string Clock = "\"FirstResponseAt\", \"SlaPausedMinutes\", \"SlaPausedSince\", \"SlaOwnTargetMinutes\", \"SlaOwnDueAt\", \"SlaResolveDueAt\", \"OwnBusinessMinutes\", \"ResolveBusinessMinutes\"";

    public static void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        ReportingSql.Down(migrationBuilder);
        migrationBuilder.Sql($"CREATE INDEX IF NOT EXISTS \"IX_Tickets_Reporting_Opened\" ON \"Tickets\" (\"CreatedAt\", {Groups}, \"SolvedAt\", {Clock}, \"Title\");");
        migrationBuilder.Sql($"CREATE INDEX IF NOT EXISTS \"IX_Tickets_Reporting_Solved\" ON \"Tickets\" (\"SolvedAt\", {Groups}, \"CreatedAt\", {Clock}) WHERE \"SolvedAt\" IS NOT NULL;");
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Tickets_Reporting_Solved\";");
        migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Tickets_Reporting_Opened\";");
        ReportingSql.Up(migrationBuilder);
    }
}
