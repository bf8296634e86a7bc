using MesaServicios.Application.Audit.Contracts;
using FluentValidation;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Users.ChangePassword;

/// <summary>The signed-in user changes his password with the current one; his other sessions end, this one goes on.</summary>
public sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword) : ICommand;

internal sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage(_ => Messages.Get("users.password_required")).MaximumLength(256);
        RuleFor(c => c.NewPassword).NotEmpty().WithMessage(_ => Messages.Get("users.password_required")).MaximumLength(256);
    }
}

internal sealed class ChangePasswordCommandHandler(IUsersDbContext db, ICredentialStore credentials, ICurrentUser currentUser, TimeProvider clock, IAuditLog audit)
    : ICommandHandler<ChangePasswordCommand>
{
    public async ValueTask<Unit> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw Errors.NotFound("users.not_found", userId);

        PasswordProblems.ThrowIfAny("newPassword", await credentials.ValidatePasswordAsync(user.Id, user.Email, command.NewPassword, cancellationToken));
        var errors = await credentials.ChangePasswordAsync(user.Id, command.CurrentPassword, command.NewPassword, cancellationToken);
        PasswordProblems.ThrowIfAny("currentPassword", errors.Where(e => e == "users.current_password_wrong").ToList());
        PasswordProblems.ThrowIfAny("newPassword", errors);

        audit.Append(new AuditRecord("users.password_changed", user.Id, user.Email));
        var now = clock.GetUtcNow();
        var current = currentUser.SessionId;
        var others = await db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null && s.Id != current).ToListAsync(cancellationToken);
        foreach (var session in others)
        {
            session.Revoke(SessionEndReasons.PasswordChanged, now);
        }

        return Unit.Value;
    }
}
