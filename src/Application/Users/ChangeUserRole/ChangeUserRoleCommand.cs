using MesaServicios.Application.Audit.Contracts;
using FluentValidation;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Users.ChangeUserRole;

/// <summary>An administrator changes an account's role; the person's sessions end (tokens carry the role).</summary>
public sealed record ChangeUserRoleCommand(Guid UserId, UserRole Role) : ICommand<UserProfile>;

internal sealed class ChangeUserRoleValidator : AbstractValidator<ChangeUserRoleCommand>
{
    public ChangeUserRoleValidator()
    {
        RuleFor(c => c.Role).IsInEnum().WithMessage(_ => Messages.Get("users.role_invalid"));
    }
}

internal sealed class ChangeUserRoleCommandHandler(IUsersDbContext db, TimeProvider clock, IAuditLog audit) : ICommandHandler<ChangeUserRoleCommand, UserProfile>
{
    public async ValueTask<UserProfile> Handle(ChangeUserRoleCommand command, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == command.UserId, cancellationToken)
            ?? throw Errors.NotFound("users.not_found", command.UserId);
        if (command.Role != UserRole.Administrator)
        {
            await AdministratorGuard.EnsureNotLastAsync(db, user, cancellationToken);
        }

        var before = user.Role;
        user.ChangeRole(command.Role, clock.GetUtcNow());
        if (before != command.Role)
        {
            audit.Append(new AuditRecord("users.role_changed", null, user.Email, $"{before} → {command.Role}"));
        }

        return user.ToProfile();
    }
}
