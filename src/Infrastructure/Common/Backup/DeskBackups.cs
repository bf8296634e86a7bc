using System.Globalization;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Backup;
using MesaServicios.Infrastructure.Common.Jobs;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Infrastructure.Common.Backup;

/// <summary>
/// The SQLite desk's online backup into <c>&lt;data&gt;/backups/&lt;UTC time&gt;/</c>. Each database (the desk's,
/// Hangfire's, any other <c>*.db</c> in the data directory) is copied with <c>VACUUM INTO</c>: one read transaction,
/// so writers never wait and the copy is the database at one instant (SQLite's backup API instead restarts whenever
/// another connection writes, and never finished under a steady stream of tickets). Then the other files of the
/// data directory (keys, attachments, mail folders) are copied: attachment files are written before their row is
/// committed and never rewritten, so every row of the copy finds its file.
/// </summary>
internal sealed class SqliteDeskBackup(MesaDbContext db, DataPaths paths, IOptions<JobsOptions> jobs, TimeProvider clock) : IDeskBackup
{
    public const string BackupsFolder = "backups";

    public async Task<BackupResult> CreateAsync(CancellationToken cancellationToken)
    {
        var takenAt = clock.GetUtcNow();
        var backups = paths.EnsureDirectory(BackupsFolder);
        var folder = Path.Combine(backups, takenAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        for (var n = 2; Directory.Exists(folder); n++)
        {
            folder = Path.Combine(backups, takenAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + n.ToString(CultureInfo.InvariantCulture));
        }

        Directory.CreateDirectory(folder);
        var desk = Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
        var databases = new[] { desk, paths.Resolve(jobs.Value.SqlitePath) }
            .Concat(Directory.EnumerateFiles(paths.Root, "*.db"))
            .Select(Path.GetFullPath)
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var items = new List<BackupItem>();
        foreach (var database in databases)
        {
            var target = Path.Combine(folder, Path.GetFileName(database));
            await VacuumIntoAsync(database, target, cancellationToken);
            items.Add(new BackupItem(Path.GetFileName(target), new FileInfo(target).Length));
        }

        CopyFiles(paths.Root, folder, backups, databases, items, cancellationToken);
        return new BackupResult(folder, takenAt, items);
    }

    private static async Task VacuumIntoAsync(string database, string target, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 60 }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $target;";
        command.Parameters.AddWithValue("$target", target);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void CopyFiles(string root, string folder, string backups, List<string> databases, List<BackupItem> items, CancellationToken cancellationToken)
    {
        var skipped = databases.SelectMany(d => new[] { d, d + "-wal", d + "-shm", d + "-journal" }).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var full = Path.GetFullPath(file);
            if (skipped.Contains(full) || full.StartsWith(backups + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            var relative = Path.GetRelativePath(root, full);
            var target = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                File.Copy(full, target);
                items.Add(new BackupItem(relative, new FileInfo(target).Length));
            }
            catch (FileNotFoundException)
            {
                // Gone since it was listed (a temporary upload part, a mail moved on): not part of the desk's state.
            }
        }
    }
}

/// <summary>On PostgreSQL the server's own tools take the copy (pg_dump, continuous archiving): docs/operations.md.</summary>
internal sealed class PostgresDeskBackup : IDeskBackup
{
    public Task<BackupResult> CreateAsync(CancellationToken cancellationToken) =>
        throw Errors.Conflict("common.backup_use_server_tools");
}
