using MesaServicios.Application.Audit.Contracts;
using MesaServicios.Application.Common;
using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Notifications.Contracts;
using MesaServicios.Application.Users.Emails;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Users.ForgotPassword;

/// <summary>
/// "Forgot my password": for an existing active account, queues an e-mail with a one-time reset link. The
/// caller always gets the same answer and comparable work is done for unknown addresses, so the endpoint
/// does not tell which addresses have accounts.
/// </summary>
public sealed record ForgotPasswordCommand(string Email) : ICommand;

internal sealed class ForgotPasswordValidator : AbstractValidator<ForgotPasswordCommand>
{
    public ForgotPasswordValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage(_ => Messages.Get("users.email_required")).MaximumLength(254);
    }
}

internal sealed class ForgotPasswordCommandHandler(
    IUsersDbContext db,
    ICredentialStore credentials,
    IEmailOutbox outbox,
    MailLinks links,
    IOptions<AuthOptions> auth,
    IAuditLog audit) : ICommandHandler<ForgotPasswordCommand>
{
    public async ValueTask<Unit> Handle(ForgotPasswordCommand command, CancellationToken cancellationToken)
    {
        var email = command.Email.Trim().ToLowerInvariant();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == email && u.IsActive, cancellationToken);

        // Every request writes one audit entry, in one commit, whether the address has an account or not; an account
        // adds its reset mail to the same commit (one more row). The answer so costs the same either way (measured
        // in docs/benchmarks.md) and the mail is never lost: it is in the outbox when the caller hears 202.
        audit.Append(new AuditRecord("auth.password_reset_requested", null, email));
        if (user is null)
        {
            var decoy = await credentials.CreateDecoyResetTokenAsync(email, cancellationToken);
            _ = links.SetPassword(email, decoy);
            return Unit.Value;
        }

        var token = await credentials.CreatePasswordResetTokenAsync(user.Id, cancellationToken);
        outbox.Enqueue(AccountEmails.PasswordReset(user.Id, user.Email, user.FullName, user.Language, links.SetPassword(user.Email, token), auth.Value.PasswordResetTokenMinutes));
        return Unit.Value;
    }
}
