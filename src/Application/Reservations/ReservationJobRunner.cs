using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Domain.Common;
using Microsoft.Extensions.Logging;

namespace MesaServicios.Application.Reservations;

/// <summary>What one run of a reservations job found due and did.</summary>
public sealed record ReservationJobReport(int Due, int Done)
{
    public static ReservationJobReport operator +(ReservationJobReport a, ReservationJobReport b) =>
        new(a.Due + b.Due, a.Done + b.Done);
}

/// <summary>
/// Runs one command per due reservation, each in its own transaction. A reservation another run (or node) or a
/// person changed meanwhile refuses the change (domain rule or concurrency token) and is skipped: so each notice
/// goes out once even with two runs at once, and a run after downtime catches up on everything still due.
/// </summary>
internal static partial class ReservationJobRunner
{
    public const int BatchSize = 500;

    public static async Task<ReservationJobReport> RunAsync<T>(ISender sender, IReadOnlyList<Guid> due, Func<Guid, T> command, ILogger logger, CancellationToken cancellationToken)
        where T : ICommand<bool>
    {
        var done = 0;
        foreach (var id in due)
        {
            try
            {
                if (await sender.Send(command(id), cancellationToken))
                {
                    done++;
                }
            }
            catch (Exception exception) when (exception is ConcurrencyConflictException or DomainException)
            {
                LogSkipped(logger, typeof(T).Name, id, ErrorClassifier.CodeOf(exception));
            }
        }

        return new ReservationJobReport(due.Count, done);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Command} skipped reservation {ReservationId}: {Code}")]
    private static partial void LogSkipped(ILogger logger, string command, Guid reservationId, string code);
}
