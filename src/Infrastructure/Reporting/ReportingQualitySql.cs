using Microsoft.EntityFrameworkCore.Migrations;

namespace MesaServicios.Infrastructure.Reporting;

/// <summary>
/// The indexes of the quality and equipment reports, called by the <c>ReportingQuality</c> migration of both sets
/// (the statements are the same on SQLite and PostgreSQL: quoted names, partial indexes).
/// </summary>
internal static class ReportingQualitySql
{
    /// <summary>A history row that takes a ticket from Solved (5) or Closed (6) back to New, In progress or Pending.</summary>
    public static string ReopenedCondition(string alias) =>
        $"{alias}.\"FromStatus\" IN (5, 6) AND {alias}.\"ToStatus\" IN (1, 2, 4)";

    public static void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_TicketSolutions_Reporting_Created\" ON \"TicketSolutions\" (\"CreatedAt\", \"AuthorId\", \"Outcome\", \"TicketId\");");
        migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_TicketHistory_Reporting_Reopened\" ON \"TicketHistory\" (\"OccurredAt\") WHERE \"FromStatus\" IN (5, 6) AND \"ToStatus\" IN (1, 2, 4);");
        migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_Tickets_Reporting_Closed\" ON \"Tickets\" (\"ClosedAt\") WHERE \"ClosedAt\" IS NOT NULL;");
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Tickets_Reporting_Closed\";");
        migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_TicketHistory_Reporting_Reopened\";");
        migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_TicketSolutions_Reporting_Created\";");
    }
}
