using Microsoft.EntityFrameworkCore.Migrations;

namespace MesaServicios.Infrastructure.Reservations;

/// <summary>
/// Hand-written SQL of the Reservations module, called from the migration in one line each way. SQLite: triggers that
/// refuse a row making two active reservations (Reserved 1, CheckedOut 2, Overdue 6) of one item overlap
/// (<c>[start, end)</c>, stored as UTC ticks). The message is the error code, so the overlap guard can recognise it.
/// PostgreSQL uses an exclusion constraint instead (ReservationsPostgresSql):
/// <c>EXCLUDE USING gist ("ItemId" WITH =, int8range("StartsAt", "EndsAt", '[)') WITH &amp;&amp;) WHERE ("Status" IN (1, 2, 6))</c>.
/// </summary>
public static class ReservationsSql
{
    public const string OverlapMessage = "reservations.overlap";

    private const string Active = "(1, 2, 6)";

    private static readonly string Conflict = $"""
        SELECT RAISE(ABORT, '{OverlapMessage}')
        WHERE EXISTS (
            SELECT 1 FROM "Reservations" AS r
            WHERE r."ItemId" = NEW."ItemId" AND r."Id" <> NEW."Id" AND r."Status" IN {Active}
              AND r."StartsAt" < NEW."EndsAt" AND NEW."StartsAt" < r."EndsAt");
        """;

    public static void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "TR_Reservations_NoOverlap_Insert" BEFORE INSERT ON "Reservations"
            WHEN NEW."Status" IN {Active}
            BEGIN
            {Conflict}
            END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "TR_Reservations_NoOverlap_Update" BEFORE UPDATE OF "ItemId", "StartsAt", "EndsAt", "Status" ON "Reservations"
            WHEN NEW."Status" IN {Active}
            BEGIN
            {Conflict}
            END;
            """);
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_Reservations_NoOverlap_Update";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "TR_Reservations_NoOverlap_Insert";""");
    }
}
