using System.Globalization;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Domain.Common;
using MesaServicios.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Tickets.ExplainServiceLevel;

/// <summary>
/// Why a ticket's due dates are what they are: its targets, the time since its creation cut into segments
/// (running, paused, outside hours, holidays, closures) with their business minutes, the escalation levels
/// (raised or not, and when) and what happens next. Whoever may read the ticket may read this (others: 404).
/// </summary>
public sealed record GetTicketServiceLevelQuery(int TicketId) : IQuery<TicketServiceLevelExplanation>;

/// <summary>Running, Paused, OutsideHours, Holiday or Closure; <see cref="Note"/> names the holiday, the closure or the pause's status.</summary>
public sealed record ServiceLevelSegment(string Kind, DateTimeOffset From, DateTimeOffset To, int BusinessMinutes, string? Note);

/// <summary>One clock: its target, when it warns and falls due, how much of it was used, and when it stopped.</summary>
public sealed record ServiceLevelClockView(int TargetMinutes, DateTimeOffset WarnAt, DateTimeOffset DueAt, int BusinessMinutesUsed, DateTimeOffset? StoppedAt);

/// <summary>An escalation level: when it is (or was) due, whether it was raised and when, and who hears of it.</summary>
public sealed record EscalationStep(EscalationLevel Level, DateTimeOffset? DueAt, bool Raised, DateTimeOffset? RaisedAt, string Notifies);

public sealed record TicketServiceLevelExplanation(
    int TicketId,
    Urgency Urgency,
    TicketType Type,
    TicketStatus Status,
    ServiceLevelState State,
    DateTimeOffset Now,
    int WarningPercent,
    ServiceLevelClockView TimeToOwn,
    ServiceLevelClockView TimeToResolve,
    int PausedBusinessMinutes,
    bool Paused,
    IReadOnlyList<ServiceLevelSegment> Segments,
    IReadOnlyList<EscalationStep> Escalations,
    string Next);

