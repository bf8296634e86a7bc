using Mediator;
using MesaServicios.Application.Notifications.Contracts;
using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Application.Users.Contracts;
using MesaServicios.Domain.Reporting;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MesaServicios.Application.Reporting.MonthlyReport;

/// <summary>
/// The daily check of the monthly report job: on the first business day of the month (the service-level calendar:
/// weekends, holidays and closures are not business days), if the previous month's report has not gone out yet, every
/// active administrator gets it in his language. The figures are computed outside the transaction; the claim of the
/// month and the mails are then written together by <see cref="RecordMonthlyReportCommand"/>, so the report goes out
/// once however many runs or nodes try.
/// </summary>
public sealed record SendMonthlyReportRequest : IRequest<MonthlyReportOutcome>;

public enum MonthlyReportOutcome
{
    NotDue = 1,
    AlreadySent = 2,
    Sent = 3,
}

/// <summary>Claims the month and queues its mails, in one transaction; false (nothing queued) when the month was already claimed.</summary>
public sealed record RecordMonthlyReportCommand(int Year, int Month, IReadOnlyList<EmailMessage> Mails) : ICommand<bool>;

internal sealed class SendMonthlyReportRequestHandler(
    IReportingDbContext db, IServiceLevelCatalog serviceLevels, ISender sender, TimeProvider clock, ILogger<SendMonthlyReportRequestHandler> logger)
    : IRequestHandler<SendMonthlyReportRequest, MonthlyReportOutcome>
{
    public const string Kind = "reporting.monthly";

    public async ValueTask<MonthlyReportOutcome> Handle(SendMonthlyReportRequest request, CancellationToken cancellationToken)
    {
        var calendar = (await serviceLevels.CurrentAsync(cancellationToken)).Calendar;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), calendar.Zone).DateTime);
        if (!MonthlySchedule.IsDue(calendar, today))
        {
            return MonthlyReportOutcome.NotDue;
        }

        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var key = MonthlyReportDispatch.Key(month.Year, month.Month);
        if (await db.MonthlyReportDispatches.AnyAsync(d => d.Month == key, cancellationToken))
        {
            return MonthlyReportOutcome.AlreadySent;
        }

        var administrators = await sender.Send(new ListActiveUsersByRoleQuery(UserRole.Administrator), cancellationToken);
        var mails = new List<EmailMessage>();
        foreach (var language in administrators.Where(a => a.Role == UserRole.Administrator).GroupBy(a => EmailLayout.Culture(a.Language)))
        {
            // The figures in each language once (labels and names of categories are read in it).
            var previousCulture = System.Globalization.CultureInfo.CurrentUICulture;
            System.Globalization.CultureInfo.CurrentUICulture = language.Key;
            try
            {
                var report = await sender.Send(new GetMonthlyReportQuery(month.Year, month.Month), cancellationToken);
                foreach (var admin in language)
                {
                    var rendered = MonthlyReportEmail.Render(report, language.Key, admin.FullName);
                    mails.Add(new EmailMessage(Kind, admin.Email, admin.FullName, rendered.Subject, rendered.TextBody, rendered.HtmlBody, admin.Id));
                }
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentUICulture = previousCulture;
            }
        }

        try
        {
            var recorded = await sender.Send(new RecordMonthlyReportCommand(month.Year, month.Month, mails), cancellationToken);
            if (recorded)
            {
                logger.LogInformation("Monthly report {Month} queued for {Count} administrators", key, mails.Count);
            }

            return recorded ? MonthlyReportOutcome.Sent : MonthlyReportOutcome.AlreadySent;
        }
        catch (DbUpdateException)
        {
            // Another node claimed the month at the same moment (its unique key won): nothing of ours was written.
            if (await db.MonthlyReportDispatches.AsNoTracking().AnyAsync(d => d.Month == key, cancellationToken))
            {
                return MonthlyReportOutcome.AlreadySent;
            }

            throw;
        }
    }
}

internal sealed class RecordMonthlyReportCommandHandler(IReportingDbContext db, IEmailOutbox outbox, TimeProvider clock)
    : ICommandHandler<RecordMonthlyReportCommand, bool>
{
    public async ValueTask<bool> Handle(RecordMonthlyReportCommand command, CancellationToken cancellationToken)
    {
        var key = MonthlyReportDispatch.Key(command.Year, command.Month);
        if (await db.MonthlyReportDispatches.AnyAsync(d => d.Month == key, cancellationToken))
        {
            return false;
        }

        db.MonthlyReportDispatches.Add(MonthlyReportDispatch.Claim(command.Year, command.Month, command.Mails.Count, clock.GetUtcNow()));
        foreach (var mail in command.Mails)
        {
            outbox.Enqueue(mail);
        }

        return true;
    }
}
