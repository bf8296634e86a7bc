using Mediator;
using MesaServicios.Application.Common.Security;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Users.SignOut;

/// <summary>Ends the caller's current session: its access and refresh tokens stop working at once.</summary>
public sealed record SignOutCommand : ICommand;

internal sealed class SignOutCommandHandler(IUsersDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SignOutCommand>
{
    public async ValueTask<Unit> Handle(SignOutCommand command, CancellationToken cancellationToken)
    {
        var sessionId = currentUser.SessionId;
        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.UserId == currentUser.UserId, cancellationToken);
        session?.Revoke(SessionEndReasons.SignedOut, clock.GetUtcNow());
        return Unit.Value;
    }
}
