using Microsoft.EntityFrameworkCore.Migrations;

namespace MesaServicios.Infrastructure.Audit;

/// <summary>
/// Hand-written SQL of the Audit module (SQLite), called from the migration in one line: the audit log refuses
/// UPDATE always, and DELETE of any entry not older than the latest retention purge (<see cref="Domain.Audit.AuditPurge"/>).
/// Times are stored as UTC ticks, so the comparison is numeric.
/// </summary>
public static class AuditSql
{
    public static void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
            BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
            WHEN OLD."OccurredAt" >= COALESCE((SELECT MAX("PurgeBefore") FROM "AuditPurges"), -9223372036854775808)
            BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "AuditPurges_NoChange" BEFORE UPDATE ON "AuditPurges"
            BEGIN SELECT RAISE(ABORT, 'audit purges are append-only'); END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "AuditPurges_NoDelete" BEFORE DELETE ON "AuditPurges"
            BEGIN SELECT RAISE(ABORT, 'audit purges are append-only'); END;
            """);
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_NoUpdate";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_NoDelete";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditPurges_NoChange";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditPurges_NoDelete";""");
    }
}
