using MesaServicios.Application.Inbox;

namespace MesaServicios.Infrastructure.Inbox;

/// <summary>
/// The embedded default source: <c>.eml</c> files dropped in a folder (oldest first). After the commit a file
/// moves to <c>processed/</c> or <c>rejected/</c> inside that folder.
/// </summary>
internal sealed class DropFolderMailSource(string folder) : IMailSource
{
    public string Mailbox => "drop";

    public Task OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(Path.Combine(folder, "processed"));
        Directory.CreateDirectory(Path.Combine(folder, "rejected"));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> files = new DirectoryInfo(folder)
            .EnumerateFiles("*.eml", SearchOption.TopDirectoryOnly)
            .OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => f.Name)
            .ToList();
        return Task.FromResult(files);
    }

    public async Task<IReadOnlyList<SourceMessage>> FetchAsync(IReadOnlyList<string> refs, CancellationToken cancellationToken)
    {
        var messages = new List<SourceMessage>(refs.Count);
        foreach (var name in refs)
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                messages.Add(new SourceMessage(name, await File.ReadAllBytesAsync(path, cancellationToken)));
            }
        }

        return messages;
    }

    public Task CompleteAsync(IReadOnlyList<string> processed, IReadOnlyList<string> rejected, CancellationToken cancellationToken)
    {
        Move(processed, "processed");
        Move(rejected, "rejected");
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void Move(IReadOnlyList<string> names, string target)
    {
        foreach (var name in names)
        {
            var from = Path.Combine(folder, name);
            if (File.Exists(from))
            {
                File.Move(from, Path.Combine(folder, target, name), overwrite: true);
            }
        }
    }
}
