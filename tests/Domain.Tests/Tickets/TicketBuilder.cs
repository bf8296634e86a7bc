using MesaServicios.Domain.Tickets;

namespace MesaServicios.Domain.Tests.Tickets;

/// <summary>Tickets in every status, with a requester, an observer and an assigned technician.</summary>
internal static class TicketBuilder
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 13, 0, 0, TimeSpan.Zero);

    public static readonly TicketActor Requester = TicketActor.Requester(Guid.Parse("00000000-0000-0000-0000-00000000000a"));
    public static readonly TicketActor Observer = TicketActor.Requester(Guid.Parse("00000000-0000-0000-0000-00000000000b"));
    public static readonly TicketActor Stranger = TicketActor.Requester(Guid.Parse("00000000-0000-0000-0000-00000000000c"));
    public static readonly TicketActor Desk = TicketActor.Desk(Guid.Parse("00000000-0000-0000-0000-00000000000d"));
    public static readonly Guid OtherTechnician = Guid.Parse("00000000-0000-0000-0000-00000000000e");
    public static readonly Guid NewObserver = Guid.Parse("00000000-0000-0000-0000-00000000000f");

    public static Ticket Open(Urgency urgency = Urgency.Medium, TicketSource source = TicketSource.Portal)
    {
        var snapshot = new RequesterSnapshot("Ana Pérez", "Biblioteca", "3001234567");
        const string title = "La impresora no imprime";
        const string description = "Desde esta mañana la impresora muestra un error de papel.";
        var draft = source switch
        {
            TicketSource.Portal => TicketDraft.FromPortal(Requester, snapshot, title, description, TicketType.Incident, urgency),
            TicketSource.Email when urgency == Urgency.Medium => TicketDraft.FromEmail(Requester, snapshot, title, description, TicketType.Incident),
            _ => throw new ArgumentOutOfRangeException(nameof(source), "Portal at any urgency, or Email at Medium."),
        };
        return Ticket.Open(draft with { ObserverIds = [Observer.UserId] }, PriorityMatrix.Default, Start);
    }

    public static Ticket InStatus(TicketStatus status)
    {
        var ticket = Open();
        var now = Start.AddHours(1);
        if (status == TicketStatus.New)
        {
            return ticket;
        }

        ticket.Assign(Desk, Desk.UserId, now);
        switch (status)
        {
            case TicketStatus.Pending:
                ticket.PutPending(Desk, "Esperando al proveedor", now);
                break;
            case TicketStatus.Solved:
                ticket.Solve(Desk, "Se cambió el rodillo", now);
                break;
            case TicketStatus.Closed:
                ticket.Solve(Desk, "Se cambió el rodillo", now);
                ticket.Approve(Requester, "Gracias", now);
                break;
        }

        ticket.DequeueDomainEvents();
        return ticket;
    }

    /// <summary>Performs one action as the given actor (the system acts with a null actor).</summary>
    public static void Perform(Ticket ticket, TicketAction action, TicketActor? actor)
    {
        var now = Start.AddDays(30);
        switch (action)
        {
            case TicketAction.Assign:
                ticket.Assign(actor!, OtherTechnician, now);
                break;
            case TicketAction.Reassign:
                ticket.Reassign(actor!, OtherTechnician, now);
                break;
            case TicketAction.Unassign:
                ticket.Unassign(actor!, now);
                break;
            case TicketAction.AddPublicFollowUp:
                ticket.AddFollowUp(actor!, "Un mensaje", false, TicketSource.Portal, now);
                break;
            case TicketAction.AddPrivateFollowUp:
                ticket.AddFollowUp(actor!, "Nota interna", true, TicketSource.Portal, now);
                break;
            case TicketAction.PutPending:
                ticket.PutPending(actor!, "Esperando respuesta", now);
                break;
            case TicketAction.Solve:
                ticket.Solve(actor!, "Solución aplicada", now);
                break;
            case TicketAction.Approve:
                ticket.Approve(actor!, null, now);
                break;
            case TicketAction.Reject:
                ticket.Reject(actor!, "No funciona", now);
                break;
            case TicketAction.AddObserver:
                ticket.AddObserver(actor!, NewObserver, now);
                break;
            case TicketAction.RemoveObserver:
                ticket.RemoveObserver(actor!, Observer.UserId, now);
                break;
            case TicketAction.SetImpact:
                ticket.SetImpact(actor!, Impact.High, PriorityMatrix.Default, now);
                break;
            case TicketAction.SetCategory:
                ticket.SetCategory(actor!, 3, now);
                break;
            case TicketAction.SetUrgency:
                ticket.ChangeUrgency(actor!, Urgency.VeryHigh, PriorityMatrix.Default, new ServiceLevelTerms(60, 600, 75, 600), MesaServicios.Domain.ServiceLevels.BusinessCalendar.Default, now);
                break;
            case TicketAction.CloseAutomatically when actor is not null:
                // Only the system closes automatically: the check every caller goes through.
                ticket.EnsureCan(action, actor);
                break;
            case TicketAction.CloseAutomatically:
                ticket.CloseAutomatically(now, TimeSpan.FromDays(5));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }
}
