using MesaServicios.Application.Audit.Contracts;
using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Domain.Common;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Users.ResetPassword;

/// <summary>
/// Sets a new password with the token of a reset (or invitation) e-mail. The token works once, expires, and dies
/// with any password change. A reset ends every session of the account and clears its lockout.
/// </summary>
public sealed record ResetPasswordCommand(string Email, string Token, string NewPassword) : ICommand;

internal sealed class ResetPasswordValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage(_ => Messages.Get("users.email_required")).MaximumLength(254);
        RuleFor(c => c.Token).NotEmpty().WithMessage(_ => Messages.Get("auth.token_required")).MaximumLength(2048);
        RuleFor(c => c.NewPassword).NotEmpty().WithMessage(_ => Messages.Get("users.password_required")).MaximumLength(256);
    }
}

internal sealed class ResetPasswordCommandHandler(IUsersDbContext db, ICredentialStore credentials, TimeProvider clock, IAuditLog audit)
    : ICommandHandler<ResetPasswordCommand>
{
    public async ValueTask<Unit> Handle(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        var email = command.Email.Trim().ToLowerInvariant();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == email && u.IsActive, cancellationToken)
            ?? throw InvalidToken();

        PasswordProblems.ThrowIfAny("newPassword", await credentials.ValidatePasswordAsync(user.Id, user.Email, command.NewPassword, cancellationToken));
        var errors = await credentials.ResetPasswordAsync(user.Id, command.Token, command.NewPassword, cancellationToken);
        if (errors.Contains("auth.invalid_reset_token"))
        {
            throw InvalidToken();
        }

        PasswordProblems.ThrowIfAny("newPassword", errors);

        audit.Append(new AuditRecord("users.password_reset", user.Id, user.Email));
        var now = clock.GetUtcNow();
        var sessions = await db.UserSessions.Where(s => s.UserId == user.Id && s.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var session in sessions)
        {
            session.Revoke(SessionEndReasons.PasswordReset, now);
        }

        return Unit.Value;
    }

    private static DomainException InvalidToken() => new("auth.invalid_reset_token", DomainErrorKind.BadRequest);
}
