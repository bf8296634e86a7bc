using MesaServicios.Domain.Common;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.ServiceLevels.Contracts;

/// <summary>
/// The ServiceLevels module's facade: the business calendar and the targets in force, kept in memory (no query on
/// the hot path) and renewed when an administrator changes them. Tickets computes due dates with it; Reporting
/// measures business-time durations with <see cref="ServiceLevelSnapshot.Calendar"/>.
/// </summary>
public interface IServiceLevelCatalog
{
    ValueTask<ServiceLevelSnapshot> CurrentAsync(CancellationToken cancellationToken);
}

/// <summary>A target in business minutes for an urgency (and optionally a ticket type).</summary>
public sealed record ServiceLevelTargetTerms(Urgency Urgency, TicketType? Type, int OwnMinutes, int ResolveMinutes);

/// <summary>
/// The calendar and targets in force. <see cref="BusinessDayMinutes"/> is the shortest working day (what "one
/// business day" means for reminders); <see cref="EscalationLevels"/> are the levels the escalation job raises.
/// </summary>
public sealed record ServiceLevelSnapshot(
    IBusinessCalendar Calendar,
    IReadOnlyList<ServiceLevelTargetTerms> Targets,
    int WarningPercent,
    int BusinessDayMinutes,
    IReadOnlyList<string> EscalationLevels)
{
    /// <summary>The target for a ticket: its urgency and type, else its urgency.</summary>
    public ServiceLevelTargetTerms TargetFor(Urgency urgency, TicketType type) =>
        Targets.FirstOrDefault(t => t.Urgency == urgency && t.Type == type)
        ?? Targets.First(t => t.Urgency == urgency && t.Type is null);
}
