using Microsoft.EntityFrameworkCore.Migrations;

namespace MesaServicios.Infrastructure.Notifications;

/// <summary>
/// Hand-written SQL of the Notifications module (SQLite), called from the <c>OutboxBodies</c> migration in one line each
/// way, between adding <c>OutboxEmails.BodyId</c> and dropping the old body columns. Up: every mail that still has a body
/// (waiting, failed, dead-lettered or delivered within retention) gets its own <c>OutboxBodies</c> row with the same
/// id, so no mail waiting at upgrade time loses a byte. Down: puts each body back in its rows, the recipient's name
/// (HTML-encoded in the HTML part) in the place a shared body keeps for it (places count UTF-16 units, as .NET does,
/// and SQL counts characters: a subject with characters beyond the Basic Multilingual Plane, such as emoji, shifts the
/// HTML name on the way down, never on the way up).
/// </summary>
public static class NotificationsSql
{
    public static void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            INSERT INTO "OutboxBodies" ("Id", "TextBody", "HtmlBody", "CreatedAt")
            SELECT "Id", "TextBody", "HtmlBody", "CreatedAt" FROM "OutboxEmails"
            WHERE "TextBody" <> '' OR "HtmlBody" IS NOT NULL;
            """);
        migrationBuilder.Sql("""
            UPDATE "OutboxEmails" SET "BodyId" = "Id"
            WHERE "TextBody" <> '' OR "HtmlBody" IS NOT NULL;
            """);
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            UPDATE "OutboxEmails" SET
                "TextBody" = (SELECT CASE WHEN b."TextNameAt" IS NULL THEN b."TextBody"
                    ELSE substr(b."TextBody", 1, b."TextNameAt") || coalesce("OutboxEmails"."ToName", '') || substr(b."TextBody", b."TextNameAt" + 1) END
                    FROM "OutboxBodies" AS b WHERE b."Id" = "OutboxEmails"."BodyId"),
                "HtmlBody" = (SELECT CASE WHEN b."HtmlNameAt" IS NULL OR b."HtmlBody" IS NULL THEN b."HtmlBody"
                    ELSE substr(b."HtmlBody", 1, b."HtmlNameAt")
                        || replace(replace(replace(replace(replace(coalesce("OutboxEmails"."ToName", ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')
                        || substr(b."HtmlBody", b."HtmlNameAt" + 1) END
                    FROM "OutboxBodies" AS b WHERE b."Id" = "OutboxEmails"."BodyId")
            WHERE "BodyId" IS NOT NULL;
            """);
        // The bodies table goes next, before the pointer column: nothing may point at it any more.
        migrationBuilder.Sql("""UPDATE "OutboxEmails" SET "BodyId" = NULL WHERE "BodyId" IS NOT NULL;""");
    }

    /// <summary>
    /// Down of the <c>CreationFanout</c> migration: the column of a desk alert's recipients is dropped in place (SQLite
    /// 3.35+), not by EF's table rebuild, which is deferred to the end of a migration and would run after the next older
    /// migration's SQL that still reads the old columns of the same table (<see cref="Down"/>). Going down, a desk alert
    /// waiting in the outbox keeps only its first recipient.
    /// </summary>
    public static void CreationFanoutDown(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""ALTER TABLE "OutboxEmails" DROP COLUMN "Recipients";""");
}
