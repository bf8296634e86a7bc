using MesaServicios.Domain.Common;

namespace MesaServicios.Domain.Tickets;

/// <summary>The thresholds the escalation job raises, each at most once per ticket.</summary>
[Flags]
public enum EscalationLevel
{
    None = 0,

    /// <summary>A share (75 % by default) of the time to own has passed and nobody owns the ticket: warn the technicians.</summary>
    OwnNearing = 1,

    /// <summary>The time to own passed and nobody owns the ticket: administrators are told and the priority goes one step up.</summary>
    OwnMissed = 2,

    /// <summary>A share of the time to resolve has passed: warn the assigned technician (all while unassigned).</summary>
    ResolveNearing = 4,

    /// <summary>The time to resolve passed: administrators are told.</summary>
    ResolveMissed = 8,

    /// <summary>One business day before a solved ticket closes itself: the requester is reminded to approve or reject.</summary>
    AutoCloseWarning = 16,
}

/// <summary>Where a ticket stands against its targets.</summary>
public enum ServiceLevelState
{
    /// <summary>No clock (a ticket older than service levels that was never recomputed).</summary>
    None = 0,
    OnTrack = 1,
    AtRisk = 2,
    Breached = 3,

    /// <summary>Solved or closed within its targets.</summary>
    Met = 4,
}

/// <summary>The targets a ticket runs against, in business minutes, and the share of them that warns.</summary>
public sealed record ServiceLevelTerms(int OwnMinutes, int ResolveMinutes, int WarningPercent, int BusinessDayMinutes)
{
    public static ServiceLevelTerms Checked(int ownMinutes, int resolveMinutes, int warningPercent, int businessDayMinutes) =>
        ownMinutes < 1 || resolveMinutes < 1 || warningPercent is < 1 or > 99 || businessDayMinutes < 1
            ? throw new DomainException("common.invalid_value")
            : new ServiceLevelTerms(ownMinutes, resolveMinutes, warningPercent, businessDayMinutes);
}

/// <summary>
/// A ticket's two service-level clocks as values: the targets it runs against, the instants at which each
/// threshold is crossed (computed in business time from the creation), the business minutes the resolve clock
/// was paused (Pending, or Solved until a rejection), the levels already raised, and the next instant the
/// escalation job must look at the ticket. Immutable: every change yields a new clock.
/// </summary>
public sealed record ServiceLevelClock
{
    public static ServiceLevelClock None { get; } = new();

    public int OwnTargetMinutes { get; init; }

    public int ResolveTargetMinutes { get; init; }

    public int WarningPercent { get; init; }

    public DateTimeOffset OwnWarnAt { get; init; }

    public DateTimeOffset OwnDueAt { get; init; }

    public DateTimeOffset ResolveWarnAt { get; init; }

    /// <summary>When the resolve target is missed if the clock keeps running (paused time already added).</summary>
    public DateTimeOffset ResolveDueAt { get; init; }

    /// <summary>Business minutes the resolve clock has been paused so far (closed pauses only).</summary>
    public double PausedMinutes { get; init; }

    /// <summary>Set while the resolve clock is paused (Pending, Solved, Closed).</summary>
    public DateTimeOffset? PausedSince { get; init; }

    /// <summary>While Solved: one business day before the automatic closure.</summary>
    public DateTimeOffset? AutoCloseWarnAt { get; init; }

    public EscalationLevel Fired { get; init; }

    /// <summary>The earliest instant at which a level not yet raised becomes due; null when nothing is left to raise.</summary>
    public DateTimeOffset? NextEscalationAt { get; init; }

    public bool IsRunning => OwnTargetMinutes > 0;

    public bool IsPaused => PausedSince is not null;

    public static ServiceLevelClock Start(DateTimeOffset createdAt, ServiceLevelTerms terms, IBusinessCalendar calendar) =>
        new ServiceLevelClock().Retarget(createdAt, terms, calendar);

