using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets.DueDates;

/// <summary>The ServiceLevels facade translated into the ticket clock's terms.</summary>
internal static class TicketDueDates
{
    /// <summary>Starts a new ticket's clocks with the targets of its urgency and type (from memory: no query).</summary>
    public static async ValueTask StartDueDatesAsync(this Ticket ticket, IServiceLevelCatalog serviceLevels, CancellationToken cancellationToken)
    {
        var snapshot = await serviceLevels.CurrentAsync(cancellationToken);
        ticket.StartServiceLevel(snapshot.TermsFor(ticket.Urgency, ticket.Type), snapshot.Calendar);
    }

    public static ServiceLevelTerms TermsFor(this ServiceLevelSnapshot snapshot, Urgency urgency, TicketType type)
    {
        var target = snapshot.TargetFor(urgency, type);
        return ServiceLevelTerms.Checked(target.OwnMinutes, target.ResolveMinutes, snapshot.WarningPercent, snapshot.BusinessDayMinutes);
    }

    public static EscalationLevel EnabledLevels(this ServiceLevelSnapshot snapshot) =>
        snapshot.EscalationLevels.Aggregate(EscalationLevel.None, (all, name) => Enum.TryParse<EscalationLevel>(name, out var level) ? all | level : all);
}
