using MesaServicios.Infrastructure.Common.Persistence.WriteEngine;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.WebApi.Tests.Common.WriteEngine;

/// <summary>
/// The SQLite write engine on its own, on a scratch database of one table (no host, no module): what every command of
/// the desk relies on when it answers "saved".
/// </summary>
public sealed class WriteBatcherTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"write-engine-{Guid.NewGuid():N}.db");
    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _path, ForeignKeys = true, Pooling = false }.ToString();
    private WriteBatcher _batcher = null!;

    public async Task InitializeAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var create = connection.CreateCommand();
        create.CommandText = """
            PRAGMA journal_mode=WAL;
            CREATE TABLE Parent (Id INTEGER PRIMARY KEY);
            CREATE TABLE Note (Id INTEGER PRIMARY KEY, Text TEXT NOT NULL UNIQUE,
                ParentId INTEGER NULL REFERENCES Parent(Id) DEFERRABLE INITIALLY DEFERRED);
            """;
        await create.ExecuteNonQueryAsync();
        _batcher = new WriteBatcher(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _batcher.DisposeAsync();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ALoneCommand_IsCommittedOnItsOwn_AndVisibleToOthersWhenItAnswers()
    {
        await using var db = NewContext();

        var turn = await _batcher.EnterAsync(db, CancellationToken.None);
        await InsertAsync(db, "alone");
        Assert.Empty(await ReadNotesAsync());
        await turn.CompleteAsync();

        Assert.Equal(["alone"], await ReadNotesAsync());
        Assert.Equal(1, _batcher.Commits);
        Assert.Equal(1, _batcher.CommittedCommands);
    }

    [Fact]
    public async Task CommandsQueuedBehindTheWriter_ShareOneCommit_AndAnAbandonedOneLeavesNothing()
    {
        await using var first = NewContext();
        var firstTurn = await _batcher.EnterAsync(first, CancellationToken.None);
        await InsertAsync(first, "n0");

        var queued = Enumerable.Range(1, 6).Select(i => Task.Run(async () =>
        {
            await using var db = NewContext();
            var turn = await _batcher.EnterAsync(db, CancellationToken.None);
            try
            {
                await InsertAsync(db, $"n{i}");
                if (i == 3)
                {
                    throw new InvalidOperationException("the command's own work failed");
                }
            }
            catch (InvalidOperationException)
            {
                await turn.AbandonAsync();
                return "abandoned";
            }

            await turn.CompleteAsync();
            return "saved";
        })).ToList();
        await WaitUntilAsync(() => _batcher.Waiting == 6);
        await firstTurn.CompleteAsync();

        var outcomes = await Task.WhenAll(queued);

        Assert.Equal(5, outcomes.Count(o => o == "saved"));
        Assert.Equal(["n0", "n1", "n2", "n4", "n5", "n6"], await ReadNotesAsync());
        Assert.Equal(7, _batcher.CommittedCommands);
        Assert.InRange(_batcher.Commits, 1, 3);
    }

    [Fact]
    public async Task AFailedCommit_FailsEveryCommandOfIt_AndTheNextCommandStartsAfresh()
    {
        await using var first = NewContext();
        var firstTurn = await _batcher.EnterAsync(first, CancellationToken.None);
        await InsertAsync(first, "good");
        var second = Task.Run(async () =>
        {
            await using var db = NewContext();
            var turn = await _batcher.EnterAsync(db, CancellationToken.None);

            // A deferred foreign key: accepted by the statement, refused only by the commit of the whole batch.
            await db.Database.ExecuteSqlRawAsync("INSERT INTO Note (Text, ParentId) VALUES ('orphan', 42)");
            await turn.CompleteAsync();
        });
        await WaitUntilAsync(() => _batcher.Waiting == 1);
        var firstDone = firstTurn.CompleteAsync();

        await Assert.ThrowsAsync<SqliteException>(() => second);
        await Assert.ThrowsAsync<SqliteException>(() => firstDone);
        Assert.Empty(await ReadNotesAsync());

        await using var next = NewContext();
        var nextTurn = await _batcher.EnterAsync(next, CancellationToken.None);
        await InsertAsync(next, "after");
        await nextTurn.CompleteAsync();
        Assert.Equal(["after"], await ReadNotesAsync());
    }

    [Fact]
    public async Task ACommandCancelledWhileQueued_LeavesWithoutWriting_AndTheOneBeforeItIsStillCommitted()
    {
        await using var first = NewContext();
        var firstTurn = await _batcher.EnterAsync(first, CancellationToken.None);
        await InsertAsync(first, "kept");
        using var cancel = new CancellationTokenSource();
        var cancelled = Task.Run(async () =>
        {
            await using var db = NewContext();
            await _batcher.EnterAsync(db, cancel.Token);
        });
        await WaitUntilAsync(() => _batcher.Waiting == 1);

        // The first sees someone waiting and leaves the transaction open for him; he has gone meanwhile.
        await cancel.CancelAsync();
        await firstTurn.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(10));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(["kept"], await ReadNotesAsync());
    }

    [Fact]
    public async Task ACommandMustArriveWithItsConnectionClosed()
    {
        await using var db = NewContext();
        await db.Database.OpenConnectionAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => _batcher.EnterAsync(db, CancellationToken.None));

        // The refused command gave its turn back.
        await db.Database.CloseConnectionAsync();
        var turn = await _batcher.EnterAsync(db, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await turn.AbandonAsync();
    }

    [Fact]
    public void WithoutAConnectionString_BatchingIsOff()
    {
        using var batcher = new WriteBatcher(null);

        Assert.False(batcher.Enabled);
    }

    private ScratchContext NewContext() => new(new DbContextOptionsBuilder<ScratchContext>().UseSqlite(ConnectionString).Options);

    private static Task InsertAsync(DbContext db, string text) =>
        db.Database.ExecuteSqlAsync($"INSERT INTO Note (Text) VALUES ({text})");

    private async Task<List<string>> ReadNotesAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT Text FROM Note ORDER BY Text";
        var notes = new List<string>();
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            notes.Add(reader.GetString(0));
        }

        return notes;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The commands never queued for the writer.");
            await Task.Delay(10);
        }
    }

    private sealed class ScratchContext(DbContextOptions<ScratchContext> options) : DbContext(options);
}
