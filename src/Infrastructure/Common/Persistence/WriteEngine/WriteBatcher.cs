using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MesaServicios.Infrastructure.Common.Persistence;

namespace MesaServicios.Infrastructure.Common.Persistence.WriteEngine;

/// <summary>
/// Group commit for SQLite, which has one writer at a time. The command transactions of this process take turns
/// (FIFO, async) on one writer connection; each runs inside a savepoint of a shared transaction, and that
/// transaction is committed when nobody else is waiting for a turn (or after <see cref="MaxCommandsPerCommit"/>
/// commands). A command whose work fails rolls back to its savepoint and leaves the others untouched; a command
/// that succeeded answers only after the commit that made it durable, and fails if that commit fails. Under load,
/// the pages a commit writes (table and index leaves, the WAL frame) are shared by all the commands of the
/// batch instead of being written once per command; with a single caller it behaves as one transaction per
/// command. Other processes on the same file are still serialised by SQLite's lock and the busy timeout. With a
/// server database (PostgreSQL) batching is off and each command has its own transaction.
/// </summary>
internal sealed class WriteBatcher(string? connectionString) : IAsyncDisposable, IDisposable
{
    public const int MaxCommandsPerCommit = 32;

    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _waiting;
    private SqliteConnection? _connection;
    private Batch? _open;
    private long _commits;
    private long _committedCommands;

    /// <summary>False for a server database: commands then run their own transactions concurrently.</summary>
    public bool Enabled => connectionString is not null;

    /// <summary>Commands waiting for their turn right now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Commits made so far (for diagnostics: commands per commit = <see cref="CommittedCommands"/> / this).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Commands made durable so far, counting those rolled back to their savepoint.</summary>
    public long CommittedCommands => Interlocked.Read(ref _committedCommands);

    /// <summary>Waits for this command's turn and puts <paramref name="db"/> inside the shared transaction, in a savepoint of its own.</summary>
    public async Task<Turn> EnterAsync(DbContext db, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);