internal sealed class GetTicketServiceLevelQueryHandler(ITicketsDbContext db, ICurrentUser currentUser, TimeProvider clock, IServiceLevelCatalog serviceLevels)
    : IQueryHandler<GetTicketServiceLevelQuery, TicketServiceLevelExplanation>
{
    /// <summary>At most this many segments are listed (a ticket open for years), the most recent ones.</summary>
    private const int MaxSegments = 1_000;

    public async ValueTask<TicketServiceLevelExplanation> Handle(GetTicketServiceLevelQuery query, CancellationToken cancellationToken)
    {
        var viewer = currentUser.Actor();
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == query.TicketId, cancellationToken);
        if (ticket is null || (!viewer.IsDesk && ticket.RequesterId != viewer.UserId
            && !await db.TicketObservers.AnyAsync(o => o.TicketId == query.TicketId && o.UserId == viewer.UserId && o.RemovedAt == null, cancellationToken)))
        {
            throw Errors.NotFound("tickets.not_found", query.TicketId);
        }

        var history = await db.Tickets.Where(t => t.Id == query.TicketId).SelectMany(t => t.History).AsNoTracking()
            .Where(h => h.ToStatus != null || h.Kind == TicketHistoryKind.Escalated)
            .OrderBy(h => h.Sequence)
            .Select(h => new { h.Kind, h.ToStatus, h.Text, h.OccurredAt })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var calendar = (await serviceLevels.CurrentAsync(cancellationToken)).Calendar;
        var sla = ticket.ServiceLevel;
        var end = ticket.ClosedAt ?? now;

        // The status over time, from the history (every transition records the status it leads to).
        var statuses = history.Where(h => h.ToStatus is not null).Select(h => (h.OccurredAt, Status: h.ToStatus!.Value)).ToList();
        if (statuses.Count == 0 || statuses[0].OccurredAt > ticket.CreatedAt)
        {
            statuses.Insert(0, (ticket.CreatedAt, TicketStatus.New));
        }

        var segments = Segments(calendar.Spans(ticket.CreatedAt, end), statuses);
        var raisedAt = history.Where(h => h.Kind == TicketHistoryKind.Escalated && h.Text is not null)
            .GroupBy(h => h.Text!).ToDictionary(g => g.Key, g => g.First().OccurredAt, StringComparer.Ordinal);
        var open = ticket.Status is TicketStatus.New or TicketStatus.InProgress or TicketStatus.Pending;
        var owned = ticket.FirstResponseAt is not null;
        var steps = ServiceLevelClock.Levels.Select(level => new EscalationStep(
            level,
            Threshold(sla, level),
            (sla.Fired & level) != 0 && raisedAt.ContainsKey(level.ToString()),
            raisedAt.TryGetValue(level.ToString(), out var at) ? at : null,
            Notifies(level, ticket.AssignedTechnicianId is not null))).ToList();

        var resolveStop = sla.PausedSince ?? now;
        return new TicketServiceLevelExplanation(
            ticket.Id,
            ticket.Urgency,
            ticket.Type,
            ticket.Status,
            ticket.ServiceLevelStateAt(now),
            now,
            sla.WarningPercent,
            new ServiceLevelClockView(sla.OwnTargetMinutes, sla.OwnWarnAt, sla.OwnDueAt, Minutes(calendar.BusinessMinutesBetween(ticket.CreatedAt, ticket.FirstResponseAt ?? now)), ticket.FirstResponseAt),
            new ServiceLevelClockView(sla.ResolveTargetMinutes, sla.ResolveWarnAt, sla.ResolveDueAt,
                Minutes(calendar.BusinessMinutesBetween(ticket.CreatedAt, resolveStop) - sla.PausedMinutes), sla.PausedSince),
            Minutes(sla.PausedMinutes + (sla.PausedSince is { } since ? calendar.BusinessMinutesBetween(since, end) : 0)),
            sla.IsPaused,
            segments.Count > MaxSegments ? segments[^MaxSegments..] : segments,
            steps,
            Next(sla, ticket.Status, open, owned, now, calendar.Zone));
    }

    private static int Minutes(double minutes) => (int)Math.Round(Math.Max(0, minutes), MidpointRounding.AwayFromZero);

    private static DateTimeOffset? Threshold(ServiceLevelClock sla, EscalationLevel level) => level switch
    {
        EscalationLevel.OwnNearing => sla.OwnWarnAt,
        EscalationLevel.OwnMissed => sla.OwnDueAt,
        EscalationLevel.ResolveNearing => sla.ResolveWarnAt,
        EscalationLevel.ResolveMissed => sla.ResolveDueAt,
        _ => sla.AutoCloseWarnAt,
    };

    private static string Notifies(EscalationLevel level, bool assigned) => level switch
    {
        EscalationLevel.OwnMissed or EscalationLevel.ResolveMissed => "Administrators",
        EscalationLevel.AutoCloseWarning => "Requester",
        _ => assigned ? "AssignedTechnician" : "AllTechnicians",
    };

    private static string Next(ServiceLevelClock sla, TicketStatus status, bool open, bool owned, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (!sla.IsRunning)
        {
            return Messages.Get("tickets.sla.next.no_clock");
        }

        var next = ServiceLevelClock.Levels
            .Where(l => (sla.Fired & l) == 0)
            .Select(l => (Level: l, At: sla.DueAt(l, open, owned)))
            .Where(x => x.At is not null)
            .OrderBy(x => x.At)
            .FirstOrDefault();
        if (next.At is { } at)
        {
            var when = TimeZoneInfo.ConvertTime(at <= now ? now : at, zone);
            return Messages.Get($"tickets.sla.next.{next.Level}", when.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture));
        }

        return sla.IsPaused && open ? Messages.Get("tickets.sla.next.paused", status) : Messages.Get("tickets.sla.next.none");
    }

    /// <summary>The calendar's spans with its working time split by the ticket's status: running or paused.</summary>
    private static List<ServiceLevelSegment> Segments(IReadOnlyList<CalendarSpan> spans, List<(DateTimeOffset OccurredAt, TicketStatus Status)> statuses)
    {
        var english = Messages.IsEnglish(CultureInfo.CurrentUICulture);
        var segments = new List<ServiceLevelSegment>();
        foreach (var span in spans)
        {
            if (span.Kind != CalendarTimeKind.Working)
            {
                Add(segments, new ServiceLevelSegment(span.Kind.ToString(), span.From, span.To, 0, english ? span.NoteEn : span.Note));
                continue;
            }

            var from = span.From;
            while (from < span.To)
            {
                var index = statuses.FindLastIndex(s => s.OccurredAt <= from);
                var status = index < 0 ? TicketStatus.New : statuses[index].Status;
                var nextChange = statuses.Skip(index + 1).Select(s => s.OccurredAt).FirstOrDefault(t => t > from);
                var to = nextChange != default && nextChange < span.To ? nextChange : span.To;
                var running = status is TicketStatus.New or TicketStatus.InProgress;
                Add(segments, new ServiceLevelSegment(running ? "Running" : "Paused", from, to, 0, running ? null : status.ToString()));
                from = to;
            }
        }

        return segments.Select(s => s.Kind is "Running" or "Paused" ? s with { BusinessMinutes = Minutes((s.To - s.From).TotalMinutes) } : s).ToList();
    }

    private static void Add(List<ServiceLevelSegment> segments, ServiceLevelSegment segment)
    {
        if (segment.To <= segment.From)
        {
            return;
        }

        if (segments.Count > 0 && segments[^1] is { } last && last.Kind == segment.Kind && last.Note == segment.Note && last.To == segment.From)
        {
            segments[^1] = last with { To = segment.To };
            return;
        }

        segments.Add(segment);
    }
}
