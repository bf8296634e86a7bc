namespace MesaServicios.Application.Inbox;

internal static class InboxMessages
{
    public static readonly IReadOnlyDictionary<string, (string Es, string En)> Entries = new Dictionary<string, (string Es, string En)>
    {
        ["inbox.not_found"] = ("El mensaje no existe.", "The message does not exist."),
        ["inbox.not_in_triage"] = ("El mensaje ya no está en revisión.", "The message is no longer held for review."),
        ["inbox.already_processed"] = ("El mensaje ya fue procesado.", "The message was already processed."),
        ["inbox.discard_reason_required"] = ("Indica por qué se descarta el mensaje.", "Say why the message is discarded."),
        ["inbox.type_invalid"] = ("El tipo debe ser 'Incident' o 'Request'.", "The type must be 'Incident' or 'Request'."),
        ["inbox.requester_required"] = ("Indica el solicitante del ticket.", "Choose the ticket's requester."),
        ["inbox.requester_not_found"] = ("El solicitante no existe o está inactivo.", "The requester does not exist or is inactive."),
        ["inbox.mailbox_required"] = ("Falta el buzón de origen.", "The source mailbox is missing."),
        ["inbox.key_required"] = ("Falta el identificador del mensaje.", "The message identifier is missing."),

        ["inbox.reason.own_mail"] = ("Correo enviado por la propia Mesa de Servicios.", "Mail sent by the service desk itself."),
        ["inbox.reason.bounce"] = ("Aviso de no entrega (rebote).", "Delivery failure report (bounce)."),
        ["inbox.reason.auto_submitted"] = ("Mensaje automático (Auto-Submitted).", "Automatic message (Auto-Submitted)."),
        ["inbox.reason.auto_reply"] = ("Respuesta automática (fuera de oficina).", "Automatic reply (out of office)."),
        ["inbox.reason.bulk"] = ("Correo masivo.", "Bulk mail."),
        ["inbox.reason.mailing_list"] = ("Correo de una lista de distribución.", "Mailing-list mail."),
        ["inbox.reason.no_keyword"] = ("El asunto no contiene la palabra «solicitud» y no responde a un ticket.", "The subject lacks the word \"solicitud\" and it is not a reply to a ticket."),
        ["inbox.reason.sender_not_allowed"] = ("El remitente no es un usuario ni tiene correo institucional.", "The sender is neither a user nor from an institutional domain."),
        ["inbox.reason.inactive_sender"] = ("El remitente tiene la cuenta inactiva.", "The sender's account is inactive."),
        ["inbox.reason.reply_unknown_sender"] = ("Respuesta a un ticket desde una dirección que no es de un usuario.", "Reply to a ticket from an address that is not a user's."),
        ["inbox.reason.reply_not_participant"] = ("Respuesta a un ticket de alguien que no es solicitante, observador ni técnico.", "Reply to a ticket from someone who is neither requester, observer nor technician."),
        ["inbox.reason.empty_sender"] = ("El mensaje no tiene remitente.", "The message has no sender."),

        ["inbox.field.name"] = ("Nombre del funcionario o contratista", "Name of the staff member or contractor"),
        ["inbox.field.department"] = ("Dependencia", "Department"),
        ["inbox.field.phone"] = ("Número de contacto", "Contact phone"),
        ["inbox.field.detail"] = ("Detalle de la solicitud", "Detail of the request"),

        ["inbox.mail.how_to.subject"] = ("Cómo crear un ticket por correo — Mesa de Servicios", "How to open a ticket by e-mail — Service desk"),
        ["inbox.mail.how_to.body"] = (
            "Hola,\n\nRecibimos su correo «{0}». Quedó en revisión: un técnico lo leerá, pero no se creó un ticket automáticamente.\n\nPara que su correo se convierta en un ticket:\n- Escriba a {1}.\n- Incluya en el asunto la palabra «solicitud» y una idea resumida de lo que necesita.\n- En el mensaje indique como mínimo:\n  Nombre: (funcionario o contratista que requiere el servicio)\n  Dependencia:\n  Número de contacto:\n  Detalle de la solicitud:\n\nMesa de Servicios — Oficina TIC\n(Mensaje automático.)",
            "Hello,\n\nWe received your e-mail \"{0}\". It is held for review: a technician will read it, but no ticket was opened automatically.\n\nTo have your e-mail become a ticket:\n- Write to {1}.\n- Put the word \"solicitud\" in the subject, with a short summary of what you need.\n- In the message give at least: name, department, contact phone and the detail of the request.\n\nService desk — ICT office\n(Automatic message.)"),
    };
}
