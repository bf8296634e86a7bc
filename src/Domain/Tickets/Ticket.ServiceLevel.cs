using System.Globalization;
using MesaServicios.Domain.Common;
using MesaServicios.Domain.Tickets.Events;

namespace MesaServicios.Domain.Tickets;

/// <summary>
/// The ticket's service-level clock (<see cref="ServiceLevelClock"/>): started at creation, moved by a change of
/// urgency or an explicit recompute, paused while Pending or Solved, and the escalation levels it raises.
/// The business calendar and the targets come from outside (the ServiceLevels module) as arguments.
/// </summary>
public sealed partial class Ticket
{
    public ServiceLevelClock ServiceLevel { get; private set; } = ServiceLevelClock.None;

    /// <summary>
    /// Business minutes from the opening to the first response (time to own), measured by the calendar when the ticket
    /// is first owned; null until then. Stored so that reports read a number instead of walking the calendar.
    /// </summary>
    public double? OwnBusinessMinutes { get; private set; }

    /// <summary>
    /// Business minutes from the opening to the solution less the paused business time (time to resolve), measured
    /// when the ticket is solved; null while it is not solved (a rejected solution clears it).
    /// </summary>
    public double? ResolveBusinessMinutes { get; private set; }

    private bool IsOpenForClock => Status is TicketStatus.New or TicketStatus.InProgress or TicketStatus.Pending;

    /// <summary>Starts the clocks of a new ticket.</summary>
    public void StartServiceLevel(ServiceLevelTerms terms, IBusinessCalendar calendar) =>
        ServiceLevel = ServiceLevelClock.Start(CreatedAt, terms, calendar).Scheduled(IsOpenForClock, FirstResponseAt is not null);

    /// <summary>Where the ticket stands against its targets at <paramref name="now"/>.</summary>
    public ServiceLevelState ServiceLevelStateAt(DateTimeOffset now) =>
        ServiceLevel.StateAt(now, FirstResponseAt, !IsOpenForClock);

    /// <summary>The desk changes the urgency: the priority and the due dates are recomputed with the urgency's targets.</summary>
    public void ChangeUrgency(TicketActor actor, Urgency urgency, PriorityMatrix matrix, ServiceLevelTerms terms, IBusinessCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        EnsureCan(TicketAction.SetUrgency, actor);
        Urgency = Defined(urgency);
        Priority = matrix.PriorityOf(Urgency, Impact);
        Record(TicketHistoryKind.UrgencyChanged, actor.UserId, null, null, null, Urgency.ToString(), now);
        ServiceLevel = ServiceLevel.Retarget(CreatedAt, terms, calendar).Scheduled(IsOpenForClock, FirstResponseAt is not null);
        Touch(now);
    }

    /// <summary>
    /// Applies the current targets to an open ticket (an administrator's explicit recompute after changing them).
    /// Returns false, changing nothing, when the ticket is finished or its clock already runs on these terms.
    /// </summary>
    public bool RecomputeServiceLevel(ServiceLevelTerms terms, IBusinessCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (!IsOpenForClock)
        {
            return false;
        }

        var clock = ServiceLevel.IsRunning ? ServiceLevel.Retarget(CreatedAt, terms, calendar) : ServiceLevelClock.Start(CreatedAt, terms, calendar);
        clock = (Status == TicketStatus.Pending ? clock.Pause(now) : clock).Scheduled(IsOpenForClock, FirstResponseAt is not null);
        if (clock == ServiceLevel)
        {
            return false;
        }

        ServiceLevel = clock;
        Record(TicketHistoryKind.ServiceLevelRecomputed, null, null, null, null,
            string.Create(CultureInfo.InvariantCulture, $"{terms.OwnMinutes}/{terms.ResolveMinutes}"), now);
        Touch(now);
        return true;
    }

    /// <summary>
    /// Measures the stored times after a transition: the time to own once the ticket is owned, the time to resolve
    /// when it is solved (less the business time its clock was paused), none while it is not solved. Measured once:
    /// a later transition does not change a figure already taken.
    /// </summary>
    public void MeasureBusinessTimes(IBusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (FirstResponseAt is { } owned && OwnBusinessMinutes is null)
        {
            OwnBusinessMinutes = owned > CreatedAt ? calendar.BusinessMinutesBetween(CreatedAt, owned) : 0;
        }

        if (SolvedAt is not { } solved)
        {
            ResolveBusinessMinutes = null;
        }
        else if (ResolveBusinessMinutes is null)
        {
            var minutes = solved > CreatedAt ? calendar.BusinessMinutesBetween(CreatedAt, solved) : 0;
            ResolveBusinessMinutes = Math.Max(0, minutes - ServiceLevel.PausedMinutes);
        }
    }

    /// <summary>
    /// Brings the clock in line with the status after a transition: Pending, Solved and Closed pause the resolve
    /// clock; New and In progress run it again (the paused business time moves the due dates). While Solved, the
    /// requester's reminder is due one business day before the automatic closure.
    /// </summary>
    public void SyncServiceLevel(IBusinessCalendar calendar, int businessDayMinutes, TimeSpan autoCloseAfter, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!ServiceLevel.IsRunning)
        {
            return;
        }

        var clock = Status is TicketStatus.New or TicketStatus.InProgress
            ? ServiceLevel.Resume(CreatedAt, now, calendar)
            : ServiceLevel.Pause(now);
        clock = Status == TicketStatus.Solved && SolvedAt is { } solvedAt
            ? clock with { AutoCloseWarnAt = calendar.SubtractBusinessMinutes(solvedAt + autoCloseAfter, businessDayMinutes) }
            : clock with { AutoCloseWarnAt = null };
        ServiceLevel = clock.Scheduled(IsOpenForClock, FirstResponseAt is not null);
    }

    /// <summary>
    /// Raises every level that is due at <paramref name="now"/> and was not raised before — each at most once per
    /// ticket, so a run after downtime raises each missed level once. Levels not in <paramref name="enabled"/> are
    /// passed silently. Missing the time to own moves the priority one step up. Each raised level is recorded in
    /// the history and announced (<see cref="TicketEscalated"/>).
    /// </summary>
    public IReadOnlyList<EscalationLevel> Escalate(DateTimeOffset now, EscalationLevel enabled)
    {
        var open = IsOpenForClock;
        var owned = FirstResponseAt is not null;
        var clock = ServiceLevel;
        var raised = new List<EscalationLevel>();
        foreach (var level in ServiceLevelClock.Levels)
        {
            if ((clock.Fired & level) == 0 && clock.DueAt(level, open, owned) is { } at && at <= now)
            {
                clock = clock with { Fired = clock.Fired | level };
                if ((enabled & level) != 0)
                {
                    raised.Add(level);
                }
            }
        }

        clock = clock.Scheduled(open, owned);
        if (clock == ServiceLevel)
        {
            return raised;
        }

        ServiceLevel = clock;
        foreach (var level in raised)
        {
            if (level == EscalationLevel.OwnMissed && Priority < Priority.VeryHigh)
            {
                Priority++;
            }

            Record(TicketHistoryKind.Escalated, null, null, null, AssignedTechnicianId, level.ToString(), now);
            var dueAt = level is EscalationLevel.OwnNearing or EscalationLevel.OwnMissed ? ServiceLevel.OwnDueAt : ServiceLevel.ResolveDueAt;
            Raise(new TicketEscalated(Snapshot(), level, dueAt, Priority, SolvedAt, now));
        }

        Touch(now);
        return raised;
    }
}
