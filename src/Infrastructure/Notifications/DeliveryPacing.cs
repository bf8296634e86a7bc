using MesaServicios.Application.Notifications;
using Microsoft.Extensions.Options;

namespace MesaServicios.Infrastructure.Notifications;

/// <summary>
/// Whether background delivery should give way to interactive requests. On SQLite every command takes a turn of the
/// single writer (ADR 0010); when others' commands are committed faster than <c>Mail:DeliveryBusyCommandsPerSecond</c>
/// (a burst of ticket creations), delivery takes small batches with a short pause between them instead of competing
/// for the writer and the cores, and takes full batches again once the rate falls. Mail still progresses under a
/// continuous load (one small batch per pause) and nothing is skipped: the pacing only sets the size of the next batch
/// and the wait before it. The rate is measured between two looks (across runs: a run that starts in a burst sees it
/// from its second batch on), minus delivery's own turns. With a server database
/// (no single writer) no command is counted and delivery is never paced. The clock is the machine's (the host registers
/// <see cref="TimeProvider.System"/>): the pacing measures real load, not the desk's business time.
/// </summary>
public sealed class DeliveryPacing(Func<long> committedCommands, IOptions<MailOptions> options, TimeProvider clock)
{
    /// <summary>Writer turns of one delivery batch: its claim and its results.</summary>
    public const int TurnsPerBatch = 2;

    private readonly Lock _gate = new();
    private long _lastCommands = -1;
    private long _lastAt;
    private int _ownTurns;

    /// <summary>The next batch: its size (null: the configured one) and how long to wait before claiming it.</summary>
    public (int? BatchSize, TimeSpan Pause) Next()
    {
        var settings = options.Value;
        lock (_gate)
        {
            var commands = committedCommands();
            var now = clock.GetTimestamp();
            var busy = false;
            if (_lastCommands >= 0 && settings.DeliveryBusyCommandsPerSecond > 0)
            {
                var seconds = clock.GetElapsedTime(_lastAt, now).TotalSeconds;
                var others = Math.Max(0, commands - _lastCommands - _ownTurns);
                // Over a very short interval (back-to-back batches) a single commit would look like a burst: count at
                // least a tenth of a second.
                busy = others / Math.Max(seconds, 0.1) > settings.DeliveryBusyCommandsPerSecond;
            }

            _lastCommands = commands;
            _lastAt = now;
            _ownTurns = TurnsPerBatch;
            return busy
                ? (Math.Max(1, settings.DeliveryBusyBatchSize), TimeSpan.FromMilliseconds(Math.Max(0, settings.DeliveryBusyPauseMilliseconds)))
                : (null, TimeSpan.Zero);
        }
    }

    /// <summary>Waits the pause <see cref="Next"/> asked for (on the pacing's clock).</summary>
    public Task PauseAsync(TimeSpan pause, CancellationToken cancellationToken) =>
        pause > TimeSpan.Zero ? Task.Delay(pause, clock, cancellationToken) : Task.CompletedTask;
}
