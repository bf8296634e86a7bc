namespace MesaServicios.Application.Users;

internal static class UsersMessages
{
    public static readonly IReadOnlyDictionary<string, (string Es, string En)> Entries = new Dictionary<string, (string Es, string En)>
    {
        ["users.email_required"] = ("El correo electrónico es obligatorio.", "The e-mail address is required."),
        ["users.email_invalid"] = ("El correo electrónico no es válido.", "The e-mail address is not valid."),
        ["users.email_domain_not_allowed"] = ("El correo debe ser institucional ({0}).", "The e-mail address must be institutional ({0})."),
        ["users.email_taken"] = ("Ya existe una cuenta con ese correo electrónico.", "An account with that e-mail address already exists."),
        ["users.name_required"] = ("El nombre completo es obligatorio.", "The full name is required."),
        ["users.not_found"] = ("El usuario no existe.", "The user does not exist."),
        ["users.language_invalid"] = ("El idioma debe ser 'es' o 'en'.", "The language must be 'es' or 'en'."),
        ["users.password_required"] = ("La contraseña es obligatoria.", "The password is required."),
        ["auth.invalid_credentials"] = ("Correo o contraseña incorrectos.", "Wrong e-mail or password."),
        ["auth.locked_out"] = ("La cuenta está bloqueada temporalmente por intentos fallidos. Inténtalo de nuevo en {0} minutos.", "The account is temporarily locked after failed attempts. Try again in {0} minutes."),
        ["auth.invalid_refresh_token"] = ("La sesión expiró o no es válida. Inicia sesión de nuevo.", "The session has expired or is not valid. Sign in again."),
        ["auth.refresh_token_reused"] = ("Se detectó el reuso de un token de sesión; por seguridad la sesión se cerró. Inicia sesión de nuevo.", "A session token was reused; for your security the session was ended. Sign in again."),
        ["auth.unsupported_grant_type"] = ("Tipo de concesión no soportado. Usa 'password' o 'refresh_token'.", "Unsupported grant type. Use 'password' or 'refresh_token'."),
        ["users.last_administrator"] = ("No se puede quitar el rol ni desactivar al último administrador activo.", "The last active administrator cannot be demoted or deactivated."),
        ["users.role_invalid"] = ("El rol no existe. Usa Requester, Technician o Administrator.", "Unknown role. Use Requester, Technician or Administrator."),
        ["users.value_too_long"] = ("El campo {0} supera los {1} caracteres.", "The field {0} is longer than {1} characters."),
        ["users.page_invalid"] = ("La página debe ser 1 o mayor.", "The page must be 1 or greater."),
        ["users.sort_invalid"] = ("El orden debe ser name, email o createdAt (con '-' delante para descendente).", "The sort must be name, email or createdAt (prefix '-' for descending)."),
        ["users.password_too_short"] = ("La contraseña debe tener al menos 10 caracteres.", "The password must be at least 10 characters long."),
        ["users.password_too_simple"] = ("La contraseña debe tener al menos 4 caracteres distintos.", "The password must contain at least 4 different characters."),
        ["users.password_contains_email"] = ("La contraseña no puede ser ni contener tu correo electrónico.", "The password cannot be or contain your e-mail address."),
        ["users.password_common"] = ("Esa contraseña es demasiado común. Elige otra más difícil de adivinar.", "That password is too common. Choose one that is harder to guess."),
        ["users.current_password_wrong"] = ("La contraseña actual no es correcta.", "The current password is not correct."),
        ["users.import_file_required"] = ("Adjunta un archivo CSV en el campo 'file'.", "Attach a CSV file in the 'file' field."),
        ["users.import_not_csv"] = ("El archivo no es un CSV de texto en UTF-8.", "The file is not a UTF-8 text CSV."),
        ["users.import_no_email_column"] = ("El archivo no tiene una columna 'email' (o 'correo') en la primera línea.", "The file has no 'email' (or 'correo') column in its first line."),
        ["users.import_too_many_rows"] = ("El archivo tiene más de {0} filas. Divídelo en varios archivos.", "The file has more than {0} rows. Split it into several files."),
        ["users.import_duplicate_in_file"] = ("El correo ya aparece en la línea {0} del archivo.", "The e-mail address already appears on line {0} of the file."),
        ["auth.invalid_reset_token"] = ("El enlace para restablecer la contraseña no es válido, ya se usó o expiró. Solicita uno nuevo.", "The password reset link is not valid, was already used or has expired. Request a new one."),
        ["auth.forgot_password_accepted"] = ("Si el correo corresponde a una cuenta activa, enviamos un enlace para restablecer la contraseña.", "If the address belongs to an active account, we have sent a link to reset the password."),
        ["auth.dashboard_forbidden"] = ("Solo los administradores pueden abrir el tablero de trabajos.", "Only administrators can open the jobs dashboard."),
        ["auth.dashboard_bad_origin"] = ("La solicitud no proviene de esta página.", "The request does not come from this page."),
        ["auth.token_required"] = ("El token es obligatorio.", "The token is required."),
        ["users.directory_search_required"] = ("Escribe al menos 2 letras del nombre o del correo.", "Type at least 2 letters of the name or the e-mail address."),
        ["users.directory_limit_invalid"] = ("El límite debe estar entre 1 y {0}.", "The limit must be between 1 and {0}."),
    };
}
