using Hangfire;
using Mediator;
using MesaServicios.Application.Reporting.MonthlyReport;
using MesaServicios.Infrastructure.Common.Jobs;

namespace MesaServicios.Infrastructure.Reporting;

/// <summary>
/// Thin Hangfire job: every hour of the office's morning and day it asks "is today the first business day of the month
/// and the previous month's report not sent yet?" and, if so, sends it. Safe with two runs at once and on several
/// nodes: the month's claim row (unique) and the mails are written in one transaction.
/// </summary>
public sealed class SendMonthlyReportJob(ISender sender)
{
    public const string RecurringId = "reporting.monthly-report";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken) =>
        await sender.Send(new SendMonthlyReportRequest(), cancellationToken);
}

/// <summary>Reporting's recurring job: hourly from 07:00 to 17:00 in Bogotá (a node down at 07:00 still sends that day).</summary>
internal sealed class ReportingRecurringJobs : IRecurringJobRegistration
{
    public void Register(IRecurringJobManager jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        jobs.AddOrUpdate<SendMonthlyReportJob>(
            SendMonthlyReportJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            "0 7-17 * * *",
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/Bogota") });
    }
}
