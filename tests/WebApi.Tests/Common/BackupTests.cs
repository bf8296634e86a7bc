using System.Net;
using System.Net.Http.Json;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;
using Microsoft.Data.Sqlite;

namespace MesaServicios.WebApi.Tests.Common;

/// <summary>
/// The online backup of a SQLite desk (<c>POST /api/v1/admin/backups</c>): a consistent copy of every database and
/// the files beside them, taken while tickets keep being written, without stopping the writers.
/// </summary>
public sealed class BackupTests : IDisposable
{
    private readonly MesaApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Backup_WhileTicketsAreBeingWritten_IsAConsistentCopyOfEveryStore_AndTheWritersNeverStop()
    {
        var admin = await _factory.AdminAsync();
        var requesters = new[] { await _factory.CreateUserAsync(), await _factory.CreateUserAsync(), await _factory.CreateUserAsync() };
        var created = 0;
        var failed = 0;
        using var stop = new CancellationTokenSource();
        var writers = requesters.Select(requester => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var response = await requester.Client.PostAsJsonAsync("/api/v1/tickets", new
                {
                    title = "Escrito durante la copia",
                    description = "Un ticket abierto mientras se toma la copia de seguridad.",
                    type = "Request",
                });
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref created);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })).ToList();

        while (Volatile.Read(ref created) < 30)
        {
            await Task.Delay(20);
        }

        var before = Volatile.Read(ref created);
        var response = await admin.Client.PostAsync("/api/v1/admin/backups", null);
        var during = Volatile.Read(ref created);
        await Task.Delay(300);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var result = await (await response.EnsureSuccessAsync()).JsonAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(0, failed);
        Assert.True(Volatile.Read(ref created) > during, "the writers kept going after the backup");
        var folder = result.GetProperty("folder").GetString()!;
        var names = result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
        Assert.Contains("mesa.db", names);
        Assert.Contains("hangfire.db", names);
        Assert.Contains(names, n => n.StartsWith("keys", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.EndsWith("-wal", StringComparison.Ordinal) || n.StartsWith("backups", StringComparison.Ordinal));

        await using var copy = new SqliteConnection($"Data Source={Path.Combine(folder, "mesa.db")};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        Assert.Equal("ok", await ScalarAsync<string>(copy, "PRAGMA integrity_check;"));
        Assert.Equal(0L, await ScalarAsync<long>(copy, "SELECT COUNT(*) FROM pragma_foreign_key_check;"));
        var tickets = await ScalarAsync<long>(copy, "SELECT COUNT(*) FROM Tickets;");
        Assert.InRange(tickets, before, Volatile.Read(ref created));

        // Every ticket in the copy is whole: none without the history row its creation wrote in the same commit.
        Assert.Equal(0L, await ScalarAsync<long>(copy, "SELECT COUNT(*) FROM Tickets t WHERE NOT EXISTS (SELECT 1 FROM TicketHistory h WHERE h.TicketId = t.Id);"));

        // The live desk goes on from where it was: the copy is a file of its own.
        var requester = requesters[0];
        Assert.True(await TicketApi.OpenIdAsync(requester, "Después de la copia") > tickets);
    }

    [Fact]
    public async Task Backup_IsForAdministratorsOnly()
    {
        var requester = await _factory.CreateUserAsync();
        var technician = await _factory.CreateUserAsync(Domain.Users.UserRole.Technician);

        Assert.Equal(HttpStatusCode.Forbidden, (await requester.Client.PostAsync("/api/v1/admin/backups", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await technician.Client.PostAsync("/api/v1/admin/backups", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.Anonymous().PostAsync("/api/v1/admin/backups", null)).StatusCode);
        Assert.False(Directory.Exists(Path.Combine(_factory.DataDirectory, "backups")) && Directory.EnumerateFileSystemEntries(Path.Combine(_factory.DataDirectory, "backups")).Any());
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
