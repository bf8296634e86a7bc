using System.Buffers;
using System.Security.Cryptography;
using MesaServicios.Application.Tickets.Attachments;
using Microsoft.Extensions.Logging;

namespace MesaServicios.Infrastructure.Tickets.Attachments;

/// <summary>
/// Attachments on a local (or shared) disk, named by the SHA-256 of their content in sharded folders
/// (<c>ab/cd/abcdef…</c>). A file is hashed while it is copied to a temporary file in the same volume, flushed,
/// and then moved into place with an atomic rename that never replaces an existing file: two requests (or two
/// nodes) storing the same content at once end with one complete file, and a reader never sees half a file.
/// </summary>
internal sealed partial class DiskFileStore : IFileStore
{
    private const int BufferSize = 81920;
    private readonly string _root;
    private readonly string _temp;
    private readonly ILogger<DiskFileStore> _logger;

    public DiskFileStore(string root, TimeProvider time, ILogger<DiskFileStore> logger)
    {
        _root = Path.GetFullPath(root);
        _temp = Path.Combine(_root, ".tmp");
        _logger = logger;
        Directory.CreateDirectory(_temp);
        RemoveAbandonedTemporaryFiles(time.GetUtcNow() - AbandonedAfter);
    }

    /// <summary>A temporary file this old was left by a process that stopped in the middle of a copy.</summary>
    internal static TimeSpan AbandonedAfter { get; } = TimeSpan.FromDays(1);

    public string Root => _root;

    public async Task<StoredFile> StoreAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var tempPath = Path.Combine(_temp, $"{Guid.NewGuid():N}.part");
        try
        {
            string sha256;
            long size = 0;
            var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                await using (var output = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
                {
                    int read;
                    while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                        size += read;
                    }

                    await output.FlushAsync(cancellationToken);
                    output.Flush(flushToDisk: true);
                }

                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            var finalPath = PathOf(sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
            try
            {
                // Fails when the name is taken, atomically: the check and the move are one step.
                File.Move(tempPath, finalPath, overwrite: false);
            }
            catch (IOException) when (File.Exists(finalPath))
            {
                // The same content was stored before, or by another request at this very moment: theirs is as good as ours.
                if (new FileInfo(finalPath).Length != size)
                {
                    // A file under this name with another size cannot hold this content: a damaged copy. Ours is verified.
                    LogRepaired(_logger, sha256);
                    File.Move(tempPath, finalPath, overwrite: true);
                }
            }

            return new StoredFile(sha256, size);
        }
        finally
        {
            TryDelete(tempPath);
        }
    }

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken = default)
    {
        if (!IsValidHash(sha256))
        {
            return Task.FromResult<Stream?>(null);
        }

        try
        {
            Stream stream = new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) =>
        Task.FromResult(IsValidHash(sha256) && File.Exists(PathOf(sha256)));

    /// <summary>Another node may be copying right now, so only files older than a day are removed.</summary>
    private void RemoveAbandonedTemporaryFiles(DateTimeOffset olderThan)
    {
        foreach (var file in new DirectoryInfo(_temp).EnumerateFiles("*.part"))
        {
            if (file.LastWriteTimeUtc < olderThan.UtcDateTime)
            {
                TryDelete(file.FullName);
            }
        }
    }

    /// <summary><c>root/ab/cd/abcd…</c> for a valid lowercase hash.</summary>
    internal string PathOf(string sha256) => Path.Combine(_root, sha256[..2], sha256[2..4], sha256);

    internal static bool IsValidHash(string? sha256) =>
        sha256 is { Length: 64 } && sha256.All(char.IsAsciiHexDigitLower);

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException exception)
        {
            LogTempNotDeleted(_logger, exception, path);
        }
        catch (UnauthorizedAccessException exception)
        {
            LogTempNotDeleted(_logger, exception, path);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored attachment {Sha256} had the wrong size and was replaced by a verified copy")]
    private static partial void LogRepaired(ILogger logger, string sha256);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Temporary attachment file {Path} could not be deleted")]
    private static partial void LogTempNotDeleted(ILogger logger, Exception exception, string path);
}
