namespace MesaServicios.Infrastructure.Common.Persistence;

/// <summary>
/// SQLite has one writer at a time. Without a gate, concurrent command transactions meet as SQLITE_BUSY and
/// the provider retries them with sleeps, which costs throughput and turns the tail latency into hundreds of
/// milliseconds. This process therefore queues its own write transactions (FIFO, async, no thread blocked);
/// other processes on the same file are still serialised by SQLite's lock and the busy timeout. With a
/// server database (PostgreSQL) the gate is open.
/// </summary>
public sealed class WriteGate(bool serialize)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!serialize)
        {
            return Turn.None;
        }

        await _gate.WaitAsync(cancellationToken);
        return new Turn(_gate);
    }

    private sealed class Turn(SemaphoreSlim? gate) : IDisposable
    {
        public static readonly Turn None = new(null);

        private SemaphoreSlim? _gate = gate;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
    }
}
