using Microsoft.EntityFrameworkCore.Migrations;

namespace MesaServicios.Infrastructure.Audit;

/// <summary>
/// The PostgreSQL counterpart of <see cref="AuditSql"/>, called from the PostgreSQL migration set in one line: the
/// audit log refuses UPDATE always, and DELETE of any entry not older than the latest retention purge; the purges
/// themselves are append-only. Times are stored as UTC ticks (bigint), so the comparison is numeric.
/// </summary>
public static class AuditPostgresSql
{
    public static void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE FUNCTION "AuditEntries_Refuse"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' AND OLD."OccurredAt" < COALESCE((SELECT MAX("PurgeBefore") FROM "AuditPurges"), -9223372036854775808) THEN
                    RETURN OLD;
                END IF;
                RAISE EXCEPTION 'audit entries are append-only';
            END $$;
            """);
        migrationBuilder.Sql("""
            CREATE FUNCTION "AuditPurges_Refuse"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit purges are append-only';
            END $$;
            """);
        migrationBuilder.Sql("""CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION "AuditEntries_Refuse"();""");
        migrationBuilder.Sql("""CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION "AuditEntries_Refuse"();""");
        migrationBuilder.Sql("""CREATE TRIGGER "AuditPurges_NoChange" BEFORE UPDATE OR DELETE ON "AuditPurges" FOR EACH ROW EXECUTE FUNCTION "AuditPurges_Refuse"();""");
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_NoUpdate" ON "AuditEntries";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_NoDelete" ON "AuditEntries";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditPurges_NoChange" ON "AuditPurges";""");
        migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "AuditEntries_Refuse"();""");
        migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "AuditPurges_Refuse"();""");
    }
}
