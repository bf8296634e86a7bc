using Mediator;

namespace MesaServicios.Application.Common.Backup;

/// <summary>
/// A consistent copy of the running desk: every database and the files beside them, taken while people keep working.
/// A request, not a command: it opens no transaction of its own and never takes the write turn.
/// </summary>
public sealed record CreateBackupRequest : IRequest<BackupResult>;

/// <summary>Where the copy is, when it was taken, and what it holds (relative names and sizes).</summary>
public sealed record BackupResult(string Folder, DateTimeOffset TakenAt, IReadOnlyList<BackupItem> Items);

public sealed record BackupItem(string Name, long Bytes);

/// <summary>Port: takes the copy (SQLite: <c>VACUUM INTO</c> per database, then the files; PostgreSQL: refused, use pg_dump).</summary>
public interface IDeskBackup
{
    Task<BackupResult> CreateAsync(CancellationToken cancellationToken);
}

internal sealed class CreateBackupRequestHandler(IDeskBackup backup) : IRequestHandler<CreateBackupRequest, BackupResult>
{
    public async ValueTask<BackupResult> Handle(CreateBackupRequest request, CancellationToken cancellationToken) =>
        await backup.CreateAsync(cancellationToken);
}
