namespace MesaServicios.Application.Tickets.Attachments;

internal static class AttachmentsMessages
{
    public static readonly IReadOnlyDictionary<string, (string Es, string En)> Entries = new Dictionary<string, (string Es, string En)>
    {
        ["attachments.too_large"] = ("El archivo «{0}» supera el tamaño máximo permitido de {1}.", "The file “{0}” is larger than the allowed maximum of {1}."),
        ["attachments.too_many"] = ("Se pueden adjuntar como máximo {0} archivos por solicitud.", "At most {0} files can be attached per request."),
        ["attachments.extension_not_allowed"] = ("El tipo de archivo de «{0}» no está permitido. Tipos permitidos: {1}.", "The file type of “{0}” is not allowed. Allowed types: {1}."),
        ["attachments.content_mismatch"] = ("El contenido de «{0}» no corresponde a su extensión.", "The content of “{0}” does not match its extension."),
        ["attachments.empty"] = ("El archivo «{0}» está vacío.", "The file “{0}” is empty."),
        ["attachments.dangerous"] = ("Por seguridad no se admiten programas ni scripts: «{0}» fue rechazado.", "Programs and scripts are not accepted for security reasons: “{0}” was refused."),
        ["attachments.not_found"] = ("El archivo adjunto no existe o ya no está disponible.", "The attachment does not exist or is no longer available."),
    };
}
