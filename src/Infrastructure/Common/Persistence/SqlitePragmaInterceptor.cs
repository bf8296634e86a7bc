using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MesaServicios.Infrastructure.Common.Persistence;

/// <summary>
/// Per physical SQLite connection, once: WAL journal (readers never wait for the writer) and NORMAL sync
/// (with WAL, durable at each checkpoint and never corrupt; no fsync on every commit). Pooled connections are
/// reopened for every EF operation, so the pragmas run only when the native handle is new. Waiting for a busy
/// database is handled by the provider's command timeout; foreign keys are on in the connection string.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    /// <summary>What every connection of the desk sets (the writer connection of <see cref="WriteEngine.WriteBatcher"/> too).</summary>
    internal const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";

    private static readonly ConditionalWeakTable<object, object> Initialized = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Initialized.TryAdd(handle, handle);
}
