using MesaServicios.Application.Common;
using MesaServicios.Application.Notifications.Contracts;
using MesaServicios.Domain.Users;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Users.Emails;

/// <summary>
/// Queues the "set your password" e-mail of a new account created without a password, in the caller's
/// transaction (outbox). The link carries an invitation token that lives longer than a reset token.
/// </summary>
internal sealed class AccountInvitations(
    ICredentialStore credentials,
    IEmailOutbox outbox,
    MailLinks links,
    IOptions<AuthOptions> auth)
{
    public async Task SendAsync(User user, CancellationToken cancellationToken)
    {
        var token = await credentials.CreateInvitationTokenAsync(user.Id, cancellationToken);
        var link = links.SetPassword(user.Email, token);
        outbox.Enqueue(AccountEmails.Invitation(user.Id, user.Email, user.FullName, user.Language, link, auth.Value.InvitationTokenDays));
    }
}
