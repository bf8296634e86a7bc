using MesaServicios.Application.Common.Reference;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets.Reference;

/// <summary>
/// The Tickets module's reference sets, in the institution's own words where its help text defines them (incident
/// vs request, the five urgency levels). Statuses carry GLPI's numeric codes.
/// </summary>
internal sealed class TicketReferenceData : IReferenceDataContributor
{
    public IEnumerable<ReferenceSet> Sets() =>
    [
        new("ticketTypes",
        [
            ReferenceItems.Of(TicketType.Incident, "Incidencia", "Incident",
                "Algo relacionado con un daño en los servicios: un problema con los equipos físicos o una falla de alguno de los programas o aplicaciones que usas.",
                "Something related to damage to the services: a problem with physical equipment or a failure of one of the programs or applications you use."),
            ReferenceItems.Of(TicketType.Request, "Requerimiento", "Request",
                "Una solicitud de información, usuarios, servicios, equipos y demás.",
                "A request for information, user accounts, services, equipment and the like."),
        ]),
        new("urgencies",
        [
            ReferenceItems.Of(Urgency.VeryHigh, "Muy urgente", "Very high",
                "Un inconveniente o solicitud que, si no se atiende, detiene mis actividades o los objetivos de mi área desde el día en que se presenta.",
                "A problem or request that, unless handled, stops my activities or my area's objectives from the day it happens."),
            ReferenceItems.Of(Urgency.High, "Alta", "High",
                "Puedo continuar con mis labores algunos días, pero necesito el servicio para enfocar mi proceso.",
                "I can carry on with my work for some days, but I need the service to focus my process."),
            ReferenceItems.Of(Urgency.Medium, "Mediana", "Medium",
                "No afecta de manera muy significativa mi flujo de trabajo y se puede resolver a corto plazo.",
                "It does not affect my work very significantly and can be solved in the short term."),
            ReferenceItems.Of(Urgency.Low, "Baja", "Low",
                "No afecta mi flujo de trabajo y se puede resolver a mediano plazo.",
                "It does not affect my work and can be solved in the medium term."),
            ReferenceItems.Of(Urgency.VeryLow, "Muy baja", "Very low",
                "No afecta mi flujo de trabajo y se puede resolver a largo plazo.",
                "It does not affect my work and can be solved in the long term."),
        ]),
        new("impacts", Levels<Impact>()),
        new("priorities", Levels<Priority>()),
        new("ticketStatuses",
        [
            ReferenceItems.Of(TicketStatus.New, "Nuevo", "New", "Recién creado; aún nadie de la Oficina TIC lo ha tomado.", "Just created; nobody at the ICT office has taken it yet."),
            ReferenceItems.Of(TicketStatus.InProgress, "En curso", "In progress", "Un técnico lo está atendiendo.", "A technician is working on it."),
            ReferenceItems.Of(TicketStatus.Pending, "En espera", "Pending", "En espera de una respuesta del solicitante o de un tercero.", "Waiting for an answer from the requester or a third party."),
            ReferenceItems.Of(TicketStatus.Solved, "Resuelto", "Solved", "El técnico propuso una solución; el solicitante puede aprobarla o rechazarla.", "The technician proposed a solution; the requester may approve or reject it."),
            ReferenceItems.Of(TicketStatus.Closed, "Cerrado", "Closed", "Terminado: la solución fue aprobada o el plazo para responder venció.", "Finished: the solution was approved or the time to answer ran out."),
        ]),
        new("ticketSources",
        [
            ReferenceItems.Of(TicketSource.Portal, "Portal", "Portal"),
            ReferenceItems.Of(TicketSource.Phone, "Teléfono", "Phone"),
            ReferenceItems.Of(TicketSource.Email, "Correo electrónico", "E-mail"),
        ]),
    ];

    private static ReferenceItem[] Levels<T>()
        where T : struct, Enum =>
    [
        ReferenceItems.Of((T)(object)5, "Muy alta", "Very high"),
        ReferenceItems.Of((T)(object)4, "Alta", "High"),
        ReferenceItems.Of((T)(object)3, "Mediana", "Medium"),
        ReferenceItems.Of((T)(object)2, "Baja", "Low"),
        ReferenceItems.Of((T)(object)1, "Muy baja", "Very low"),
    ];
}
