using Microsoft.EntityFrameworkCore.Migrations;

namespace MesaServicios.Infrastructure.Reservations;

/// <summary>
/// The PostgreSQL counterpart of <see cref="ReservationsSql"/>, called from the PostgreSQL migration set in one line:
/// an exclusion constraint refuses two active reservations (Reserved 1, CheckedOut 2, Overdue 6) of one item whose
/// <c>[start, end)</c> windows overlap, whichever node or transaction writes them. Times are stored as UTC ticks, so
/// the window is an <c>int8range</c>; <c>btree_gist</c> lets the item id (uuid) take part in the GiST index.
/// </summary>
public static class ReservationsPostgresSql
{
    public const string OverlapConstraint = "EX_Reservations_NoOverlap";

    public static void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
        migrationBuilder.Sql($"""
            ALTER TABLE "Reservations" ADD CONSTRAINT "{OverlapConstraint}"
            EXCLUDE USING gist ("ItemId" WITH =, int8range("StartsAt", "EndsAt", '[)') WITH &&)
            WHERE ("Status" IN (1, 2, 6));
            """);
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"""ALTER TABLE "Reservations" DROP CONSTRAINT IF EXISTS "{OverlapConstraint}";""");
    }
}
