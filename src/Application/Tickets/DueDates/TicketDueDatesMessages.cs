namespace MesaServicios.Application.Tickets.DueDates;

internal static class TicketDueDatesMessages
{
    public static readonly IReadOnlyDictionary<string, (string Es, string En)> Entries = new Dictionary<string, (string Es, string En)>
    {
        ["tickets.sla.next.OwnNearing"] = ("El {0} se avisará a los técnicos que el plazo para asumir el ticket está por vencer.", "On {0} the technicians will be warned that the time to own the ticket is running out."),
        ["tickets.sla.next.OwnMissed"] = ("El {0} vence el plazo para asumir el ticket: se avisará a los administradores y la prioridad subirá un nivel.", "On {0} the time to own the ticket runs out: the administrators will be told and the priority goes one step up."),
        ["tickets.sla.next.ResolveNearing"] = ("El {0} se avisará al técnico asignado que el plazo para resolver está por vencer.", "On {0} the assigned technician will be warned that the time to resolve is running out."),
        ["tickets.sla.next.ResolveMissed"] = ("El {0} vence el plazo para resolver: se avisará a los administradores.", "On {0} the time to resolve runs out: the administrators will be told."),
        ["tickets.sla.next.AutoCloseWarning"] = ("El {0} se recordará al solicitante que el ticket se cerrará solo si no aprueba o rechaza la solución.", "On {0} the requester will be reminded that the ticket closes by itself unless he approves or rejects the solution."),
        ["tickets.sla.next.paused"] = ("El plazo para resolver está en pausa ({0}); se reanuda cuando el ticket vuelva a En curso.", "The time to resolve is paused ({0}); it runs again when the ticket is back In progress."),
        ["tickets.sla.next.none"] = ("No queda ningún aviso pendiente para este ticket.", "No warning is left to raise for this ticket."),
        ["tickets.sla.next.no_clock"] = ("Este ticket no tiene plazos: es anterior a los niveles de servicio y no se recalculó.", "This ticket has no due dates: it predates service levels and was not recomputed."),
    };
}
