using Hangfire;
using Mediator;
using MesaServicios.Application.Reservations;
using MesaServicios.Application.Reservations.NoShows;
using MesaServicios.Application.Reservations.Overdue;
using MesaServicios.Application.Reservations.Reminders;

namespace MesaServicios.Infrastructure.Reservations;

/// <summary>
/// Thin Hangfire job, every few minutes: reservations not picked up within the grace period become no-shows. Safe on
/// several nodes and with two runs at once: each reservation changes through its aggregate and concurrency token.
/// </summary>
public sealed class MarkNoShowsJob(ISender sender)
{
    public const string RecurringId = "reservations.no-shows";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken) =>
        await ReservationJobLoop.RunAsync(() => sender.Send(new MarkNoShowsRequest(), cancellationToken), cancellationToken);
}

/// <summary>Thin Hangfire job, every few minutes: pick-up reminders and "return due soon", each once.</summary>
public sealed class SendReservationRemindersJob(ISender sender)
{
    public const string RecurringId = "reservations.reminders";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken) =>
        await ReservationJobLoop.RunAsync(() => sender.Send(new SendReservationRemindersRequest(), cancellationToken), cancellationToken);
}

/// <summary>Thin Hangfire job, every few minutes: items still out after their end become overdue; later the desk is told.</summary>
public sealed class MarkOverdueReservationsJob(ISender sender)
{
    public const string RecurringId = "reservations.overdue";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken) =>
        await ReservationJobLoop.RunAsync(() => sender.Send(new MarkOverdueReservationsRequest(), cancellationToken), cancellationToken);
}

internal static class ReservationJobLoop
{
    /// <summary>Repeats while full batches keep coming (a long downtime leaves more than one batch due).</summary>
    public static async Task RunAsync(Func<ValueTask<ReservationJobReport>> run, CancellationToken cancellationToken)
    {
        ReservationJobReport report;
        do
        {
            report = await run();
        }
        while (report.Done > 0 && report.Due >= ReservationJobRunnerBatch && !cancellationToken.IsCancellationRequested);
    }

    private const int ReservationJobRunnerBatch = 500;
}
