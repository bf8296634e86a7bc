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
            Item(TicketType.Incident, "Incidencia", "Incident",
                "Algo relacionado con un daño en los servicios: un problema con los equipos físicos o una falla de alguno de los programas o aplicaciones que usas.",
                "Something related to damage to the services: a problem with physical equipment or a failure of one of the programs or applications you use."),
            Item(TicketType.Request, "Requerimiento", "Request",
                "Una solicitud de información, usuarios, servicios, equipos y demás.",
                "A request for information, user accounts, services, equipment and the like."),
        ]),
        new("urgencies",
        [
            Item(Urgency.VeryHigh, "Muy urgente", "Very high",
                "Un inconveniente o solicitud que, si no se atiende, detiene mis actividades o los objetivos de mi área desde el día en que se presenta.",
                "A problem or request that, unless handled, stops my activities or my area's objectives from the day it happens."),
            Item(Urgency.High, "Alta", "High",
                "Puedo continuar con mis labores algunos días, pero necesito el servicio para enfocar mi proceso.",
                "I can carry on with my work for some days, but I need the service to focus my process."),
            Item(Urgency.Medium, "Mediana", "Medium",
                "No afecta de manera muy significativa mi flujo de trabajo y se puede resolver a corto plazo.",
                "It does not affect my work very significantly and can be solved in the short term."),
            Item(Urgency.Low, "Baja", "Low",
                "No afecta mi flujo de trabajo y se puede resolver a mediano plazo.",
                "It does not affect my work and can be solved in the medium term."),
            Item(Urgency.VeryLow, "Muy baja", "Very low",
                "No afecta mi flujo de trabajo y se puede resolver a largo plazo.",
                "It does not affect my work and can be solved in the long term."),
        ]),
        new("impacts", Levels<Impact>()),
        new("priorities", Levels<Priority>()),
        new("ticketStatuses",
        [
            Item(TicketStatus.New, "Nuevo", "New", "Recién creado; aún nadie de la Oficina TIC lo ha tomado.", "Just created; nobody at the ICT office has taken it yet."),
            Item(TicketStatus.InProgress, "En curso", "In progress", "Un técnico lo está atendiendo.", "A technician is working on it."),
            Item(TicketStatus.Pending, "En espera", "Pending", "En espera de una respuesta del solicitante o de un tercero.", "Waiting for an answer from the requester or a third party."),
            Item(TicketStatus.Solved, "Resuelto", "Solved", "El técnico propuso una solución; el solicitante puede aprobarla o rechazarla.", "The technician proposed a solution; the requester may approve or reject it."),
            Item(TicketStatus.Closed, "Cerrado", "Closed", "Terminado: la solución fue aprobada o el plazo para responder venció.", "Finished: the solution was approved or the time to answer ran out."),
        ]),
        new("ticketSources",
        [
            Item(TicketSource.Portal, "Portal", "Portal"),
            Item(TicketSource.Phone, "Teléfono", "Phone"),
            Item(TicketSource.Email, "Correo electrónico", "E-mail"),
        ]),
    ];

    private static ReferenceItem[] Levels<T>()
        where T : struct, Enum =>
    [
        Item((T)(object)5, "Muy alta", "Very high"),
        Item((T)(object)4, "Alta", "High"),
        Item((T)(object)3, "Mediana", "Medium"),
        Item((T)(object)2, "Baja", "Low"),
        Item((T)(object)1, "Muy baja", "Very low"),
    ];

    private static ReferenceItem Item<T>(T value, string es, string en, string? definitionEs = null, string? definitionEn = null)
        where T : struct, Enum =>
        new(value.ToString(), Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture), new LocalizedText(es, en),
            definitionEs is null ? null : new LocalizedText(definitionEs, definitionEn!));
}
