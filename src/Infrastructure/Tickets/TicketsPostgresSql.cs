using Microsoft.EntityFrameworkCore.Migrations;

namespace MesaServicios.Infrastructure.Tickets;

/// <summary>
/// The PostgreSQL counterpart of <see cref="TicketsSql"/>, called from the PostgreSQL <c>TicketSearch</c> migration in
/// one line: a GIN index on the <c>tsvector</c> of <c>Tickets.SearchText</c> (already folded: lower case, no accents, so
/// the <c>simple</c> configuration needs no <c>unaccent</c>), with every run of characters other than letters and digits
/// made a space first, so PostgreSQL splits the text into the same words as SQLite's tokenizer (its parser would keep
/// an e-mail address or "wi-fi" whole). An expression index: PostgreSQL keeps it in the ticket's own transaction, the
/// existing tickets are indexed when it is built, and a desk moved from SQLite is indexed as it is copied.
/// </summary>
public static class TicketsPostgresSql
{
    public const string SearchIndex = "IX_Tickets_Search";

    /// <summary>The indexed expression; a query must repeat it exactly for PostgreSQL to use the index.</summary>
    public const string Document = """to_tsvector('simple'::regconfig, regexp_replace("SearchText", '[^[:alnum:]]+', ' ', 'g'))""";

    public static void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"""CREATE INDEX IF NOT EXISTS "{SearchIndex}" ON "Tickets" USING gin (({Document}));""");
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"""DROP INDEX IF EXISTS "{SearchIndex}";""");
    }
}