        // Never give up a place in the queue half-way: whoever holds the turn may have left the transaction open
        // for us. A cancelled caller takes its turn and leaves at once.
        await _turn.WaitAsync(CancellationToken.None);
        Interlocked.Decrement(ref _waiting);
        Batch? batch = null;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Closed)
            {
                throw new InvalidOperationException("A command must start with its DbContext's connection closed: it runs on the shared writer connection.");
            }

            batch = _open ??= await BeginAsync();
            var savepoint = $"command{++batch.Commands}";
            await batch.Transaction.SaveAsync(savepoint, CancellationToken.None);
            var ownConnectionString = db.Database.GetConnectionString();
            db.Database.SetDbConnection(batch.Transaction.Connection, contextOwnsConnection: false);
            await db.Database.UseTransactionAsync(batch.Transaction, CancellationToken.None);
            return new Turn(this, batch, db, savepoint, ownConnectionString);
        }
        catch
        {
            // The transaction may have been left open for this command by the previous one: pass it on or commit it.
            await LeaveAsync(batch ?? _open);
            throw;
        }
    }

    private async Task<Batch> BeginAsync()
    {
        try
        {
            if (_connection is null)
            {
                _connection = new SqliteConnection(connectionString);
                await _connection.OpenAsync();
                await using var pragmas = _connection.CreateCommand();
                // Checkpoints (copying the WAL back into the database file, with an fsync) are made by a background
                // loop instead of inside a commit, where they would hold the writer; 10,000 pages (40 MB) stays as
                // the safety net should that loop fall behind. Each command runs in a savepoint, for which SQLite copies
                // every page the command first changes into a sub-journal; past 64 KB (a new ticket with its fan-out
                // touches more) that journal spilled to a temporary file under the turn: kept in memory instead.
                pragmas.CommandText = SqlitePragmaInterceptor.Pragmas + " PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=10000; PRAGMA temp_store=MEMORY;";
                await pragmas.ExecuteNonQueryAsync();
                _checkpoints ??= Task.Run(CheckpointLoopAsync);
            }

            // Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE: the write lock is taken now, not at the first write.
            return new Batch((SqliteTransaction)await _connection.BeginTransactionAsync());
        }
        catch
        {
            await DropConnectionAsync();
            throw;
        }
    }

    /// <summary>Called by the turn's holder when done: pass the open transaction to the next command, or commit it.</summary>
    private async Task LeaveAsync(Batch? batch)
    {
        try
        {
            if (batch is null)
            {
                return;
            }

            if (!batch.Broken && Volatile.Read(ref _waiting) > 0 && batch.Commands < MaxCommandsPerCommit)
            {
                return;
            }

            _open = null;
            try
            {
                if (batch.Broken)
                {
                    throw batch.Failure!;
                }

                await batch.Transaction.CommitAsync(CancellationToken.None);
                Interlocked.Increment(ref _commits);
                Interlocked.Add(ref _committedCommands, batch.Commands);
                batch.Committed.TrySetResult();
            }
            catch (Exception ex)
            {
                batch.Committed.TrySetException(ex);
                try
                {
                    await batch.Transaction.RollbackAsync(CancellationToken.None);
                }
                catch (Exception)
                {
                    // The connection is in an unknown state: start again with a fresh one.
                    await DropConnectionAsync();
                }
            }
            finally
            {
                await batch.Transaction.DisposeAsync();
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    private Task? _checkpoints;
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>A PASSIVE checkpoint every half second: it never waits for, nor blocks, the writer or the readers.</summary>
    private async Task CheckpointLoopAsync()
    {
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(_stopping.Token);
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                try
                {
                    await checkpoint.ExecuteNonQueryAsync(_stopping.Token);
                }
                catch (SqliteException)
                {
                    // Busy or locked for a moment: the next tick tries again (and the writer's own threshold stays).
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task DropConnectionAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_checkpoints is not null)
        {
            await _checkpoints;
        }

        if (await _turn.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            await DropConnectionAsync();
        }

        _stopping.Dispose();
    }

    internal sealed class Batch(SqliteTransaction transaction)
    {
        public SqliteTransaction Transaction { get; } = transaction;

        public int Commands { get; set; }

        public bool Broken => Failure is not null;

        public Exception? Failure { get; set; }

        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>One command's place in a batch.</summary>
    public sealed class Turn
    {
        private readonly WriteBatcher _owner;
        private readonly Batch _batch;
        private readonly DbContext _db;
        private readonly string _savepoint;
        private readonly string? _ownConnectionString;

        internal Turn(WriteBatcher owner, Batch batch, DbContext db, string savepoint, string? ownConnectionString)
        {
            _owner = owner;
            _batch = batch;
            _db = db;
            _savepoint = savepoint;
            _ownConnectionString = ownConnectionString;
        }

        /// <summary>The command's work is saved: keep it in the batch, hand over the turn, and wait until it is committed.</summary>
        public async Task CompleteAsync()
        {
            try
            {
                Detach();
                await _batch.Transaction.ReleaseAsync(_savepoint, CancellationToken.None);
            }
            catch (Exception ex)
            {
                _batch.Failure ??= ex;
            }

            await _owner.LeaveAsync(_batch);
            await _batch.Committed.Task;
        }

        /// <summary>The command failed: undo its part only and hand over the turn.</summary>
        public async Task AbandonAsync()
        {
            try
            {
                Detach();
                await _batch.Transaction.RollbackAsync(_savepoint, CancellationToken.None);
                await _batch.Transaction.ReleaseAsync(_savepoint, CancellationToken.None);
            }
            catch (Exception ex)
            {
                // A failure SQLite could not confine to the savepoint: the whole batch is lost and its commands fail.
                _batch.Failure ??= ex;
            }

            await _owner.LeaveAsync(_batch);
        }

        private void Detach()
        {
            _db.ChangeTracker.Clear();
            _db.Database.UseTransaction(null);
            DbConnection own = new SqliteConnection(_ownConnectionString);
            _db.Database.SetDbConnection(own, contextOwnsConnection: true);
        }
    }
}
