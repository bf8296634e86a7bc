using MesaServicios.Application.Audit.Contracts;
using Mediator;
using MesaServicios.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Users.DeactivateUser;

/// <summary>An administrator deactivates an account: it cannot sign in and its sessions end at once.</summary>
public sealed record DeactivateUserCommand(Guid UserId) : ICommand<UserProfile>;

/// <summary>An administrator reactivates an account; the person signs in again with the same password.</summary>
public sealed record ReactivateUserCommand(Guid UserId) : ICommand<UserProfile>;

internal sealed class DeactivateUserCommandHandler(IUsersDbContext db, TimeProvider clock, IAuditLog audit) :
    ICommandHandler<DeactivateUserCommand, UserProfile>,
    ICommandHandler<ReactivateUserCommand, UserProfile>
{
    public async ValueTask<UserProfile> Handle(DeactivateUserCommand command, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == command.UserId, cancellationToken)
            ?? throw Errors.NotFound("users.not_found", command.UserId);
        await AdministratorGuard.EnsureNotLastAsync(db, user, cancellationToken);
        user.Deactivate(clock.GetUtcNow());
        audit.Append(new AuditRecord("users.deactivated", null, user.Email));
        return user.ToProfile();
    }

    public async ValueTask<UserProfile> Handle(ReactivateUserCommand command, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == command.UserId, cancellationToken)
            ?? throw Errors.NotFound("users.not_found", command.UserId);
        user.Activate(clock.GetUtcNow());
        audit.Append(new AuditRecord("users.reactivated", null, user.Email));
        return user.ToProfile();
    }
}
