using System.Net;
using MesaServicios.Application.Notifications.Contracts;
using MesaServicios.Domain.Users;

namespace MesaServicios.Application.Users.Emails;

/// <summary>The account e-mails of the Users module, in the person's language (Spanish unless "en"), as plain text and HTML.</summary>
internal static class AccountEmails
{
    public const string InvitationKind = "users.invitation";
    public const string PasswordResetKind = "users.password_reset";

    public static EmailMessage Invitation(User user, string link, int validDays)
    {
        var english = user.Language == Language.English;
        var subject = english
            ? "Your IT Service Desk account: set your password"
            : "Tu cuenta de la Mesa de Servicios TIC: crea tu contraseña";
        var paragraphs = english
            ? new[]
            {
                $"Hello {user.FullName},",
                $"An account was created for you in the IT Service Desk of IES CINOC with the address {user.Email}.",
                "To start using it, set your password with this link:",
            }
            : new[]
            {
                $"Hola {user.FullName}:",
                $"Se creó una cuenta para ti en la Mesa de Servicios TIC de IES CINOC con el correo {user.Email}.",
                "Para empezar a usarla, crea tu contraseña con este enlace:",
            };
        var footer = english
            ? $"The link works once and for {validDays} days. If it expires, use \"Forgot your password?\" on the sign-in page."
            : $"El enlace sirve una sola vez y durante {validDays} días. Si vence, usa \"¿Olvidaste tu contraseña?\" en la página de inicio de sesión.";
        return Build(InvitationKind, user, subject, paragraphs, link, english ? "Set my password" : "Crear mi contraseña", footer, english);
    }

    public static EmailMessage PasswordReset(User user, string link, int validMinutes)
    {
        var english = user.Language == Language.English;
        var subject = english
            ? "Reset your IT Service Desk password"
            : "Restablece tu contraseña de la Mesa de Servicios TIC";
        var paragraphs = english
            ? new[]
            {
                $"Hello {user.FullName},",
                "We received a request to reset the password of your IT Service Desk account. Use this link to choose a new one:",
            }
            : new[]
            {
                $"Hola {user.FullName}:",
                "Recibimos una solicitud para restablecer la contraseña de tu cuenta de la Mesa de Servicios TIC. Usa este enlace para elegir una nueva:",
            };
        var footer = english
            ? $"The link works once and for {validMinutes} minutes. If you did not ask for it, ignore this message: your password does not change."
            : $"El enlace sirve una sola vez y durante {validMinutes} minutos. Si no lo solicitaste, ignora este mensaje: tu contraseña no cambia.";
        return Build(PasswordResetKind, user, subject, paragraphs, link, english ? "Choose a new password" : "Elegir una nueva contraseña", footer, english);
    }

    private static EmailMessage Build(string kind, User user, string subject, string[] paragraphs, string link, string button, string footer, bool english)
    {
        var signature = english ? "IT Service Desk — IES CINOC" : "Mesa de Servicios TIC — IES CINOC";
        var text = string.Join("\n\n", paragraphs) + $"\n\n{link}\n\n{footer}\n\n{signature}\n";
        var html = "<!DOCTYPE html><html lang=\"" + (english ? "en" : "es") + "\"><body style=\"font-family:Arial,sans-serif\">"
            + string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))
            + $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(button)}</a></p>"
            + $"<p style=\"color:#555\">{WebUtility.HtmlEncode(footer)}</p>"
            + $"<p>{WebUtility.HtmlEncode(signature)}</p></body></html>";
        return new EmailMessage(kind, user.Email, user.FullName, subject, text, html, user.Id);
    }
}
