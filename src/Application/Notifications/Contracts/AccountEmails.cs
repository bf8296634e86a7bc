using System.Globalization;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Notifications.Matrix;

namespace MesaServicios.Application.Notifications.Contracts;

/// <summary>
/// The account mails (password reset, invitation) in the desk's one layout, in the person's language (Spanish by
/// default). Other modules build the message here and queue it with <see cref="IEmailOutbox"/>; these kinds are
/// security mails, which preferences can never turn off.
/// </summary>
public static class AccountEmails
{
    public static EmailMessage PasswordReset(Guid userId, string email, string fullName, string? language, string resetUrl, int validMinutes)
    {
        var culture = EmailLayout.Culture(language);
        var rendered = EmailLayout.Render(
            culture,
            Messages.Get("notifications.account.password_reset.subject", culture),
            fullName,
            [Messages.Get("notifications.account.password_reset.intro", culture, validMinutes.ToString(CultureInfo.InvariantCulture))],
            links: [new EmailLink(Messages.Get("notifications.account.password_reset.action", culture), resetUrl)],
            closingNotes: [Messages.Get("notifications.account.password_reset.ignore", culture)]);
        return new EmailMessage(NotificationMatrix.PasswordReset, email, fullName, rendered.Subject, rendered.TextBody, rendered.HtmlBody, userId);
    }

    public static EmailMessage Invitation(Guid userId, string email, string fullName, string? language, string setPasswordUrl, int validDays)
    {
        var culture = EmailLayout.Culture(language);
        var rendered = EmailLayout.Render(
            culture,
            Messages.Get("notifications.account.invitation.subject", culture),
            fullName,
            [Messages.Get("notifications.account.invitation.intro", culture, email)],
            links: [new EmailLink(Messages.Get("notifications.account.invitation.action", culture), setPasswordUrl)],
            closingNotes: [Messages.Get("notifications.account.invitation.validity", culture, validDays.ToString(CultureInfo.InvariantCulture))]);
        return new EmailMessage(NotificationMatrix.AccountInvitation, email, fullName, rendered.Subject, rendered.TextBody, rendered.HtmlBody, userId);
    }
}
