using Microsoft.EntityFrameworkCore.Migrations;

namespace MesaServicios.Infrastructure.Tickets;

/// <summary>
/// Hand-written SQL of the tickets' search (SQLite), called in one line from the <c>TicketSearch</c> migration: an FTS5
/// index over <c>Tickets.SearchText</c> (title and description, already folded: lower case, no accents) with the
/// ticket's number as its rowid. External content (the text stays only in <c>Tickets</c>; the index keeps the words and
/// which tickets hold them, nothing more: <c>detail = none</c>). It is written after the creation, not in its write
/// turn (an FTS5 entry written in a creation's transaction cost more than the rest of the SQLite insert): the one-row
/// table <c>TicketSearchIndexed</c> holds the watermark, the highest ticket number indexed, every ticket at or below it
/// is in the index, and the search scans the few tickets above it. A ticket's title and description never change after
/// it is opened, so an indexed ticket never needs indexing again. The migration indexes the tickets that already exist.
/// </summary>
public static class TicketsSql
{
    public const string SearchTable = "TicketSearch";

    public const string WatermarkTable = "TicketSearchIndexed";

    /// <summary>
    /// The index's vocabulary (an <c>fts5vocab</c> table: a view of the words the index holds, nothing stored), read by
    /// the search to expand a typed word into the indexed words it starts. Added by the <c>SearchCount</c> migration.
    /// </summary>
    public const string TermsTable = "TicketSearchTerms";

    public static void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(
            $"CREATE VIRTUAL TABLE IF NOT EXISTS {SearchTable} USING fts5(\"SearchText\", content = 'Tickets', content_rowid = 'Id', "
            + "tokenize = 'unicode61 remove_diacritics 2', detail = 'none');");
        migrationBuilder.Sql($"CREATE TABLE IF NOT EXISTS {WatermarkTable} (\"UpTo\" INTEGER NOT NULL);");
        migrationBuilder.Sql($"INSERT INTO {SearchTable} ({SearchTable}) VALUES ('rebuild');");
        migrationBuilder.Sql($"DELETE FROM {WatermarkTable}; INSERT INTO {WatermarkTable} (\"UpTo\") SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Tickets\";");
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"DROP TABLE IF EXISTS {WatermarkTable};");
        migrationBuilder.Sql($"DROP TABLE IF EXISTS {SearchTable};");
    }

    /// <summary>The <c>SearchCount</c> migration: the index's vocabulary table (a definition only; the index is unchanged).</summary>
    public static void SearchCountUp(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"CREATE VIRTUAL TABLE IF NOT EXISTS {TermsTable} USING fts5vocab({SearchTable}, row);");
    }

    public static void SearchCountDown(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"DROP TABLE IF EXISTS {TermsTable};");
    }
}