    /// <summary>New targets (urgency changed, or an explicit recompute): the thresholds move; levels already raised stay raised.</summary>
    public ServiceLevelClock Retarget(DateTimeOffset createdAt, ServiceLevelTerms terms, IBusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(calendar);
        var clock = this with
        {
            OwnTargetMinutes = terms.OwnMinutes,
            ResolveTargetMinutes = terms.ResolveMinutes,
            WarningPercent = terms.WarningPercent,
            OwnWarnAt = calendar.AddBusinessMinutes(createdAt, terms.OwnMinutes * terms.WarningPercent / 100.0),
            OwnDueAt = calendar.AddBusinessMinutes(createdAt, terms.OwnMinutes),
        };
        return clock.ResolveThresholds(createdAt, calendar);
    }

    /// <summary>The resolve clock stops (Pending, Solved, Closed).</summary>
    public ServiceLevelClock Pause(DateTimeOffset now) => IsPaused ? this : this with { PausedSince = now };

    /// <summary>The resolve clock runs again; the paused business time moves its thresholds later.</summary>
    public ServiceLevelClock Resume(DateTimeOffset createdAt, DateTimeOffset now, IBusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (PausedSince is not { } since)
        {
            return this;
        }

        var clock = this with
        {
            PausedMinutes = PausedMinutes + calendar.BusinessMinutesBetween(since, now),
            PausedSince = null,
            AutoCloseWarnAt = null,
            Fired = Fired & ~EscalationLevel.AutoCloseWarning,
        };
        return clock.ResolveThresholds(createdAt, calendar);
    }

    /// <summary>Where the ticket stands at <paramref name="now"/>; <paramref name="ownedAt"/> stops the time to own.</summary>
    public ServiceLevelState StateAt(DateTimeOffset now, DateTimeOffset? ownedAt, bool finished)
    {
        if (!IsRunning)
        {
            return ServiceLevelState.None;
        }

        var ownStop = ownedAt ?? now;
        var resolveStop = PausedSince ?? now;
        if (ownStop > OwnDueAt || resolveStop > ResolveDueAt)
        {
            return ServiceLevelState.Breached;
        }

        if (finished)
        {
            return ServiceLevelState.Met;
        }

        return (ownedAt is null && now >= OwnWarnAt) || resolveStop >= ResolveWarnAt ? ServiceLevelState.AtRisk : ServiceLevelState.OnTrack;
    }

    /// <summary>The instant a level becomes due, or null when it does not apply in this situation.</summary>
    public DateTimeOffset? DueAt(EscalationLevel level, bool open, bool owned) => level switch
    {
        EscalationLevel.OwnNearing when open && !owned => OwnWarnAt,
        EscalationLevel.OwnMissed when open && !owned => OwnDueAt,
        EscalationLevel.ResolveNearing when open && !IsPaused => ResolveWarnAt,
        EscalationLevel.ResolveMissed when open && !IsPaused => ResolveDueAt,
        EscalationLevel.AutoCloseWarning => AutoCloseWarnAt,
        _ => null,
    };

    public static readonly EscalationLevel[] Levels =
        [EscalationLevel.OwnNearing, EscalationLevel.OwnMissed, EscalationLevel.ResolveNearing, EscalationLevel.ResolveMissed, EscalationLevel.AutoCloseWarning];

    /// <summary>The clock with <see cref="NextEscalationAt"/> recomputed for the ticket's situation.</summary>
    public ServiceLevelClock Scheduled(bool open, bool owned)
    {
        DateTimeOffset? next = null;
        if (IsRunning)
        {
            foreach (var level in Levels)
            {
                if ((Fired & level) == 0 && DueAt(level, open, owned) is { } at && (next is null || at < next))
                {
                    next = at;
                }
            }
        }

        return NextEscalationAt == next ? this : this with { NextEscalationAt = next };
    }

    private ServiceLevelClock ResolveThresholds(DateTimeOffset createdAt, IBusinessCalendar calendar) => this with
    {
        ResolveWarnAt = calendar.AddBusinessMinutes(createdAt, (ResolveTargetMinutes * WarningPercent / 100.0) + PausedMinutes),
        ResolveDueAt = calendar.AddBusinessMinutes(createdAt, ResolveTargetMinutes + PausedMinutes),
    };
}
