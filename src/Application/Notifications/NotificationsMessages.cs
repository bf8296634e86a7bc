namespace MesaServicios.Application.Notifications;

/// <summary>Everything the Notifications module says to people: errors, e-mails and in-app texts ({0} = ticket number, {1} = title).</summary>
internal static class NotificationsMessages
{
    public static readonly IReadOnlyDictionary<string, (string Es, string En)> Entries = new Dictionary<string, (string Es, string En)>
    {
        // Errors
        ["notifications.not_found"] = ("La notificación no existe.", "The notification does not exist."),
        ["notifications.outbox_not_found"] = ("El correo no existe en la bandeja de salida.", "The e-mail does not exist in the outbox."),
        ["notifications.outbox_not_dead_lettered"] = ("Solo se pueden reenviar correos que fallaron definitivamente.", "Only dead-lettered e-mails can be re-queued."),
        ["notifications.kind_unknown"] = ("El tipo de notificación '{0}' no existe.", "The notification kind '{0}' does not exist."),
        ["notifications.preference_locked"] = ("Los correos de seguridad ({0}) no se pueden desactivar.", "Security e-mails ({0}) cannot be turned off."),
        ["notifications.status_invalid"] = ("El estado debe ser Pending, Sent o DeadLettered.", "The status must be Pending, Sent or DeadLettered."),
        ["notifications.reason_required"] = ("Escribe el motivo del rechazo.", "Write the reason for the rejection."),

        // In-app titles and e-mail subjects
        ["notifications.ticket.created.title"] = ("Nuevo ticket #{0}: {1}", "New ticket #{0}: {1}"),
        ["notifications.ticket.created.requester.title"] = ("Recibimos tu ticket #{0}: {1}", "We received your ticket #{0}: {1}"),
        ["notifications.ticket.assigned.title"] = ("Ticket #{0} asignado: {1}", "Ticket #{0} assigned: {1}"),
        ["notifications.ticket.follow_up.title"] = ("Nuevo seguimiento en el ticket #{0}: {1}", "New follow-up on ticket #{0}: {1}"),
        ["notifications.ticket.private_follow_up.title"] = ("Nota privada en el ticket #{0}: {1}", "Private note on ticket #{0}: {1}"),
        ["notifications.ticket.pending.title"] = ("Ticket #{0} en espera: {1}", "Ticket #{0} pending: {1}"),
        ["notifications.ticket.solved.title"] = ("Ticket #{0} resuelto: {1}", "Ticket #{0} solved: {1}"),
        ["notifications.ticket.approved.title"] = ("Solución aprobada en el ticket #{0}: {1}", "Solution approved on ticket #{0}: {1}"),
        ["notifications.ticket.rejected.title"] = ("Solución rechazada en el ticket #{0}: {1}", "Solution rejected on ticket #{0}: {1}"),
        ["notifications.ticket.closed.title"] = ("Ticket #{0} cerrado: {1}", "Ticket #{0} closed: {1}"),
        ["notifications.ticket.sla_warning.title"] = ("El ticket #{0} está por vencer: {1}", "Ticket #{0} is nearly due: {1}"),
        ["notifications.ticket.escalated.title"] = ("Ticket #{0} escalado: {1}", "Ticket #{0} escalated: {1}"),
        ["notifications.ticket.auto_close_warning.title"] = ("Tu ticket #{0} se cerrará pronto: {1}", "Your ticket #{0} closes soon: {1}"),
        ["notifications.ticket.observer_added.title"] = ("Ahora eres observador del ticket #{0}: {1}", "You are now an observer of ticket #{0}: {1}"),

        // Opening sentence of each message
        ["notifications.ticket.created.intro"] = ("Se registró un nuevo ticket sin asignar. Tómalo o asígnalo a un técnico.", "A new unassigned ticket was registered. Take it or assign it to a technician."),
        ["notifications.ticket.created.assigned.intro"] = ("Se registró un nuevo ticket y está asignado a ti.", "A new ticket was registered and assigned to you."),
        ["notifications.ticket.created.observer.intro"] = ("Se registró un ticket en el que figuras como observador.", "A ticket was registered with you as an observer."),
        ["notifications.ticket.created.requester.intro"] = ("Recibimos tu ticket y le asignamos el número #{0}. Usa este número para cualquier consulta. La Oficina TIC responde dentro de los 5 días hábiles siguientes a su creación.", "We received your ticket and gave it number #{0}. Quote this number in any question. The ICT office answers within 5 business days of its creation."),
        ["notifications.ticket.assigned.intro"] = ("El ticket fue asignado a {2}.", "The ticket was assigned to {2}."),
        ["notifications.ticket.assigned.technician.intro"] = ("Se te asignó este ticket.", "This ticket was assigned to you."),
        ["notifications.ticket.follow_up.intro"] = ("Hay un nuevo seguimiento en el ticket.", "There is a new follow-up on the ticket."),
        ["notifications.ticket.private_follow_up.intro"] = ("Hay una nota privada (solo para técnicos) en el ticket.", "There is a private note (technicians only) on the ticket."),
        ["notifications.ticket.pending.intro"] = ("El ticket quedó en espera. Si te pedimos información, respóndenos para continuar.", "The ticket is pending. If we asked you for information, answer so that we can go on."),
        ["notifications.ticket.solved.intro"] = ("El técnico registró la solución del ticket.", "The technician recorded the solution of the ticket."),
        ["notifications.ticket.approved.intro"] = ("El solicitante aprobó la solución; el ticket quedó cerrado.", "The requester approved the solution; the ticket is closed."),
        ["notifications.ticket.rejected.intro"] = ("El solicitante rechazó la solución; el ticket volvió a estar en curso.", "The requester rejected the solution; the ticket is in progress again."),
        ["notifications.ticket.closed.intro"] = ("El ticket quedó cerrado.", "The ticket is closed."),
        ["notifications.ticket.closed.automatic.intro"] = ("El ticket se cerró automáticamente porque la solución no recibió respuesta en el plazo establecido.", "The ticket was closed automatically because the solution got no answer in time."),
        ["notifications.ticket.sla_warning.intro"] = ("El ticket está cerca de su fecha límite de atención ({2}).", "The ticket is close to its service-level due date ({2})."),
        ["notifications.ticket.escalated.intro"] = ("El ticket incumplió su nivel de servicio ({2}) y fue escalado a la coordinación.", "The ticket missed its service level ({2}) and was escalated to the coordination."),
        ["notifications.ticket.auto_close_warning.intro"] = ("El ticket tiene una solución sin respuesta y se cerrará automáticamente el {2}. Si el problema sigue, recházala indicando el motivo; si quedó resuelto, apruébala.", "The ticket has a solution without an answer and closes automatically on {2}. If the problem remains, reject it with the reason; if it is solved, approve it."),
        ["notifications.level.OwnNearing"] = ("plazo para asumir el ticket por vencer", "time to own the ticket nearly up"),
        ["notifications.level.OwnMissed"] = ("plazo para asumir el ticket vencido", "time to own the ticket missed"),
        ["notifications.level.ResolveNearing"] = ("plazo para resolver por vencer", "time to resolve nearly up"),
        ["notifications.level.ResolveMissed"] = ("plazo para resolver vencido", "time to resolve missed"),
        ["notifications.ticket.observer_added.intro"] = ("Te agregaron como observador de este ticket: recibirás sus seguimientos y su solución.", "You were added as an observer of this ticket: you will receive its follow-ups and its solution."),

        // Labels
        ["notifications.label.description"] = ("Descripción", "Description"),
        ["notifications.label.missing"] = ("Datos que faltan", "Missing details"),
        ["notifications.missing.name"] = ("Nombre del funcionario o contratista", "Name of the staff member or contractor"),
        ["notifications.missing.department"] = ("Dependencia", "Department"),
        ["notifications.missing.phone"] = ("Número de contacto", "Contact phone"),
        ["notifications.missing.detail"] = ("Detalle de la solicitud", "Detail of the request"),
        ["notifications.ticket.created.missing_intro"] = (
            "Para atenderlo nos faltan los datos de la lista. Responde a este correo indicándolos, uno por línea, por ejemplo «Dependencia: Biblioteca» o «Número de contacto: 3001234567».",
            "To work on it we still need the details listed below. Reply to this e-mail with them, one per line, for example \"Dependencia: Biblioteca\" or \"Número de contacto: 3001234567\"."),
        ["notifications.label.follow_up"] = ("Seguimiento", "Follow-up"),
        ["notifications.label.reason"] = ("Motivo", "Reason"),
        ["notifications.label.solution"] = ("Solución", "Solution"),
        ["notifications.label.comment"] = ("Comentario", "Comment"),
        ["notifications.label.summary"] = ("Resumen del ticket", "Ticket summary"),
        ["notifications.label.status"] = ("Estado", "Status"),
        ["notifications.label.requester"] = ("Solicitante", "Requester"),
        ["notifications.label.technician"] = ("Técnico asignado", "Assigned technician"),
        ["notifications.label.unassigned"] = ("sin asignar", "unassigned"),
        ["notifications.status.New"] = ("Nuevo", "New"),
        ["notifications.status.InProgress"] = ("En curso", "In progress"),
        ["notifications.status.Pending"] = ("En espera", "Pending"),
        ["notifications.status.Solved"] = ("Resuelto", "Solved"),
        ["notifications.status.Closed"] = ("Cerrado", "Closed"),

        // E-mail layout
        ["notifications.email.greeting"] = ("Hola, {0}:", "Hello {0},"),
        ["notifications.email.desk_team"] = ("equipo de la mesa", "desk team"),
        ["notifications.email.view_ticket"] = ("Ver el ticket #{0}", "View ticket #{0}"),
        ["notifications.email.reply_hint"] = ("Puedes responder a este correo para agregar un seguimiento al ticket.", "You can reply to this e-mail to add a follow-up to the ticket."),
        ["notifications.email.footer"] = ("Mesa de Servicios TIC · IES CINOC. Este es un mensaje automático.", "ICT Service Desk · IES CINOC. This is an automatic message."),
        ["notifications.email.preferences_hint"] = ("Puedes elegir qué correos recibir en tus preferencias de notificación.", "You can choose which e-mails you receive in your notification preferences."),
        ["notifications.email.solved_instructions"] = ("Revisa la solución. Si el problema quedó resuelto, apruébala y el ticket se cerrará. Si no, recházala explicando el motivo y el técnico seguirá trabajando en él. Puedes hacerlo en el portal o con estos enlaces (válidos {0} días, de un solo uso, sin iniciar sesión). Si no respondes, el ticket se cerrará automáticamente.", "Check the solution. If the problem is solved, approve it and the ticket will close. If not, reject it with the reason and the technician will keep working on it. You can do it in the portal or with these links (valid for {0} days, single use, no sign-in needed). If you do not answer, the ticket will close automatically."),
        ["notifications.email.approve"] = ("Aprobar la solución", "Approve the solution"),
        ["notifications.email.reject"] = ("Rechazar la solución", "Reject the solution"),

        // Account mails
        ["notifications.account.password_reset.subject"] = ("Restablece tu contraseña de la Mesa de Servicios", "Reset your Service Desk password"),
        ["notifications.account.password_reset.intro"] = ("Recibimos una solicitud para restablecer tu contraseña. Usa el siguiente enlace en los próximos {0} minutos para elegir una nueva.", "We received a request to reset your password. Use the link below within {0} minutes to choose a new one."),
        ["notifications.account.password_reset.action"] = ("Elegir una nueva contraseña", "Choose a new password"),
        ["notifications.account.password_reset.ignore"] = ("Si no lo pediste, ignora este mensaje: tu contraseña no cambia.", "If you did not ask for it, ignore this message: your password does not change."),
        ["notifications.account.invitation.subject"] = ("Tu cuenta en la Mesa de Servicios TIC", "Your ICT Service Desk account"),
        ["notifications.account.invitation.intro"] = ("La Oficina TIC creó tu cuenta con el correo {0}. Elige tu contraseña para empezar a registrar y seguir tus tickets.", "The ICT office created your account with the address {0}. Choose your password to start opening and following your tickets."),
        ["notifications.account.invitation.action"] = ("Elegir mi contraseña", "Choose my password"),
        ["notifications.account.invitation.validity"] = ("El enlace sirve una sola vez y durante {0} días. Si vence, usa «¿Olvidaste tu contraseña?» en la página de inicio de sesión.", "The link works once and for {0} days. If it expires, use \"Forgot your password?\" on the sign-in page."),

        // Action link pages
        ["notifications.link.approve.question"] = ("¿Apruebas la solución del ticket #{0}? El ticket se cerrará.", "Do you approve the solution of ticket #{0}? The ticket will close."),
        ["notifications.link.reject.question"] = ("¿Rechazas la solución del ticket #{0}? Cuéntanos por qué; el técnico seguirá trabajando en él.", "Do you reject the solution of ticket #{0}? Tell us why; the technician will keep working on it."),
        ["notifications.link.comment_placeholder"] = ("Comentario (opcional)", "Comment (optional)"),
        ["notifications.link.reason_placeholder"] = ("Motivo del rechazo (obligatorio)", "Reason for the rejection (required)"),
        ["notifications.link.confirm_approve"] = ("Sí, aprobar", "Yes, approve"),
        ["notifications.link.confirm_reject"] = ("Sí, rechazar", "Yes, reject"),
        ["notifications.link.approved"] = ("Listo: aprobaste la solución del ticket #{0} y quedó cerrado. ¡Gracias!", "Done: you approved the solution of ticket #{0} and it is closed. Thank you!"),
        ["notifications.link.rejected"] = ("Listo: rechazaste la solución del ticket #{0}; el técnico fue notificado.", "Done: you rejected the solution of ticket #{0}; the technician was notified."),
        ["notifications.link.invalid"] = ("Este enlace no es válido. Revisa que esté completo o entra al portal.", "This link is not valid. Check that it is complete, or go to the portal."),
        ["notifications.link.used"] = ("Este enlace ya se usó y no hace nada más. Puedes ver el ticket en el portal.", "This link was already used and does nothing more. You can see the ticket in the portal."),
        ["notifications.link.expired"] = ("Este enlace venció y no hace nada. Entra al portal para aprobar o rechazar la solución.", "This link has expired and does nothing. Go to the portal to approve or reject the solution."),
        ["notifications.link.refused"] = ("No se pudo completar la acción: {0}", "The action could not be completed: {0}"),
        ["notifications.link.page_title"] = ("Mesa de Servicios TIC", "ICT Service Desk"),
    };
}
