namespace MesaServicios.Application.Common.Localization;

internal static class CommonMessages
{
    public static readonly IReadOnlyDictionary<string, (string Es, string En)> Entries = new Dictionary<string, (string Es, string En)>
    {
        ["validation_failed"] = ("Uno o más campos no son válidos.", "One or more fields are not valid."),
        ["validation_failed.title"] = ("Datos no válidos", "Invalid data"),
        ["common.forbidden"] = ("No tienes permiso para realizar esta acción.", "You are not allowed to do this."),
        ["common.not_found"] = ("El recurso solicitado no existe.", "The requested resource does not exist."),
        ["common.backup_use_server_tools"] = ("Con PostgreSQL la copia de seguridad se hace con las herramientas del servidor (pg_dump); consulta docs/operations.md.", "On PostgreSQL, back up with the server's own tools (pg_dump); see docs/operations.md."),
        ["common.precondition_failed"] = ("El recurso cambió desde que lo leíste. Vuelve a cargarlo e inténtalo de nuevo.", "The resource changed since you read it. Reload it and try again."),
        ["common.concurrent_update"] = ("Otra persona modificó este recurso al mismo tiempo. Vuelve a cargarlo e inténtalo de nuevo.", "Someone else changed this resource at the same time. Reload it and try again."),
        ["common.internal_error"] = ("Ocurrió un error inesperado. Ya quedó registrado; inténtalo de nuevo más tarde.", "An unexpected error occurred. It has been logged; try again later."),
        ["common.too_many_requests"] = ("Demasiadas solicitudes. Espera un momento e inténtalo de nuevo.", "Too many requests. Wait a moment and try again."),
        ["common.unauthorized"] = ("Debes iniciar sesión.", "You must sign in."),
        ["common.bad_request"] = ("La solicitud no es válida.", "The request is not valid."),
        ["common.payload_too_large"] = ("La solicitud es demasiado grande.", "The request is too large."),
        ["common.invalid_value"] = ("El valor no es válido o no tiene el formato esperado.", "The value is not valid or not in the expected format."),
        ["auth.required"] = ("Debes iniciar sesión.", "You must sign in."),
        ["common.duplicate_member"] = ("El campo aparece más de una vez en la solicitud.", "The field appears more than once in the request."),
        ["common.required"] = ("Este campo es obligatorio.", "This field is required."),
        ["common.control_characters"] = ("El texto contiene caracteres de control o de dirección no permitidos.", "The text contains control or direction characters that are not allowed."),
        ["common.storage_unavailable"] = ("El almacenamiento del servicio está lleno o no responde. Nada de lo que enviaste se guardó; inténtalo de nuevo en unos minutos.", "The service's storage is full or not responding. Nothing you sent was saved; try again in a few minutes."),
    };
}
