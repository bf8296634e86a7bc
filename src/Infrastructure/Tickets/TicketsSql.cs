using Microsoft.EntityFrameworkCore.Migrations;

namespace MesaServicios.Infrastructure.Tickets;

/// <summary>
/// Hand-written SQL of the tickets' search (SQLite), called in one line from the <c>TicketSearch</c> migration: an FTS5
/// index over <c>Tickets.SearchText</c> (title and description, already folded: lower case, no accents) with the
/// ticket's id as its rowid. External content (the text stays only in <c>Tickets</c>; the index keeps the words and which tickets hold them, nothing more: <c>detail = none</c>), written
/// by a trigger on insert in the ticket's own transaction, so every way of opening a ticket (portal, on behalf, e-mail,
/// equipment, the kept INSERT of the write engine) indexes it and a ticket is found as soon as it is committed. A
/// ticket's title and description never change after it is opened: no update or delete trigger is needed. The
/// migration indexes the tickets that already exist (<c>rebuild</c>).
/// </summary>
public static class TicketsSql
{
    public const string SearchTable = "TicketSearch";

    public const string InsertTrigger = "TR_Tickets_Search_Insert";

    public static void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(
            $"CREATE VIRTUAL TABLE IF NOT EXISTS {SearchTable} USING fts5(\"SearchText\", content = 'Tickets', content_rowid = 'Id', "
            + "tokenize = 'unicode61 remove_diacritics 2', detail = 'none');");
        migrationBuilder.Sql($"""
            CREATE TRIGGER IF NOT EXISTS {InsertTrigger} AFTER INSERT ON "Tickets" BEGIN
                INSERT INTO {SearchTable} (rowid, "SearchText") VALUES (new."Id", new."SearchText");
            END;
            """);
        migrationBuilder.Sql($"INSERT INTO {SearchTable} ({SearchTable}) VALUES ('rebuild');");
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {InsertTrigger};");
        migrationBuilder.Sql($"DROP TABLE IF EXISTS {SearchTable};");
    }
}
