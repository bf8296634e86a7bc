using Microsoft.EntityFrameworkCore.Migrations;

namespace MesaServicios.Infrastructure.HelpCenter;

/// <summary>
/// The PostgreSQL counterpart of <see cref="HelpCenterSql"/>, called from the PostgreSQL migration set in one line:
/// the search table (one weighted <c>tsvector</c> per article with a GIN index) and the text search configuration
/// <c>mesa_help</c>. The text reaching it is already analysed by <c>HelpTextAnalyzer</c> (folded, Spanish stop words
/// removed, stemmed), exactly as on SQLite, so both engines match the same words; <c>mesa_help</c> adds
/// <c>unaccent</c> in front of the <c>simple</c> dictionary, so no accent survives whatever wrote the row.
/// </summary>
public static class HelpCenterPostgresSql
{
    public const string SearchTable = "\"HelpArticleSearch\"";

    public const string Configuration = "mesa_help";

    public static void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
        migrationBuilder.Sql($"CREATE TEXT SEARCH CONFIGURATION {Configuration} (COPY = pg_catalog.simple);");
        migrationBuilder.Sql($"ALTER TEXT SEARCH CONFIGURATION {Configuration} ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;");
        migrationBuilder.Sql($"""
            CREATE TABLE {SearchTable} (
                "ArticleId" integer PRIMARY KEY,
                "Published" boolean NOT NULL,
                "Document" tsvector NOT NULL);
            """);
        migrationBuilder.Sql($"""CREATE INDEX "IX_HelpArticleSearch_Document" ON {SearchTable} USING gin ("Document");""");
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"DROP TABLE IF EXISTS {SearchTable};");
        migrationBuilder.Sql($"DROP TEXT SEARCH CONFIGURATION IF EXISTS {Configuration};");
    }
}
