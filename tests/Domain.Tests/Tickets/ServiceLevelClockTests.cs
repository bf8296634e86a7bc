using MesaServicios.Domain.ServiceLevels;
using MesaServicios.Domain.Tickets;
using MesaServicios.Domain.Tickets.Events;
using static MesaServicios.Domain.Tests.Tickets.TicketBuilder;

namespace MesaServicios.Domain.Tests.Tickets;

/// <summary>
/// The ticket's service-level clock. <see cref="TicketBuilder.Start"/> is Monday 2 March 2026, 08:00 in Bogota;
/// terms: 600 business minutes to own, 1,200 to resolve, warnings at 75 %.
/// </summary>
public sealed class ServiceLevelClockTests
{
    private static readonly TimeSpan Bogota = TimeSpan.FromHours(-5);
    private static readonly BusinessCalendar Calendar = BusinessCalendar.Default;
    private static readonly ServiceLevelTerms Terms = new(600, 1_200, 75, 600);
    private const EscalationLevel All = EscalationLevel.OwnNearing | EscalationLevel.OwnMissed | EscalationLevel.ResolveNearing | EscalationLevel.ResolveMissed | EscalationLevel.AutoCloseWarning;

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Bogota);

    private static Ticket Started()
    {
        var ticket = Open();
        ticket.StartServiceLevel(Terms, Calendar);
        ticket.DequeueDomainEvents();
        return ticket;
    }

    private static void Sync(Ticket ticket, DateTimeOffset now) => ticket.SyncServiceLevel(Calendar, 600, TimeSpan.FromDays(5), now);

    [Fact]
    public void Start_ComputesTheDueDatesInBusinessTime()
    {
        var ticket = Started();

        Assert.Equal(Local(3, 2, 15, 30), ticket.ServiceLevel.OwnWarnAt);
        Assert.Equal(Local(3, 3, 8, 0), ticket.ServiceLevel.OwnDueAt);
        Assert.Equal(Local(3, 3, 13, 0), ticket.ServiceLevel.ResolveWarnAt);
        Assert.Equal(Local(3, 4, 8, 0), ticket.ServiceLevel.ResolveDueAt);
        Assert.Equal(Local(3, 2, 15, 30), ticket.ServiceLevel.NextEscalationAt);
        Assert.Equal(ServiceLevelState.OnTrack, ticket.ServiceLevelStateAt(Local(3, 2, 9, 0)));
        Assert.Equal(ServiceLevelState.AtRisk, ticket.ServiceLevelStateAt(Local(3, 2, 16, 0)));
        Assert.Equal(ServiceLevelState.Breached, ticket.ServiceLevelStateAt(Local(3, 3, 9, 0)));
    }

    [Fact]
    public void Pending_PausesTheResolveClock_AndThePausedBusinessTimeMovesTheDueDate()
    {
        var ticket = Started();
        ticket.Assign(Desk, Desk.UserId, Local(3, 2, 9, 0));
        Sync(ticket, Local(3, 2, 9, 0));

        ticket.PutPending(Desk, "Esperando al proveedor", Local(3, 2, 10, 0));
        Sync(ticket, Local(3, 2, 10, 0));
        Assert.True(ticket.ServiceLevel.IsPaused);
        Assert.Null(ticket.ServiceLevel.NextEscalationAt);

        // The requester answers the next day at 10:00: 600 business minutes paused (10:00 → 17:00, 07:00 → 10:00).
        ticket.AddFollowUp(Requester, "Ya llegó el repuesto.", false, TicketSource.Portal, Local(3, 3, 10, 0));
        Sync(ticket, Local(3, 3, 10, 0));

        Assert.False(ticket.ServiceLevel.IsPaused);
        Assert.Equal(600, ticket.ServiceLevel.PausedMinutes, 6);
        Assert.Equal(Local(3, 5, 8, 0), ticket.ServiceLevel.ResolveDueAt);
        Assert.Equal(Local(3, 4, 13, 0), ticket.ServiceLevel.ResolveWarnAt);
    }

    [Fact]
    public void RejectedSolution_ResumesTheClock_AfterTheTimeSpentSolved()
    {
        var ticket = Started();
        ticket.Assign(Desk, Desk.UserId, Local(3, 2, 9, 0));
        ticket.Solve(Desk, "Se cambió el rodillo", Local(3, 2, 12, 0));
        Sync(ticket, Local(3, 2, 12, 0));
        Assert.True(ticket.ServiceLevel.IsPaused);
        Assert.Equal(ServiceLevelState.Met, ticket.ServiceLevelStateAt(Local(3, 20, 12, 0)));

        ticket.Reject(Requester, "Sigue sin imprimir", Local(3, 2, 14, 0));
        Sync(ticket, Local(3, 2, 14, 0));

        Assert.False(ticket.ServiceLevel.IsPaused);
        Assert.Equal(120, ticket.ServiceLevel.PausedMinutes, 6);
        Assert.Equal(Local(3, 4, 10, 0), ticket.ServiceLevel.ResolveDueAt);
    }

    [Fact]
    public void ChangingTheUrgency_RecomputesPriorityAndDueDates_AndIsRecorded()
    {
        var ticket = Started();

        ticket.ChangeUrgency(Desk, Urgency.VeryHigh, PriorityMatrix.Default, new ServiceLevelTerms(60, 600, 75, 600), Calendar, Local(3, 2, 8, 30));

        Assert.Equal(Urgency.VeryHigh, ticket.Urgency);
        Assert.Equal(PriorityMatrix.Default.PriorityOf(Urgency.VeryHigh, Impact.Medium), ticket.Priority);
        Assert.Equal(Local(3, 2, 9, 0), ticket.ServiceLevel.OwnDueAt);
        Assert.Equal(Local(3, 3, 8, 0), ticket.ServiceLevel.ResolveDueAt);
        Assert.Equal(TicketHistoryKind.UrgencyChanged, ticket.History[^1].Kind);
        Assert.Equal("VeryHigh", ticket.History[^1].Text);
    }

    [Fact]
    public void Escalate_RaisesEachLevelOnce_InOrder()
    {
        var ticket = Started();
        var priority = ticket.Priority;

        Assert.Empty(ticket.Escalate(Local(3, 2, 15, 0), All));
        Assert.Equal([EscalationLevel.OwnNearing], ticket.Escalate(Local(3, 2, 15, 31), All));
        Assert.Empty(ticket.Escalate(Local(3, 2, 15, 32), All));
        Assert.Equal(Local(3, 3, 8, 0), ticket.ServiceLevel.NextEscalationAt);

        Assert.Equal([EscalationLevel.OwnMissed], ticket.Escalate(Local(3, 3, 8, 0), All));
        Assert.Equal(priority + 1, ticket.Priority);
        Assert.Empty(ticket.Escalate(Local(3, 3, 8, 1), All));

        var events = ticket.DequeueDomainEvents().OfType<TicketEscalated>().ToList();
        Assert.Equal([EscalationLevel.OwnNearing, EscalationLevel.OwnMissed], events.Select(e => e.Level));
        Assert.False(events[0].ToAdministrators);
        Assert.True(events[1].ToAdministrators);
        Assert.Equal(2, ticket.History.Count(h => h.Kind == TicketHistoryKind.Escalated));
    }

    [Fact]
    public void Escalate_AfterDowntime_RaisesEveryMissedLevelOnce()
    {
        var ticket = Started();

        var raised = ticket.Escalate(Local(3, 10, 9, 0), All);

        Assert.Equal([EscalationLevel.OwnNearing, EscalationLevel.OwnMissed, EscalationLevel.ResolveNearing, EscalationLevel.ResolveMissed], raised);
        Assert.Null(ticket.ServiceLevel.NextEscalationAt);
        Assert.Empty(ticket.Escalate(Local(3, 11, 9, 0), All));
    }

    [Fact]
    public void Escalate_OwnedTicket_HasNoOwnLevels_AndPendingHasNoResolveLevels()
    {
        var ticket = Started();
        ticket.Assign(Desk, Desk.UserId, Local(3, 2, 9, 0));
        Sync(ticket, Local(3, 2, 9, 0));
        Assert.Equal(Local(3, 3, 13, 0), ticket.ServiceLevel.NextEscalationAt);

        ticket.PutPending(Desk, "Esperando", Local(3, 2, 10, 0));
        Sync(ticket, Local(3, 2, 10, 0));

        Assert.Empty(ticket.Escalate(Local(3, 20, 9, 0), All));
        Assert.Equal(ServiceLevelState.OnTrack, ticket.ServiceLevelStateAt(Local(3, 20, 9, 0)));
    }

    [Fact]
    public void Escalate_DisabledLevels_PassSilently()
    {
        var ticket = Started();

        var raised = ticket.Escalate(Local(3, 3, 9, 0), EscalationLevel.OwnMissed);

        Assert.Equal([EscalationLevel.OwnMissed], raised);
        Assert.Equal(EscalationLevel.OwnNearing | EscalationLevel.OwnMissed, ticket.ServiceLevel.Fired);
        Assert.Single(ticket.History, h => h.Kind == TicketHistoryKind.Escalated);
    }

    [Fact]
    public void SolvedTicket_WarnsTheRequesterOneBusinessDayBeforeItClosesItself_Once()
    {
        var ticket = Started();
        ticket.Assign(Desk, Desk.UserId, Local(3, 2, 9, 0));
        ticket.Solve(Desk, "Se cambió el rodillo", Local(3, 2, 12, 0));
        Sync(ticket, Local(3, 2, 12, 0));

        // Closes by itself Saturday 7 March 12:00; one business day earlier: Friday 6 March 07:00.
        Assert.Equal(Local(3, 6, 7, 0), ticket.ServiceLevel.AutoCloseWarnAt);
        Assert.Equal(Local(3, 6, 7, 0), ticket.ServiceLevel.NextEscalationAt);
        Assert.Empty(ticket.Escalate(Local(3, 5, 16, 0), All));
        Assert.Equal([EscalationLevel.AutoCloseWarning], ticket.Escalate(Local(3, 6, 7, 5), All));
        Assert.Empty(ticket.Escalate(Local(3, 6, 8, 0), All));
    }

    [Fact]
    public void Recompute_AppliesNewTerms_OnlyToOpenTickets_AndOnlyOnce()
    {
        var ticket = Started();
        var terms = new ServiceLevelTerms(120, 1_200, 75, 600);

        Assert.True(ticket.RecomputeServiceLevel(terms, Calendar, Local(3, 2, 8, 30)));
        Assert.Equal(Local(3, 2, 10, 0), ticket.ServiceLevel.OwnDueAt);
        Assert.False(ticket.RecomputeServiceLevel(terms, Calendar, Local(3, 2, 8, 31)));

        var closed = InStatus(TicketStatus.Closed);
        Assert.False(closed.RecomputeServiceLevel(terms, Calendar, Local(3, 2, 8, 30)));
    }
}
