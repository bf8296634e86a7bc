using Microsoft.EntityFrameworkCore.Migrations;

namespace MesaServicios.Infrastructure.Common.Persistence;

/// <summary>
/// PostgreSQL only: rows written with explicit ids (the reference data a migration seeds, a copied desk) do not move
/// an identity column's sequence. <see cref="SyncIdentities"/> moves every identity sequence of the schema past the
/// highest id in its table, so the next generated id is free. Called by the PostgreSQL migration set after seeding.
/// </summary>
public static class PostgresIdentitySql
{
    public const string Sync = """
        DO $$
        DECLARE r record;
        BEGIN
            FOR r IN SELECT table_name, column_name FROM information_schema.columns
                     WHERE table_schema = current_schema() AND is_identity = 'YES'
            LOOP
                EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), COALESCE((SELECT MAX(%I) FROM %I), 0) + 1, false)',
                    format('%I', r.table_name), r.column_name, r.column_name, r.table_name);
            END LOOP;
        END $$;
        """;

    public static void SyncIdentities(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(Sync);
    }
}
