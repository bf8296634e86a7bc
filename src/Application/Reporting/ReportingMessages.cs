namespace MesaServicios.Application.Reporting;

/// <summary>The Reporting module's texts: errors, labels of the values reported, CSV column headers and the monthly mail.</summary>
internal static class ReportingMessages
{
    public static readonly IReadOnlyDictionary<string, (string Es, string En)> Entries = new Dictionary<string, (string Es, string En)>
    {
        ["reporting.period_order"] = ("La fecha final (to) no puede ser anterior a la inicial (from).", "The end date (to) cannot be before the start date (from)."),
        ["reporting.period_too_long"] = ("Un reporte cubre máximo {0} días.", "A report covers at most {0} days."),
        ["reporting.category_unknown"] = ("La categoría no existe.", "The category does not exist."),
        ["reporting.department_too_long"] = ("La dependencia tiene máximo 150 caracteres.", "The department has at most 150 characters."),
        ["reporting.dimension_invalid"] = ("El criterio (by) debe ser type, urgency, priority, status, category, department, technician o source.", "The grouping (by) must be type, urgency, priority, status, category, department, technician or source."),
        ["reporting.granularity_invalid"] = ("La agrupación debe ser day, week o month.", "The grouping must be day, week or month."),
        ["reporting.top_invalid"] = ("top debe estar entre 1 y 100.", "top must be between 1 and 100."),
        ["reporting.date_invalid"] = ("La fecha debe tener el formato AAAA-MM-DD.", "The date must look like YYYY-MM-DD."),

        ["reporting.none.category"] = ("Sin categoría", "No category"),
        ["reporting.none.department"] = ("Sin dependencia", "No department"),
        ["reporting.none.technician"] = ("Sin asignar", "Unassigned"),
        ["reporting.type.Incident"] = ("Incidente", "Incident"),
        ["reporting.type.Request"] = ("Solicitud", "Request"),
        ["reporting.level.VeryLow"] = ("Muy baja", "Very low"),
        ["reporting.level.Low"] = ("Baja", "Low"),
        ["reporting.level.Medium"] = ("Media", "Medium"),
        ["reporting.level.High"] = ("Alta", "High"),
        ["reporting.level.VeryHigh"] = ("Muy alta", "Very high"),
        ["reporting.status.New"] = ("Nuevo", "New"),
        ["reporting.status.InProgress"] = ("En curso", "In progress"),
        ["reporting.status.Pending"] = ("En espera", "Pending"),
        ["reporting.status.Solved"] = ("Solucionado", "Solved"),
        ["reporting.status.Closed"] = ("Cerrado", "Closed"),
        ["reporting.source.Portal"] = ("Portal", "Portal"),
        ["reporting.source.Phone"] = ("A nombre de otro (llamada)", "On behalf (call)"),
        ["reporting.source.Email"] = ("Correo electrónico", "E-mail"),

        ["reporting.age.UpTo2"] = ("0 a 2 días hábiles", "0 to 2 business days"),
        ["reporting.age.From3To5"] = ("3 a 5 días hábiles", "3 to 5 business days"),
        ["reporting.age.From6To10"] = ("6 a 10 días hábiles", "6 to 10 business days"),
        ["reporting.age.Over10"] = ("Más de 10 días hábiles", "More than 10 business days"),
        ["reporting.column.tickets"] = ("Tickets", "Tickets"),
        ["reporting.column.owned"] = ("Atendidos", "Owned"),
        ["reporting.column.own_p50"] = ("Tiempo de atención p50 (min hábiles)", "Time to own p50 (business min)"),
        ["reporting.column.own_p90"] = ("Tiempo de atención p90 (min hábiles)", "Time to own p90 (business min)"),
        ["reporting.column.resolve_p50"] = ("Tiempo de solución p50 (min hábiles)", "Time to resolve p50 (business min)"),
        ["reporting.column.resolve_p90"] = ("Tiempo de solución p90 (min hábiles)", "Time to resolve p90 (business min)"),
        ["reporting.column.group"] = ("Agrupación", "Grouping"),
        ["reporting.column.met"] = ("Cumplidos", "Met"),
        ["reporting.column.missed"] = ("Incumplidos", "Missed"),
        ["reporting.column.running"] = ("En curso", "Running"),
        ["reporting.column.compliance"] = ("Cumplimiento (%)", "Compliance (%)"),
        ["reporting.column.age"] = ("Antigüedad", "Age"),
        ["reporting.column.open"] = ("Abiertos", "Open"),
        ["reporting.column.solved_in_period"] = ("Solucionados en el periodo", "Solved in the period"),
        ["reporting.column.median_resolve"] = ("Mediana de solución (min hábiles)", "Median time to resolve (business min)"),
        ["reporting.group.urgency"] = ("Urgencia", "Urgency"),
        ["reporting.group.technician"] = ("Técnico", "Technician"),
        ["reporting.column.key"] = ("Clave", "Key"),
        ["reporting.column.label"] = ("Valor", "Value"),
        ["reporting.column.count"] = ("Tickets", "Tickets"),
        ["reporting.column.share"] = ("Porcentaje", "Share (%)"),
        ["reporting.column.period_start"] = ("Desde", "From"),
        ["reporting.column.opened"] = ("Abiertos", "Opened"),
        ["reporting.column.solved"] = ("Solucionados", "Solved"),
        ["reporting.column.kind"] = ("Tipo de problema", "Kind of problem"),
        ["reporting.column.previous_count"] = ("Periodo anterior", "Previous period"),
        ["reporting.column.change"] = ("Cambio (%)", "Change (%)"),
        ["reporting.kind.category"] = ("Categoría", "Category"),
        ["reporting.kind.term"] = ("Término", "Term"),
        ["reporting.column.id"] = ("Número", "Number"),
        ["reporting.column.created_at"] = ("Creado", "Created"),
        ["reporting.column.title"] = ("Título", "Title"),
        ["reporting.column.type"] = ("Tipo", "Type"),
        ["reporting.column.status"] = ("Estado", "Status"),
        ["reporting.column.urgency"] = ("Urgencia", "Urgency"),
        ["reporting.column.priority"] = ("Prioridad", "Priority"),
        ["reporting.column.source"] = ("Origen", "Source"),
        ["reporting.column.category"] = ("Categoría", "Category"),
        ["reporting.column.requester"] = ("Solicitante", "Requester"),
        ["reporting.column.department"] = ("Dependencia", "Department"),
        ["reporting.column.technician"] = ("Técnico", "Technician"),
        ["reporting.column.first_response_at"] = ("Primera atención", "First response"),
        ["reporting.column.solved_at"] = ("Solucionado", "Solved"),
        ["reporting.column.closed_at"] = ("Cerrado", "Closed"),
        ["reporting.column.proposed_at"] = ("Propuesta", "Proposed"),
        ["reporting.column.rejected_at"] = ("Rechazada", "Rejected"),
        ["reporting.column.reason"] = ("Motivo del solicitante", "Requester's reason"),
        ["reporting.column.reopened_at"] = ("Reabierto", "Reopened"),
        ["reporting.column.previous_status"] = ("Estado anterior", "Previous status"),
    };

    /// <summary>The label of an enum value reported (e.g. urgency High → "Alta").</summary>
    public static string Label(ReportDimension dimension, string? key, System.Globalization.CultureInfo culture)
    {
        var prefix = dimension switch
        {
            ReportDimension.Type => "reporting.type.",
            ReportDimension.Urgency or ReportDimension.Priority => "reporting.level.",
            ReportDimension.Status => "reporting.status.",
            ReportDimension.Source => "reporting.source.",
            _ => null,
        };
        return prefix is null || key is null ? key ?? string.Empty : Common.Localization.Messages.Get(prefix + key, culture);
    }
}
