using System.Security.Cryptography;
using MesaServicios.Infrastructure.Tickets.Attachments;
using Microsoft.Extensions.Logging.Abstractions;

namespace MesaServicios.WebApi.Tests.Tickets.Attachments;

public sealed class DiskFileStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mesa-store-tests", Guid.NewGuid().ToString("N"));
    private readonly DiskFileStore _store;

    public DiskFileStoreTests() => _store = new DiskFileStore(_root, TimeProvider.System, NullLogger<DiskFileStore>.Instance);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string[] StoredFiles() =>
        Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Where(f => !f.Contains(Path.Combine(_root, ".tmp"), StringComparison.Ordinal)).ToArray();

    private string[] TempFiles() => Directory.GetFiles(Path.Combine(_root, ".tmp"));

    [Fact]
    public async Task Store_ReturnsTheSha256AndSize_AndTheContentReadsBackIntact()
    {
        var content = TestFiles.Random(300_000, seed: 1);

        var stored = await _store.StoreAsync(new MemoryStream(content));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), stored.Sha256);
        Assert.Equal(content.Length, stored.SizeBytes);
        await using var read = await _store.OpenReadAsync(stored.Sha256);
        Assert.NotNull(read);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
        Assert.True(await _store.ExistsAsync(stored.Sha256));
    }

    [Fact]
    public async Task Store_PutsTheFileInShardedFoldersNamedByItsHash()
    {
        var stored = await _store.StoreAsync(new MemoryStream(TestFiles.Png));

        var path = Assert.Single(StoredFiles());
        Assert.Equal(Path.Combine(_root, stored.Sha256[..2], stored.Sha256[2..4], stored.Sha256), path);
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task Store_SameContentTwice_KeepsOneFile()
    {
        var first = await _store.StoreAsync(new MemoryStream(TestFiles.Pdf));
        var second = await _store.StoreAsync(new MemoryStream(TestFiles.Pdf));

        Assert.Equal(first, second);
        Assert.Single(StoredFiles());
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task Store_SameContentFromEightTasksAtOnce_EndsWithOneCompleteFileAndNoTemporaryFiles()
    {
        var content = TestFiles.Random(2 * 1024 * 1024, seed: 8);
        var gate = new EndGate(8);

        // Every copy reaches the end of its source only when all eight have, so all race to move their file into place.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _store.StoreAsync(new GatedStream(content, gate)))));

        Assert.Single(results.Distinct());
        var path = Assert.Single(StoredFiles());
        Assert.Equal(content, await File.ReadAllBytesAsync(path));
        Assert.Empty(TempFiles());
    }

    private sealed class EndGate(int participants)
    {
        private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public Task ArriveAsync()
        {
            if (Interlocked.Increment(ref _arrived) == participants)
            {
                _allArrived.TrySetResult();
            }

            return _allArrived.Task;
        }
    }

    private sealed class GatedStream(byte[] content, EndGate gate) : MemoryStream(content, writable: false)
    {
        private bool _arrived;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            if (read == 0 && !_arrived)
            {
                _arrived = true;
                await gate.ArriveAsync().WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }

            return read;
        }
    }

    [Fact]
    public async Task Store_WhenAFileOfThatSizeIsAlreadyThere_NeverOverwritesIt()
    {
        var content = TestFiles.Random(5000, seed: 5);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = Path.Combine(_root, sha[..2], sha[2..4], sha);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var existing = TestFiles.Random(5000, seed: 6);
        await File.WriteAllBytesAsync(path, existing);

        await _store.StoreAsync(new MemoryStream(content));

        Assert.Equal(existing, await File.ReadAllBytesAsync(path));
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task Store_WhenTheFileThereIsTruncated_ReplacesItWithTheVerifiedContent()
    {
        var content = TestFiles.Random(5000, seed: 7);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = Path.Combine(_root, sha[..2], sha[2..4], sha);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content[..100]);

        await _store.StoreAsync(new MemoryStream(content));

        Assert.Equal(content, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Store_DifferentContents_AreKeptApart()
    {
        var a = await _store.StoreAsync(new MemoryStream(TestFiles.Random(1000, seed: 2)));
        var b = await _store.StoreAsync(new MemoryStream(TestFiles.Random(1000, seed: 3)));

        Assert.NotEqual(a.Sha256, b.Sha256);
        Assert.Equal(2, StoredFiles().Length);
    }

    [Fact]
    public async Task Store_WhenTheSourceFailsHalfway_KeepsNothing()
    {
        await Assert.ThrowsAsync<IOException>(() => _store.StoreAsync(new FailingStream(TestFiles.Random(200_000, seed: 4), failAfter: 100_000)));

        Assert.Empty(StoredFiles());
        Assert.Empty(TempFiles());
    }

    [Fact]
    public void Start_RemovesTemporaryFilesAbandonedLongAgoButNotRecentOnes()
    {
        var old = Path.Combine(_root, ".tmp", "old.part");
        var recent = Path.Combine(_root, ".tmp", "recent.part");
        File.WriteAllBytes(old, [1]);
        File.WriteAllBytes(recent, [2]);
        var now = new DateTimeOffset(2026, 3, 2, 13, 0, 0, TimeSpan.Zero);
        File.SetLastWriteTimeUtc(old, now.UtcDateTime.AddDays(-2));
        File.SetLastWriteTimeUtc(recent, now.UtcDateTime.AddHours(-1));

        _ = new DiskFileStore(_root, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now), NullLogger<DiskFileStore>.Instance);

        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("../../../../etc/passwd")]
    [InlineData("ABCDEF0000000000000000000000000000000000000000000000000000000000")]
    [InlineData("")]
    public async Task OpenRead_UnknownOrMalformedHash_ReturnsNull(string sha256)
    {
        Assert.Null(await _store.OpenReadAsync(sha256));
        Assert.False(await _store.ExistsAsync(sha256));
    }

    private sealed class FailingStream(byte[] content, int failAfter) : MemoryStream(content)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= failAfter)
            {
                throw new IOException("connection reset");
            }

            return base.Read(buffer, offset, Math.Min(count, 8192));
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= failAfter)
            {
                throw new IOException("connection reset");
            }

            return base.ReadAsync(buffer[..Math.Min(buffer.Length, 8192)], cancellationToken);
        }
    }
}
