using Microsoft.EntityFrameworkCore.Migrations;

namespace MesaServicios.Infrastructure.Tickets;

/// <summary>
/// SQL the model cannot express: the partial index on <c>SlaNextEscalationAt</c> (a column of the ticket's
/// service-level clock, a complex type). The escalation job reads only the due range of it, so one scan costs the
/// same with 100 or 100,000 open tickets. Written in SQL both SQLite and PostgreSQL accept.
/// </summary>
public static class TicketServiceLevelSql
{
    public static void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("CREATE INDEX \"IX_Tickets_SlaNextEscalationAt\" ON \"Tickets\" (\"SlaNextEscalationAt\") WHERE \"SlaNextEscalationAt\" IS NOT NULL;");
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Tickets_SlaNextEscalationAt\";");
    }
}
