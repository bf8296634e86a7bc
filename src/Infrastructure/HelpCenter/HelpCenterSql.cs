using Microsoft.EntityFrameworkCore.Migrations;

namespace MesaServicios.Infrastructure.HelpCenter;

/// <summary>
/// Hand-written SQL of the help centre (SQLite), called in one line from the migration: the FTS5 search table. Its
/// rowid is the article's id; its columns hold the articles' text already analysed (folded and stemmed, see
/// <c>HelpTextAnalyzer</c>), and the unicode61 tokenizer removes any diacritics left. <c>status</c> holds one token,
/// <c>published</c> or <c>draft</c>: public searches AND it into the MATCH, which FTS5 answers from its index (an
/// UNINDEXED column would cost a row lookup per match: about three times slower over 5,000 articles).
/// </summary>
public static class HelpCenterSql
{
    public const string SearchTable = "HelpArticleSearch";

    public static void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(
            $"CREATE VIRTUAL TABLE IF NOT EXISTS {SearchTable} USING fts5(status, title, tags, body, title_en, body_en, tokenize = 'unicode61 remove_diacritics 2');");
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"DROP TABLE IF EXISTS {SearchTable};");
    }
}
