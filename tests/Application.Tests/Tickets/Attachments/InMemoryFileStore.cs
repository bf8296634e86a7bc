using System.Collections.Concurrent;
using System.Security.Cryptography;
using MesaServicios.Application.Tickets.Attachments;

namespace MesaServicios.Application.Tests.Tickets.Attachments;

/// <summary>A file store in memory for intake tests: hashes what it reads, keeps nothing when reading fails.</summary>
internal sealed class InMemoryFileStore : IFileStore
{
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();

    public async Task<StoredFile> StoreAsync(Stream content, CancellationToken cancellationToken = default)
    {
        using var memory = new MemoryStream();
        await content.CopyToAsync(memory, cancellationToken);
        var bytes = memory.ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Files.TryAdd(sha, bytes);
        return new StoredFile(sha, bytes.LongLength);
    }

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream?>(Files.TryGetValue(sha256, out var bytes) ? new MemoryStream(bytes, writable: false) : null);

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) =>
        Task.FromResult(Files.ContainsKey(sha256));
}

/// <summary>A stream that does not know its length and cannot seek, like a network body; counts what was read.</summary>
internal sealed class UnknownLengthStream(Stream inner) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, Math.Min(count, 8192));
        BytesRead += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
