namespace MesaServicios.Application.ServiceLevels;

internal static class ServiceLevelsMessages
{
    public static readonly IReadOnlyDictionary<string, (string Es, string En)> Entries = new Dictionary<string, (string Es, string En)>
    {
        ["servicelevels.year_invalid"] = ("El año debe estar entre 1984 y 9998.", "The year must be between 1984 and 9998."),
        ["servicelevels.day_invalid"] = ("El día debe ser Monday, Tuesday, Wednesday, Thursday, Friday, Saturday o Sunday.", "The day must be Monday, Tuesday, Wednesday, Thursday, Friday, Saturday or Sunday."),
        ["servicelevels.day_repeated"] = ("Cada día puede aparecer una sola vez.", "Each day may appear only once."),
        ["servicelevels.week_required"] = ("Indica al menos un día hábil.", "Give at least one working day."),
        ["servicelevels.time_invalid"] = ("La hora debe tener el formato HH:mm (p. ej. 07:00).", "The time must look like HH:mm (e.g. 07:00)."),
        ["servicelevels.hours_order"] = ("La hora de cierre debe ser posterior a la de apertura.", "The closing time must be after the opening time."),
        ["servicelevels.date_invalid"] = ("La fecha debe tener el formato AAAA-MM-DD.", "The date must look like YYYY-MM-DD."),
        ["servicelevels.closure_dates_order"] = ("La fecha final no puede ser anterior a la inicial.", "The end date cannot be before the start date."),
        ["servicelevels.closure_too_long"] = ("Un cierre puede durar máximo {0} días.", "A closure may last at most {0} days."),
        ["servicelevels.closure_reason_required"] = ("Indica el motivo del cierre (máximo 200 caracteres).", "Give the reason for the closure (at most 200 characters)."),
        ["servicelevels.closure_not_found"] = ("El cierre no existe.", "The closure does not exist."),
        ["servicelevels.targets_required"] = ("Indica al menos un objetivo.", "Give at least one target."),
        ["servicelevels.urgency_invalid"] = ("La urgencia debe ser VeryLow, Low, Medium, High o VeryHigh.", "The urgency must be VeryLow, Low, Medium, High or VeryHigh."),
        ["servicelevels.type_invalid"] = ("El tipo debe ser Incident, Request o vacío (todos).", "The type must be Incident, Request or empty (all)."),
        ["servicelevels.target_repeated"] = ("Cada combinación de urgencia y tipo puede aparecer una sola vez.", "Each urgency and type may appear only once."),
        ["servicelevels.own_target_range"] = ("El tiempo para asumir debe estar entre 1 y {0} minutos hábiles: la oficina promete respuesta en máximo 5 días hábiles.", "The time to own must be between 1 and {0} business minutes: the office promises an answer within 5 business days."),
        ["servicelevels.resolve_target_range"] = ("El tiempo para resolver debe estar entre {0} (el tiempo para asumir) y {1} minutos hábiles.", "The time to resolve must be between {0} (the time to own) and {1} business minutes."),
        ["servicelevels.targets_exceed_promise"] = ("Con ese horario, el objetivo de {0} superaría la promesa de 5 días hábiles; ajusta primero los objetivos.", "With those hours the target for {0} would exceed the 5-business-day promise; change the targets first."),
    };
}
