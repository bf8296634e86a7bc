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
    };
}
